package io.camssdk.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialsTest {

  @Test
  void toStringNeverShowsTheSecretOrToken() {
    Credentials credentials = new Credentials("LTAI5tKey", "the-secret", "the-token");
    assertThat(credentials.toString()).contains("LTAI5tKey").doesNotContain("the-secret").doesNotContain("the-token");
    assertThat(CredentialsProvider.of(credentials).toString()).doesNotContain("the-secret");
    CamsManagementClient client = CamsManagementClient.builder().credentials(credentials).build();
    assertThat(client.toString()).doesNotContain("the-secret").doesNotContain("the-token");
  }

  @Test
  void readsTheStandardEnvironmentVariables() {
    CredentialsProvider provider = CredentialsProvider.fromEnvironment(Map.of(
        "ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tEnv",
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret",
        "ALIBABA_CLOUD_SECURITY_TOKEN", "env-token")::get);

    assertThat(provider.credentials()).isEqualTo(new Credentials("LTAI5tEnv", "env-secret", "env-token"));
  }

  @Test
  void treatsAnAbsentSecurityTokenAsLongTermCredentials() {
    CredentialsProvider provider = CredentialsProvider.fromEnvironment(Map.of(
        "ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tEnv",
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret")::get);

    assertThat(provider.credentials().securityToken()).isNull();
  }

  @Test
  void namesTheMissingEnvironmentVariable() {
    assertThatThrownBy(() -> CredentialsProvider.fromEnvironment(Map.of(
        "ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tEnv")::get))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Environment variable ALIBABA_CLOUD_ACCESS_KEY_SECRET is not set");
  }

  @Test
  void rejectsBlankKeys() {
    assertThatThrownBy(() -> Credentials.of(" ", "s")).hasMessage("accessKeyId must not be blank");
    assertThatThrownBy(() -> Credentials.of("id", "")).hasMessage("accessKeySecret must not be blank");
  }

  @Test
  void refusesPlainHttpEndpointsExceptLoopback() {
    CamsManagementClient.Builder builder = CamsManagementClient.builder().credentials(Credentials.of("a", "b"));
    assertThatThrownBy(() -> builder.endpoint("http://cams.ap-southeast-1.aliyuncs.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must use https");
    assertThat(builder.endpoint("http://127.0.0.1:9000").build().endpoint().getPort()).isEqualTo(9000);
  }

  @Test
  void requiresCredentials() {
    assertThatThrownBy(() -> CamsManagementClient.builder().build())
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("credentials");
  }

  @Test
  void clientToStringShowsNeitherTheSecretNorAProvidersOwnToString() {
    CredentialsProvider leaky = new CredentialsProvider() {
      @Override
      public Credentials credentials() {
        return Credentials.of("LTAIid", "provider-secret");
      }

      @Override
      public String toString() {
        return "provider-secret";
      }
    };
    String fixed = CamsManagementClient.builder().credentials(Credentials.of("LTAIid", "fixed-secret")).build()
        .toString();
    String custom = CamsManagementClient.builder().credentialsProvider(leaky).build().toString();

    assertThat(fixed).contains("LTAIid").doesNotContain("fixed-secret");
    assertThat(custom).doesNotContain("provider-secret");
  }
}
