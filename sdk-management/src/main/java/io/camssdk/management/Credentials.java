package io.camssdk.management;

import java.util.Objects;

/**
 * An Alibaba Cloud AccessKey pair, optionally with the security token of temporary (STS) credentials. The secret
 * and the token never appear in {@link #toString()}.
 *
 * <pre>{@code
 * Credentials credentials = Credentials.of("LTAI...", secret);
 * Credentials sts = new Credentials("STS.NT...", secret, securityToken);
 * }</pre>
 *
 * @param accessKeyId the AccessKey ID, sent in the {@code Authorization} header
 * @param accessKeySecret the AccessKey secret, used only as the HMAC key
 * @param securityToken the STS security token, or {@code null} for a long-term AccessKey
 * @since 0.1
 */
public record Credentials(String accessKeyId, String accessKeySecret, String securityToken) {

  /**
   * @throws IllegalArgumentException when the ID or the secret is blank, or the token is present but blank
   */
  public Credentials {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(accessKeySecret, "accessKeySecret");
    if (accessKeyId.isBlank()) {
      throw new IllegalArgumentException("accessKeyId must not be blank");
    }
    if (accessKeySecret.isBlank()) {
      throw new IllegalArgumentException("accessKeySecret must not be blank");
    }
    if (securityToken != null && securityToken.isBlank()) {
      throw new IllegalArgumentException("securityToken must be null or not blank");
    }
  }

  /** Long-term credentials: an AccessKey ID and secret, no security token. */
  public static Credentials of(String accessKeyId, String accessKeySecret) {
    return new Credentials(accessKeyId, accessKeySecret, null);
  }

  /** Shows the AccessKey ID only; the secret and the token are redacted. */
  @Override
  public String toString() {
    return "Credentials[accessKeyId=" + accessKeyId + ", accessKeySecret=****"
        + (securityToken == null ? "" : ", securityToken=****") + "]";
  }
}
