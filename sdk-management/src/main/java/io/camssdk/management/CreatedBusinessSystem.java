package io.camssdk.management;

import java.util.Objects;

/**
 * The reply of {@code CreateBusinessSystem}: the new id and its signature token, which the business system needs
 * to verify intent calls. Store the token as a secret; {@link #toString()} shows its last 4 characters only.
 *
 * @param businessSystemId the new business system's id
 * @param signature the signature token
 * @since 0.1
 */
public record CreatedBusinessSystem(String businessSystemId, String signature) {
  public CreatedBusinessSystem {
    Objects.requireNonNull(businessSystemId, "businessSystemId");
    Objects.requireNonNull(signature, "signature");
  }

  @Override
  public String toString() {
    return "CreatedBusinessSystem[businessSystemId=" + businessSystemId + ", signature=" + hint(signature) + "]";
  }

  static String hint(String secret) {
    return secret.length() <= 8 ? "****" : "****" + secret.substring(secret.length() - 4);
  }
}
