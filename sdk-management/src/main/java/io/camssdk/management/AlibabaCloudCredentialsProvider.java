package io.camssdk.management;

import com.aliyun.credentials.Client;
import com.aliyun.credentials.models.CredentialModel;
import java.util.Objects;

/**
 * Credentials from Alibaba Cloud's own credential library ({@code com.aliyun:credentials-java}, an optional
 * dependency: add it to use this class). {@link #defaultChain()} looks where Alibaba Cloud's SDKs and CLI look, in
 * their order: the {@code ALIBABA_CLOUD_ACCESS_KEY_ID}/{@code _SECRET}/{@code SECURITY_TOKEN} environment
 * variables, OIDC role (ACK RRSA), the CLI's and the SDK's profile files, the ECS instance's RAM role, and a
 * credentials URI. The library caches temporary credentials and refreshes them before they expire; this class only
 * adapts what it returns, so a rotation is picked up by the next request.
 *
 * <pre>{@code
 * CamsManagementClient cams = CamsManagementClient.builder()
 *     .region("ap-southeast-1")
 *     .credentialsProvider(AlibabaCloudCredentialsProvider.defaultChain())
 *     .build();
 * }</pre>
 *
 * <p>Thread-safe. {@link #toString()} names the source, never a secret.
 *
 * @since 0.1
 */
public final class AlibabaCloudCredentialsProvider implements CredentialsProvider {
  private final Client client;
  private final String source;

  private AlibabaCloudCredentialsProvider(Client client, String source) {
    this.client = Objects.requireNonNull(client, "client");
    this.source = source;
  }

  /** Alibaba Cloud's default credential chain, resolved lazily on the first request. */
  public static AlibabaCloudCredentialsProvider defaultChain() {
    return new AlibabaCloudCredentialsProvider(new Client(), "default chain");
  }

  /** Credentials from a credentials client of the application's own (a RAM role ARN, a profile of its choice…). */
  public static AlibabaCloudCredentialsProvider of(Client client) {
    return new AlibabaCloudCredentialsProvider(client, "application's client");
  }

  /**
   * @throws IllegalStateException when the chain finds no credentials (the message is the library's: it names the
   *     places it looked, never a secret) or returns an incomplete pair
   */
  @Override
  public Credentials credentials() {
    CredentialModel model;
    try {
      model = client.getCredential();
    } catch (RuntimeException e) {
      throw new IllegalStateException("Alibaba Cloud credentials (" + source + ") are unavailable: "
          + e.getMessage() + ". Set ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET, a profile "
          + "in ~/.alibabacloud/credentials.ini, or a RAM role for the instance", e);
    }
    if (model == null || isBlank(model.getAccessKeyId()) || isBlank(model.getAccessKeySecret())) {
      throw new IllegalStateException("Alibaba Cloud credentials (" + source + ") returned no AccessKey pair; "
          + "bearer-token credentials cannot sign CAMS management calls");
    }
    String token = model.getSecurityToken();
    return new Credentials(model.getAccessKeyId(), model.getAccessKeySecret(), isBlank(token) ? null : token);
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  @Override
  public String toString() {
    return "AlibabaCloudCredentialsProvider[" + source + "]";
  }
}
