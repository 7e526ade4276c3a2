package io.camssdk.management;

import java.util.Objects;

/**
 * The reply of {@code RefreshBusinessSystemSignature}: the new signature token. The old token stays valid for a
 * grace period (24 h by default) so verifiers can be updated. {@link #toString()} shows the last 4 characters only.
 *
 * @param signature the new signature token
 * @since 0.1
 */
public record RefreshedSignature(String signature) {
  public RefreshedSignature {
    Objects.requireNonNull(signature, "signature");
  }

  @Override
  public String toString() {
    return "RefreshedSignature[signature=" + CreatedBusinessSystem.hint(signature) + "]";
  }
}
