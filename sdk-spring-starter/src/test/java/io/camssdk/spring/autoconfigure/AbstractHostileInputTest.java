package io.camssdk.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.receipt.ReceiptType;
import io.camssdk.signature.Signer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Hostile input against an application on a real port: a bounded, seeded set of attacks. Every answer is JSON with
 * a {@code Code} and the status of the contract, echoes no header value and no body content, and a legitimate
 * signed call still succeeds after each attack. Subclasses start the servlet and the reactive stack with
 * {@code cams.body-limit=2KB} and {@code cams.duplicates.max-entries=500}.
 */
abstract class AbstractHostileInputTest {
  static final String MAX_ENTRIES = "cams.duplicates.max-entries=500";
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String MARKER = "zq-echo-marker";

  private final Random random = new Random(20261130L);

  @Value("${local.server.port}")
  int port;

  @Autowired
  TestHandlers.OrderHandlers handlers;

  @Autowired
  TestHandlers.ReceiptHandlers receipts;

  abstract String stack();

  private String id(String what) {
    return stack() + "-" + what + "-" + Long.toHexString(random.nextLong());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest signed(String path, String requestId, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    Signer.of(TestHandlers.TOKEN).sign(requestId, body).asMap().forEach(request::header);
    return request.build();
  }

  private HttpRequest receiptPush(String path, Map<String, String> signedHeaders, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    signedHeaders.forEach(request::header);
    return request.build();
  }

  private HttpResponse<String> signedIntent(String requestId, String intentCode, String data) throws Exception {
    return send(signed("/cams/intents", requestId, TestHandlers.intentBody(requestId, intentCode, data)));
  }

  static void assertAnswer(int status, String contentType, String body, int expectedStatus, String code,
      String... neverEchoed) {
    assertThat(status).as(body).isEqualTo(expectedStatus);
    assertThat(contentType).as("Content-Type of %s", body).startsWith("application/json");
    assertThat(body).startsWith("{\"Code\":\"" + code + "\"");
    if (neverEchoed.length > 0) {
      assertThat(body).doesNotContain(neverEchoed);
    }
    assertThat(body).doesNotContain(MARKER, "Exception", "at io.", "hunter2");
  }

  static void assertAnswer(HttpResponse<String> response, int expectedStatus, String code, String... neverEchoed) {
    assertAnswer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(),
        expectedStatus, code, neverEchoed);
  }

  static void assertAnswer(RawHttp.Reply reply, int expectedStatus, String code, String... neverEchoed) {
    assertAnswer(reply.status(), String.valueOf(reply.header("Content-Type")), reply.body(), expectedStatus, code,
        neverEchoed);
  }

  /** After every attack: the endpoint still answers a legitimate signed call. */
  @AfterEach
  void aLegitimateSignedCallStillSucceeds() throws Exception {
    HttpResponse<String> response = signedIntent(id("legit"), "ORDER_STATUS", "{\"orderId\":\"L-1\"}");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).startsWith("{\"Code\":\"OK\"").contains("L-1");
  }

  private static String statusItems(Random random, int count) {
    List<String> items = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      items.add("{\"MessageId\":\"f-" + Long.toHexString(random.nextLong()) + "\",\"Status\":\"Delivered\","
          + "\"Timestamp\":1732420000000}");
    }
    return "[" + String.join(",", items) + "]";
  }

  @Test
  void aFloodOfFreshReceiptItemsIsAnsweredItemByItemInJson() throws Exception {
    int before = receipts.statuses.size();
    for (int push = 0; push < 60; push++) {
      HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/cams/receipts/status"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(statusItems(random, 20))).build());
      assertAnswer(response, 200, "OK", "f-");
    }
    assertThat(receipts.statuses.size() - before).isEqualTo(60 * 20);
  }

  @Test
  void receiptFloodDoesNotEvictVerifiedRequestIds() throws Exception {
    String victim = id("victim");
    assertThat(signedIntent(victim, "ORDER_STATUS", "{\"orderId\":\"V-1\"}").statusCode()).isEqualTo(200);
    int calls = handlers.statusCalls.get();
    for (int push = 0; push < 60; push++) { // 1 200 fresh items against max-entries=500
      send(HttpRequest.newBuilder(uri("/cams/receipts/status")).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(statusItems(random, 20))).build());
    }
    HttpResponse<String> replay = signedIntent(victim, "ORDER_STATUS", "{\"orderId\":\"V-1\"}");
    assertThat(replay.statusCode()).isEqualTo(200);
    assertThat(handlers.statusCalls.get()).as("the handler ran again after the flood").isEqualTo(calls);
  }

  @Test
  void oversizedBodiesAreRejectedWith413WhetherDeclaredOrChunked() throws Exception {
    for (int i = 0; i < 4; i++) {
      int size = 2049 + random.nextInt(1 << 18);
      String head = RawHttp.head("POST", "/cams/intents", port, "Content-Type: application/json",
          "Content-Length: " + size);
      byte[] part = (MARKER + "x".repeat(4000)).getBytes(StandardCharsets.US_ASCII);
      assertAnswer(RawHttp.exchange(port, false, 5000, RawHttp.chunk(head, 0), RawHttp.chunk(part, 0)), 413,
          "PayloadTooLarge");
      String chunked = RawHttp.head("POST", "/cams/receipts/status", port, "Content-Type: application/json",
          "Transfer-Encoding: chunked");
      assertAnswer(RawHttp.exchange(port, false, 5000,
          RawHttp.chunk(chunked + Integer.toHexString(part.length) + "\r\n", 0), RawHttp.chunk(part, 0),
          RawHttp.chunk("\r\n" + Integer.toHexString(part.length) + "\r\n", 0), RawHttp.chunk(part, 0)), 413,
          "PayloadTooLarge");
    }
  }

  @Test
  void aBodyShorterThanDeclaredIsRejectedWithoutEcho() throws Exception {
    String requestId = id("trunc");
    byte[] body = TestHandlers.intentBody(requestId, "PING", "{\"m\":\"" + MARKER + "\"}");
    StringBuilder head = new StringBuilder();
    Signer.of(TestHandlers.TOKEN).sign(requestId, body).asMap().forEach((k, v) -> head.append(k).append(": ")
        .append(v).append("\r\n"));
    String request = RawHttp.head("POST", "/cams/intents", port, "Content-Type: application/json",
        "Content-Length: " + (body.length + 100), head.toString().strip());
    RawHttp.Reply reply = RawHttp.exchange(port, true, 15000, RawHttp.chunk(request, 0), RawHttp.chunk(body, 0));
    assertThat(reply.headers() + reply.body()).doesNotContain(MARKER, requestId, TestHandlers.TOKEN);
    if (reply.body().startsWith("{")) {
      assertAnswer(reply, 400, "MalformedPayload", requestId);
    } else {
      // The connection broke, so no client reads this: Netty closes it unanswered; Tomcat 11 answers its own bare
      // 400 page instead of the servlet's reply, Tomcat 10.1 (Boot 3.5) forwards to Boot's /error page, which
      // Spring Security's default chain answers 401 with an empty body.
      assertThat(reply.status()).isIn(0, 400, 401);
      assertThat(reply.body()).doesNotContain("Exception", "\"RequestId\"");
    }
  }

  @Test
  void aSlowButCompleteBodyIsAnsweredNormally() throws Exception {
    String requestId = id("slow");
    byte[] body = TestHandlers.intentBody(requestId, "PING", "{\"n\":1}");
    StringBuilder head = new StringBuilder();
    Signer.of(TestHandlers.TOKEN).sign(requestId, body).asMap().forEach((k, v) -> head.append(k).append(": ")
        .append(v).append("\r\n"));
    String request = RawHttp.head("POST", "/cams/intents", port, "Content-Type: application/json",
        "Content-Length: " + body.length, head.toString().strip());
    List<RawHttp.Chunk> chunks = new ArrayList<>();
    chunks.add(RawHttp.chunk(request, 50));
    int step = body.length / 5 + 1;
    for (int at = 0; at < body.length; at += step) {
      chunks.add(RawHttp.chunk(java.util.Arrays.copyOfRange(body, at, Math.min(body.length, at + step)), 100));
    }
    RawHttp.Reply reply = RawHttp.exchange(port, false, 5000, chunks.toArray(RawHttp.Chunk[]::new));
    assertAnswer(reply, 200, "OK");
  }

  @Test
  void aThrowingHandlerIsAnsweredWithAGeneric500() throws Exception {
    assertAnswer(signedIntent(id("throw"), "THROWS_RUNTIME", "{}"), 500, "HandlerError",
        RejectionTableApp.ThrowingHandlers.SECRET, "IllegalStateException");
  }

  @Test
  void aHandlerThrowingAnErrorIsAnsweredWithAGeneric500() throws Exception {
    assertAnswer(signedIntent(id("assert"), "THROWS_ASSERTION", "{}"), 500, "HandlerError",
        RejectionTableApp.ThrowingHandlers.SECRET, "AssertionError");
  }

  @Test
  void aSignedStatusPushReplayedToTheInboundPathIsNotDelivered() throws Exception {
    String requestId = id("xpath");
    byte[] push = statusItems(random, 1).getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers =
        Signer.of(TestHandlers.TOKEN).signReceipt(ReceiptType.STATUS, requestId, push).asMap();
    assertAnswer(send(receiptPush("/cams/receipts/status", headers, push)), 200, "OK");
    int inboundBefore = receipts.inbound.size();
    HttpResponse<String> replay = send(receiptPush("/cams/receipts/inbound", headers, push));
    assertAnswer(replay, 401, "InvalidSignature", "f-");
    assertThat(receipts.inbound).hasSize(inboundBefore);
  }

  @Test
  void controlCharactersInHeadersAreNeverEchoed() throws Exception {
    String body = new String(TestHandlers.intentBody("crlf-1", "PING", "{}"), StandardCharsets.UTF_8);
    List<String[]> attacks = List.of(
        new String[] {"X-Cams-Request-Id: crlf-1%0d%0aSet-Cookie:%20" + MARKER},
        new String[] {"X-Cams-Request-Id: crlf-1", "X-Cams-Signature: v1=" + MARKER + "\r\n Set-Cookie: folded"},
        new String[] {"X-Cams-Request-Id: crlf-1\u0001" + MARKER},
        new String[] {"X-Cams-Request-Id: crlf-1", "X-Cams-Timestamp: 1" + MARKER + "\r"});
    for (String[] lines : attacks) {
      String[] all = new String[lines.length + 2];
      all[0] = "Content-Type: application/json";
      all[1] = "Content-Length: " + body.length();
      System.arraycopy(lines, 0, all, 2, lines.length);
      RawHttp.Reply reply = RawHttp.exchange(port, false, 5000,
          RawHttp.chunk(RawHttp.head("POST", "/cams/intents", port, all) + body, 0));
      assertThat(reply.headers() + reply.body()).doesNotContain(MARKER).doesNotContainIgnoringCase("Set-Cookie");
      if (reply.status() != 400 || reply.body().startsWith("{")) {
        // Reached the endpoint: its own answer. (A container may refuse a malformed header line itself: 400.)
        assertAnswer(reply, 401, reply.body().contains("StaleTimestamp") ? "StaleTimestamp" : "MissingSignature");
      }
    }
  }

  @Test
  void numberAndNestingBombsAreAnsweredQuickly() throws Exception {
    List<String> bombs = List.of(
        "{\"orderId\":\"B-1\",\"n\":1e999999999}",
        "{\"orderId\":\"B-2\",\"n\":" + "9".repeat(1500) + "}",
        "{\"orderId\":\"B-3\",\"n\":" + "[".repeat(900) + "]".repeat(900) + "}");
    for (String data : bombs) {
      long started = System.nanoTime();
      HttpResponse<String> response = signedIntent(id("bomb"), "ORDER_STATUS", data);
      assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2000);
      if (response.statusCode() == 200) {
        assertAnswer(response, 200, "OK", "999999");
      } else {
        assertAnswer(response, 400, "MalformedPayload", "999999", "[[[");
      }
    }
  }

}
