package io.camssdk.samples.springboot;

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

class SampleApplicationTest {
  private static final String TOKEN = "sample-token-123";
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static ConfigurableApplicationContext app;
  private static int port;

  @BeforeAll
  static void start() {
    app = SampleApplication.start(Map.of("cams.signature.tokens", TOKEN));
    port = SampleApplication.port(app);
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
  void echoesTheIntentData() throws Exception {
    HttpResponse<String> response = call("echo-1", "ECHO", "{\"orderId\":\"A-1\",\"n\":2}");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"Data\":{\"orderId\":\"A-1\",\"n\":2");
  }

  @Test
  void countsRunsAndReplaysRepeatedIds() throws Exception {
    String first = call("count-1", "COUNT", "{}").body();
    String again = call("count-1", "COUNT", "{}").body();
    String next = call("count-2", "COUNT", "{}").body();
    assertThat(again).isEqualTo(first);
    long n1 = Long.parseLong(first.replaceAll(".*\"count\":(\\d+).*", "$1"));
    long n2 = Long.parseLong(next.replaceAll(".*\"count\":(\\d+).*", "$1"));
    assertThat(n2).isEqualTo(n1 + 1);
  }

  @Test
  void failsOnceThenSucceedsOnTheRetry() throws Exception {
    HttpResponse<String> first = call("fail-1", "FAIL_ONCE", "{\"x\":1}");
    assertThat(first.statusCode()).isEqualTo(500);
    assertThat(first.body()).contains("HandlerError").doesNotContain("on purpose");
    HttpResponse<String> retry = call("fail-1", "FAIL_ONCE", "{\"x\":1}");
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(retry.body()).contains("\"Data\":{\"x\":1");
  }
}
