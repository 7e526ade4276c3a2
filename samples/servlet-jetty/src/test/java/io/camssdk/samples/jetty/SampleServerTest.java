package io.camssdk.samples.jetty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camssdk.duplicate.InMemoryDuplicateStore;
import io.camssdk.json.JsonObject;
import io.camssdk.signature.Signer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The sample over real HTTP on loopback ports. */
@Timeout(30)
final class SampleServerTest {
  private static final String TOKEN = "sample-token-2f9c4e1a";
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void echoRepliesTheIntentDataItReceived() throws Exception {
    try (SampleServer server = SampleServer.start(0, List.of(TOKEN), InMemoryDuplicateStore.create())) {
      HttpResponse<String> response = call(server.port(), newId(), "ECHO", "{\"orderId\":\"A-1001\",\"n\":[1,2]}");
      assertThat(response.statusCode()).isEqualTo(200);
      JsonObject data = JsonObject.parse(response.body()).getObject("Data");
      assertThat(data).isEqualTo(JsonObject.parse("{\"orderId\":\"A-1001\",\"n\":[1,2]}"));
    }
  }

  @Test
  void countRepliesHowOftenItsHandlerRanAndRepeatsDoNotCount() throws Exception {
    try (SampleServer server = SampleServer.start(0, List.of(TOKEN), InMemoryDuplicateStore.create())) {
      String first = newId();
      assertThat(count(call(server.port(), first, "COUNT", "{}"))).isEqualTo(1);
      assertThat(count(call(server.port(), first, "COUNT", "{}"))).isEqualTo(1);
      assertThat(count(call(server.port(), newId(), "COUNT", "{}"))).isEqualTo(2);
      assertThat(server.countRuns()).isEqualTo(2);
      assertThat(server.handlerRuns()).isEqualTo(2);
    }
  }

  @Test
  void twoInstancesSharingAStoreRunTheHandlerOnceForARetriedCall() throws Exception {
    InMemoryDuplicateStore shared = InMemoryDuplicateStore.create();
    try (SampleServer a = SampleServer.start(0, List.of(TOKEN), shared);
        SampleServer b = SampleServer.start(0, List.of(TOKEN), shared)) {
      assertThat(a.port()).isNotEqualTo(b.port());
      String id = newId();
      HttpResponse<String> first = call(a.port(), id, "COUNT", "{}");
      HttpResponse<String> retry = call(b.port(), id, "COUNT", "{}");
      assertThat(retry.statusCode()).isEqualTo(200);
      assertThat(retry.body()).isEqualTo(first.body());
      assertThat(a.handlerRuns() + b.handlerRuns()).isEqualTo(1);
    }
  }

  @Test
  void aCustomizerAddsIntentHandlersAndSettingsToTheSampleEndpoint() throws Exception {
    try (SampleServer server = SampleServer.start(0, List.of(TOKEN), InMemoryDuplicateStore.create(),
        endpoint -> endpoint.lease(Duration.ofSeconds(7)).onIntent("PING", call -> Map.of("pong", true)))) {
      HttpResponse<String> response = call(server.port(), newId(), "PING", "{}");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(JsonObject.parse(response.body()).getObject("Data").get("pong")).isEqualTo(true);
      assertThat(count(call(server.port(), newId(), "COUNT", "{}"))).isEqualTo(1);
    }
  }

  @Test
  void acceptsReceiptPushesOnEachPathAndCountsItems() throws Exception {
    try (SampleServer server = SampleServer.start(0, List.of(TOKEN), InMemoryDuplicateStore.create())) {
      String id = UUID.randomUUID().toString();
      Map<String, String> pushes = Map.of(
          "/cams/receipts/status", "[{\"MessageId\":\"s-" + id + "\",\"Status\":\"Delivered\",\"Timestamp\":1}]",
          "/cams/receipts/inbound", "[{\"MessageId\":\"i-" + id + "\",\"Type\":\"TEXT\",\"Message\":\"hi\"},"
              + "{\"MessageId\":\"j-" + id + "\",\"Type\":\"TEXT\",\"Message\":\"again\"}]",
          "/cams/receipts/audit", "[{\"WabaId\":\"w\",\"TemplateCode\":\"t-" + id + "\",\"Language\":\"en\","
              + "\"AuditStatus\":\"pass\"}]");
      for (Map.Entry<String, String> push : pushes.entrySet()) {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(server.port(), push.getKey()))
            .header("Content-Type", "application/json; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(push.getValue())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(push.getKey() + ": " + response.body()).isEqualTo(200);
      }
      assertThat(server.receiptItems()).isEqualTo(4);
    }
  }

  @Test
  void rejectsCallsSignedWithAnotherToken() throws Exception {
    try (SampleServer server = SampleServer.start(0, List.of(TOKEN), InMemoryDuplicateStore.create())) {
      String id = newId();
      byte[] body = body(id, "ECHO", "{}");
      HttpRequest.Builder request = HttpRequest.newBuilder(uri(server.port(), "/cams/intents"))
          .header("Content-Type", "application/json; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      Signer.of("not-the-sample-token").sign(id, body).asMap().forEach(request::header);
      HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(401);
      assertThat(JsonObject.parse(response.body()).getString("Code")).isEqualTo("InvalidSignature");
    }
  }

  @Test
  void readsPortAndTokensFromEnvironmentValues() {
    assertThat(SampleServer.parsePort(null)).isEqualTo(8080);
    assertThat(SampleServer.parsePort("0")).isZero();
    assertThatThrownBy(() -> SampleServer.parsePort("http")).hasMessage("PORT must be 0..65535 but was 'http'");
    assertThat(SampleServer.tokensFromEnvironment(" new-token, old-token ,")).containsExactly("new-token", "old-token");
    assertThat(SampleServer.tokensFromEnvironment(null)).isEmpty();
  }

  private HttpResponse<String> call(int port, String requestId, String intentCode, String data) throws Exception {
    byte[] body = body(requestId, intentCode, data);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(port, "/cams/intents"))
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    Signer.of(TOKEN).sign(requestId, body).asMap().forEach(request::header);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static long count(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return ((Number) JsonObject.parse(response.body()).getObject("Data").get("count")).longValue();
  }

  private static URI uri(int port, String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static String newId() {
    return "req-" + UUID.randomUUID();
  }

  private static byte[] body(String requestId, String intentCode, String data) {
    return ("{\"RequestId\":\"" + requestId + "\",\"IntentCode\":\"" + intentCode + "\",\"IntentData\":" + data
        + ",\"ChannelType\":\"whatsapp\",\"Timestamp\":1732420000000}").getBytes(StandardCharsets.UTF_8);
  }
}
