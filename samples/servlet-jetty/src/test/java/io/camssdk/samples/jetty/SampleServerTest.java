package io.camssdk.samples.jetty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camssdk.duplicate.InMemoryDuplicateStore;
import io.camssdk.json.JsonObject;
import io.camssdk.signature.Signer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
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
  void receiptFieldsHoldingCrLfCannotForgeALogLine() throws Exception {
    String forged = "2026-11-30T09:00:00.000+00:00 [main] INFO io.camssdk.Payments - refund approved";
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try (SampleServer server = SampleServer.start(0, List.of(TOKEN), InMemoryDuplicateStore.create())) {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      String push = "[{\"MessageId\":\"m-1\\r\\n" + forged + "\",\"Status\":\"Delivered\\n" + forged
          + "\",\"Timestamp\":1}]";
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri(server.port(), "/cams/receipts/status"))
          .header("Content-Type", "application/json; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.ofString(push)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertThat(log).contains("ChatAppStatus MessageId=\"m-1\\r\\n" + forged + "\" Status=\"Delivered\\n");
    assertThat(log.lines().filter(line -> line.contains("refund approved")))
        .as("every line naming the forged text is the sample's own receipt line")
        .allSatisfy(line -> assertThat(line).contains("ChatAppStatus MessageId="));
  }

  @Test
  void quotesAndEscapesLoggedValues() {
    assertThat(LogValues.quoted(null)).isEqualTo("-");
    assertThat(LogValues.quoted("a\"b\\c\r\n\t\u0000\u2028\ud800x"))
        .isEqualTo("\"a\\\"b\\\\c\\r\\n\\t\\u0000\\u2028\\ud800x\"");
    assertThat(LogValues.quoted("caf\u00e9 \ud83d\ude00")).isEqualTo("\"caf\u00e9 \ud83d\ude00\"");
    assertThat(LogValues.quoted("x".repeat(200))).endsWith("\"...(72 more)");
  }

  @Test
  void errorsAnswerJsonWithoutServerHeaderOrVersion() throws Exception {
    try (SampleServer server = SampleServer.start(0, List.of(TOKEN), InMemoryDuplicateStore.create())) {
      HttpResponse<String> notFound = client.send(HttpRequest.newBuilder(uri(server.port(), "/admin")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(notFound.statusCode()).isEqualTo(404);
      assertThat(notFound.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
      assertThat(JsonObject.parse(notFound.body()).getString("Code")).isEqualTo("NotFound");
      assertThat(notFound.headers().firstValue("Server")).isEmpty();

      HttpResponse<String> handled = call(server.port(), newId(), "ECHO", "{}");
      assertThat(handled.headers().firstValue("Server")).isEmpty();
      assertThat(handled.headers().firstValue("X-Powered-By")).isEmpty();

      // A control character in a header: Jetty's parser refuses the request before any servlet runs.
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
        socket.setSoTimeout(5000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /cams/intents HTTP/1.1\r\nHost: localhost\r\nContent-Length: 2\r\n"
            + "X-Cams-Request-Id: req-\u0001MARKER\r\n\r\n{}").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        String answer = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer.toLowerCase(java.util.Locale.ROOT)).contains("content-type: application/json")
            .doesNotContain("server:", "jetty", "marker", "<html");
        assertThat(answer).contains("{\"Code\":\"BadRequest\",\"Message\":");
      }
    }
  }

  private static byte[] readAll(InputStream in) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[1024];
    try {
      for (int n; (n = in.read(buffer)) > 0; ) {
        bytes.write(buffer, 0, n);
      }
    } catch (java.net.SocketTimeoutException | java.net.SocketException endOfAnswer) {
      // the answer was read; the connection stays open or was reset
    }
    return bytes.toByteArray();
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
