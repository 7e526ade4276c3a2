package io.camssdk.samples.springwebflux;

import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.signature.Signer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

class WebFluxSampleApplicationTest {
  private static final String TOKEN = "sample-token-123";
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static ConfigurableApplicationContext app;
  private static int port;

  @BeforeAll
  static void start() {
    app = WebFluxSampleApplication.start(Map.of("cams.signature.tokens", TOKEN));
    port = WebFluxSampleApplication.port(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static HttpResponse<String> call(String requestId, String intentCode, String data) throws Exception {
    byte[] body = ("{\"RequestId\":\"" + requestId + "\",\"IntentCode\":\"" + intentCode + "\",\"IntentData\":" + data
        + ",\"Timestamp\":" + System.currentTimeMillis() + "}").getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cams/intents"))
        .header("Content-Type", "application/json; charset=utf-8").POST(HttpRequest.BodyPublishers.ofByteArray(body));
    Signer.of(TOKEN).sign(requestId, body).asMap().forEach(request::header);
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void echoesTheIntentDataOnNetty() throws Exception {
    HttpResponse<String> response = call("echo-1", "ECHO", "{\"orderId\":\"A-1\",\"n\":2}");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"Data\":{\"orderId\":\"A-1\",\"n\":2");
  }

  @Test
  void replaysRepeatedIds() throws Exception {
    String first = call("count-1", "COUNT", "{}").body();
    assertThat(call("count-1", "COUNT", "{}").body()).isEqualTo(first);
  }

  @Test
  void rejectsUnsignedCallsInTheEndpointsFormat() throws Exception {
    HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/cams/intents"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).startsWith("{\"Code\":\"MissingSignature\"");
  }
}
