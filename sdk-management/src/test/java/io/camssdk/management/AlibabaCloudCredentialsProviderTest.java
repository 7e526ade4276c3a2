package io.camssdk.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aliyun.credentials.Client;
import com.aliyun.credentials.models.Config;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

class AlibabaCloudCredentialsProviderTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  private static Client stsClient() {
    return new Client(new Config().setType("sts").setAccessKeyId("STS.LTAI5tChainKey")
        .setAccessKeySecret("chain-secret-0123456789").setSecurityToken("chain-sts-token"));
  }

  @Test
  void adaptsTheLibrarysCredentialsIncludingTheSecurityToken() {
    Credentials credentials = AlibabaCloudCredentialsProvider.of(stsClient()).credentials();
    assertThat(credentials).isEqualTo(
        new Credentials("STS.LTAI5tChainKey", "chain-secret-0123456789", "chain-sts-token"));
  }

  @Test
  void theClientSignsWithTheLibrarysCredentials() throws Exception {
    CamsManagementClient client = CamsManagementClient.builder()
        .endpoint(server.url("/").toString())
        .credentialsProvider(AlibabaCloudCredentialsProvider.of(stsClient()))
        .retryPolicy(RetryPolicy.none())
        .build();
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"RequestId\":\"r\",\"Code\":\"OK\",\"Message\":\"\",\"Data\":{\"ChannelType\":\"whatsapp\"}}")
        .build());

    client.getServiceSettings("cams-space");

    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    assertThat(request.getHeaders().get("Authorization")).contains("Credential=STS.LTAI5tChainKey,");
    assertThat(request.getHeaders().get("x-acs-security-token")).isEqualTo("chain-sts-token");
  }

  @Test
  void toStringNamesTheSourceAndNoSecret() {
    assertThat(AlibabaCloudCredentialsProvider.of(stsClient()).toString())
        .isEqualTo("AlibabaCloudCredentialsProvider[application's client]")
        .doesNotContain("chain-secret").doesNotContain("chain-sts-token");
    assertThat(AlibabaCloudCredentialsProvider.defaultChain().toString())
        .isEqualTo("AlibabaCloudCredentialsProvider[default chain]");
  }

  @Test
  void aChainWithoutAnAccessKeyPairIsRefusedWithAnAction() {
    Client bearer = new Client(new Config().setType("bearer").setBearerToken("bearer-token-value"));
    assertThatThrownBy(() -> AlibabaCloudCredentialsProvider.of(bearer).credentials())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no AccessKey pair")
        .hasMessageNotContaining("bearer-token-value");
  }
}
