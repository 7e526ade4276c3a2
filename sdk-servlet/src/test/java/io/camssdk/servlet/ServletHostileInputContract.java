package io.camssdk.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.duplicate.InMemoryDuplicateStore;
import io.camssdk.json.JsonObject;
import io.camssdk.receipt.ReceiptType;
import io.camssdk.signature.CamsHeaders;
import io.camssdk.signature.SignatureVerifier;
import io.camssdk.signature.Signer;
import io.camssdk.webhook.CamsEndpoint;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * A bounded, seeded set of attacks, written once and run on every container: floods, bombs, slow, truncated and
 * oversized bodies, replays, throwing handlers, CR/LF in headers. Every answer must be JSON with a {@code Code} and
 * the right status, must echo no header value or body content (each attack carries a marker that must never come
 * back), and a legitimate signed call must still be served afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
abstract class ServletHostileInputContract {
  static final String TOKEN = "hostile-token-4c1e9b27d5a0";
  static final String JSON = "application/json; charset=utf-8";
  static final int LIMIT = 256 * 1024;
  static final Duration DEADLINE = Duration.ofMillis(1000);
  static final long SEED = 20261130L;

  private final Random random = new Random(SEED);
  private final String marker = "MARK" + Long.toHexString(random.nextLong());
  private final Map<String, AtomicInteger> echoRuns = new ConcurrentHashMap<>();
  private final Set<String> inboundSeen = ConcurrentHashMap.newKeySet();
  private final AtomicInteger statusItems = new AtomicInteger();
  private final ExecutorService pool = Executors.newFixedThreadPool(24);
  private RunningContainer container;
  private HttpClient client;

  abstract RunningContainer start(Deployment deployment) throws Exception;

  record Amount(long amount) {}

  @BeforeAll
  void startContainer() throws Exception {
    CamsEndpoint endpoint = CamsEndpoint.builder()
        .verifier(SignatureVerifier.builder().token(TOKEN).build())
        .maxBodyBytes(LIMIT)
        // Small enough that a flood of 3000 fresh receipt items exceeds it.
        .duplicateStore(InMemoryDuplicateStore.builder().maxEntries(2000).build())
        .onIntent("ECHO", call -> {
          echoRuns.computeIfAbsent(call.requestId(), id -> new AtomicInteger()).incrementAndGet();
          return Map.of("echo", call.intentData().asMap());
        })
        .onIntent("BIND", call -> Map.of("amount", call.data(Amount.class).amount()))
        .onIntent("RUNTIME", call -> {
          throw new IllegalStateException("handler detail " + marker);
        })
        .onIntent("ASSERTION", call -> {
          throw new AssertionError("handler detail " + marker);
        })
        .onStatus(batch -> statusItems.addAndGet(batch.size()))
        .onInbound(batch -> batch.forEach(r -> {
          if (r.messageId().startsWith("assert-")) {
            throw new AssertionError("receipt handler detail " + marker);
          }
          inboundSeen.add(r.messageId());
        }))
        .build();
    ServletCallHandler failingAfterEndpoint = ServletCallHandler.builder().readDeadline(DEADLINE).build();
    Deployment deployment = new Deployment()
        .servlet("/cams/intents", new CamsIntentServlet(endpoint, DEADLINE))
        .servlet("/cams/receipts/status", new CamsReceiptServlet(endpoint, ReceiptType.STATUS, DEADLINE))
        .servlet("/cams/receipts/inbound", new CamsReceiptServlet(endpoint, ReceiptType.INBOUND, DEADLINE))
        .blockingServlet("/blocking/intents", new CamsIntentServlet(endpoint, DEADLINE))
        .servlet("/listener/intents", new HttpServlet() {
          @Override
          protected void service(HttpServletRequest request, HttpServletResponse response) {
            failingAfterEndpoint.serve(request, response, endpoint, in -> {
              endpoint.handleIntent(in);
              throw new AssertionError("listener detail " + marker); // as a metrics listener might
            });
          }
        })
        .filter("/routed/*", new CamsVerificationFilter(endpoint, DEADLINE))
        .servlet("/routed/stream", new BodyEchoServlet(false))
        .servlet("/routed/throws", new HttpServlet() {
          @Override
          protected void service(HttpServletRequest request, HttpServletResponse response) {
            throw new AssertionError("application detail " + marker);
          }
        });
    container = start(deployment);
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterAll
  void stopContainer() {
    pool.shutdownNow();
    if (container != null) {
      container.close();
    }
  }

  /** Whatever the attack, the platform's next call is served. */
  @AfterEach
  void legitimateSignedCallIsStillServed() throws Exception {
    String id = newId();
    byte[] body = intentBody(id, "ECHO", "{\"orderId\":\"A-1\"}");
    long started = System.nanoTime();
    HttpResponse<String> response = post("/cams/intents", signed(id, body), body);
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    assertThat(response.statusCode()).as("legitimate call after the attack; body %s", response.body()).isEqualTo(200);
    assertThat(JsonObject.parse(response.body()).getString("Code")).isEqualTo("OK");
    assertThat(millis).as("legitimate call latency (ms)").isLessThan(2000);
  }

  // ---- slow, truncated and oversized bodies -------------------------------------------------------------------

  @Test
  void slowBodiesAreAnswered408AtTheDeadlineAndClosedWhileLegitimateCallsAreServed() throws Exception {
    List<String> paths = List.of("/cams/intents", "/cams/receipts/status", "/blocking/intents", "/routed/stream");
    List<Future<SlowResult>> slow = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String path = paths.get(i % paths.size());
      slow.add(pool.submit(() -> trickle(path, 1000, Duration.ofMillis(200 + random.nextInt(200)))));
    }
    Thread.sleep(300); // all slow senders connected and trickling
    legitimateSignedCallIsStillServed();
    for (Future<SlowResult> result : slow) {
      SlowResult outcome = result.get(15, TimeUnit.SECONDS);
      assertAnswer(outcome.response(), 408, "RequestTimeout");
      assertThat(outcome.millis()).as("answered by the deadline (%s ms), not by the container's idle timeout",
          DEADLINE.toMillis()).isBetween(DEADLINE.toMillis() - 50, DEADLINE.toMillis() + 2500);
      if (outcome.path().startsWith("/cams/")) {
        // Async servlets. After a blocking read (the filter, a servlet not async-supported) Tomcat drains the
        // rest of the body on the request's thread before it closes: one reason to register servlets async.
        assertThat(outcome.closed()).as("connection closed after the 408 on %s", outcome.path()).isTrue();
      }
    }
  }

  @Test
  void bodiesArrivingInPiecesWithinTheDeadlineAreServed() throws Exception {
    for (String path : List.of("/cams/intents", "/blocking/intents", "/routed/stream")) {
      for (boolean chunked : new boolean[] {false, true}) {
        String id = newId();
        byte[] body = intentBody(id, "ECHO", "{\"pieces\":\"" + "p".repeat(random.nextInt(9000)) + "\"}");
        try (Socket socket = RawHttp.connect(container.port())) {
          List<String> lines = new ArrayList<>(List.of("Content-Type: " + JSON, "Connection: close",
              chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + body.length));
          signed(id, body).forEach((name, value) -> lines.add(name + ": " + value));
          RawHttp.send(socket, RawHttp.head(path, lines.toArray(String[]::new)));
          int sent = 0;
          for (int piece = 0; piece < 4; piece++) {
            int end = piece == 3 ? body.length : Math.min(body.length, sent + 1 + random.nextInt(body.length / 3));
            byte[] part = java.util.Arrays.copyOfRange(body, sent, end);
            RawHttp.send(socket, chunked ? chunk(part) : part);
            sent = end;
            Thread.sleep(60);
          }
          if (chunked) {
            RawHttp.send(socket, "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          }
          RawHttp.Response response = RawHttp.Response.read(socket.getInputStream());
          assertThat(response.status()).as("%s chunked=%s: %s", path, chunked, response.body()).isEqualTo(200);
        }
      }
    }
    // Over the limit, arriving in pieces: the read stops at limit + 1 byte and the endpoint answers 413.
    try (Socket socket = RawHttp.connect(container.port())) {
      RawHttp.send(socket, RawHttp.head("/cams/intents", "Content-Type: " + JSON, "Transfer-Encoding: chunked"));
      byte[] piece = chunk(("\"" + marker + "\"").repeat(LIMIT / 8 / marker.length()).getBytes(StandardCharsets.UTF_8));
      Future<?> writer = pool.submit(() -> {
        for (int i = 0; i < 12 && RawHttp.send(socket, piece); i++) {
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      assertAnswer(RawHttp.Response.read(socket.getInputStream()), 413, "PayloadTooLarge");
      writer.cancel(true);
    }
  }

  private static byte[] chunk(byte[] data) {
    byte[] head = (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
    byte[] out = java.util.Arrays.copyOf(head, head.length + data.length + 2);
    System.arraycopy(data, 0, out, head.length, data.length);
    out[out.length - 2] = '\r';
    out[out.length - 1] = '\n';
    return out;
  }

  record SlowResult(String path, RawHttp.Response response, long millis, boolean closed) {}

  /** Declares {@code length} bytes and sends one byte per {@code gap} until the server answers. */
  private SlowResult trickle(String path, int length, Duration gap) throws Exception {
    String id = newId();
    try (Socket socket = RawHttp.connect(container.port())) {
      long started = System.nanoTime();
      RawHttp.send(socket, RawHttp.head(path, "Content-Type: " + JSON, "Content-Length: " + length,
          CamsHeaders.REQUEST_ID + ": " + id));
      Thread sender = new Thread(() -> {
        for (int i = 0; i < length; i++) {
          if (!RawHttp.send(socket, new byte[] {'{'})) {
            return;
          }
          try {
            Thread.sleep(gap.toMillis());
          } catch (InterruptedException e) {
            return;
          }
        }
      }, "slow-sender");
      sender.setDaemon(true);
      sender.start();
      RawHttp.Response response = RawHttp.Response.read(socket.getInputStream());
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
      socket.setSoTimeout(3000);
      boolean closed = RawHttp.closedByServer(socket);
      sender.interrupt();
      return new SlowResult(path, response, millis, closed);
    }
  }

  @Test
  void truncatedBodyIsAnswered400MalformedPayloadInJson() throws Exception {
    for (String path : List.of("/cams/intents", "/cams/receipts/status")) {
      String id = newId();
      byte[] body = intentBody(id, "ECHO", "{\"note\":\"" + marker + "\"}");
      int sent = 20 + random.nextInt(body.length - 40);
      try (Socket socket = RawHttp.connect(container.port())) {
        Map<String, String> headers = signed(id, body);
        List<String> lines = new ArrayList<>(List.of("Content-Type: " + JSON, "Content-Length: " + (body.length + 500)));
        headers.forEach((name, value) -> lines.add(name + ": " + value));
        RawHttp.send(socket, RawHttp.head(path, lines.toArray(String[]::new)));
        RawHttp.send(socket, java.util.Arrays.copyOf(body, sent));
        socket.shutdownOutput(); // the client half-closes: the declared length never arrives
        assertAnswer(RawHttp.Response.read(socket.getInputStream()), 400, "MalformedPayload");
      }
    }
  }

  @Test
  void oversizedBodiesAreAnswered413WithoutReadingThemWhole() throws Exception {
    for (String path : List.of("/cams/intents", "/cams/receipts/inbound", "/routed/stream", "/blocking/intents")) {
      long declared = LIMIT + 1 + random.nextInt(100 * LIMIT);
      try (Socket socket = RawHttp.connect(container.port())) {
        RawHttp.send(socket, RawHttp.head(path, "Content-Type: " + JSON, "Content-Length: " + declared,
            CamsHeaders.REQUEST_ID + ": " + marker));
        RawHttp.send(socket, ("{\"pad\":\"" + marker).getBytes(StandardCharsets.UTF_8));
        assertAnswer(RawHttp.Response.read(socket.getInputStream()), 413, "PayloadTooLarge");
      }
      try (Socket socket = RawHttp.connect(container.port())) {
        RawHttp.send(socket, RawHttp.head(path, "Content-Type: " + JSON, "Transfer-Encoding: chunked"));
        Future<?> writer = pool.submit(() -> {
          byte[] chunk = ("2000\r\n" + marker.repeat(8192 / marker.length() + 1).substring(0, 8192) + "\r\n")
              .getBytes(StandardCharsets.US_ASCII);
          for (int i = 0; i < 4 * LIMIT / 8192 && RawHttp.send(socket, chunk); i++) {
            // never the last chunk
          }
        });
        assertAnswer(RawHttp.Response.read(socket.getInputStream()), 413, "PayloadTooLarge");
        writer.cancel(true);
      }
    }
  }

  // ---- throwing handlers --------------------------------------------------------------------------------------

  @Test
  void throwingHandlersAreAnswered500HandlerErrorWithoutTheirDetails() throws Exception {
    for (String intent : List.of("RUNTIME", "ASSERTION")) {
      String id = newId();
      byte[] body = intentBody(id, intent, "{}");
      assertAnswer(post("/cams/intents", signed(id, body), body), 500, "HandlerError");
    }
    String id = newId();
    byte[] body = intentBody(id, "ECHO", "{}");
    assertAnswer(post("/listener/intents", signed(id, body), body), 500, "HandlerError");
    assertAnswer(post("/routed/throws", signed(id, body), body), 500, "HandlerError");
    byte[] push = ("[{\"MessageId\":\"assert-" + marker + "\",\"From\":\"8613800000000\",\"To\":\"8613900000000\","
        + "\"Timestamp\":1732420000000,\"Type\":\"TEXT\",\"Message\":\"hi\"}]").getBytes(StandardCharsets.UTF_8);
    assertAnswer(post("/cams/receipts/inbound", Map.of(), push), 500, "HandlerError");
  }

  // ---- headers ------------------------------------------------------------------------------------------------

  @Test
  void headersWithCrLfAreAnsweredInJsonWithoutEchoingThem() throws Exception {
    String id = newId();
    byte[] body = intentBody(id, "ECHO", "{}");
    Map<String, String> signed = signed(id, body);
    List<String[]> attacks = List.of(
        // a request id that smuggles a second header line
        new String[] {CamsHeaders.REQUEST_ID + ": " + id + "\r\nX-Injected: " + marker},
        // a signature whose line is split, the second half a forged header
        new String[] {CamsHeaders.SIGNATURE + ": " + signed.get(CamsHeaders.SIGNATURE) + "\r\nX-Log: " + marker
            + "\r\n" + CamsHeaders.REQUEST_ID + ": " + marker},
        // percent-encoded CR/LF, as a log forger would try
        new String[] {CamsHeaders.REQUEST_ID + ": " + id + "%0d%0aX-Injected:%20" + marker});
    for (String[] attack : attacks) {
      try (Socket socket = RawHttp.connect(container.port())) {
        List<String> lines = new ArrayList<>(List.of("Content-Type: " + JSON, "Content-Length: " + body.length,
            CamsHeaders.TIMESTAMP + ": " + signed.get(CamsHeaders.TIMESTAMP)));
        lines.addAll(List.of(attack));
        RawHttp.send(socket, RawHttp.head("/cams/intents", lines.toArray(String[]::new)));
        RawHttp.send(socket, body);
        RawHttp.Response response = RawHttp.Response.read(socket.getInputStream());
        assertThat(response.status()).as("status of %s", (Object) attack).isIn(400, 401);
        assertJson(response.status(), response.header("Content-Type"), response.body());
        assertThat(response.headers().toString()).doesNotContain(marker);
      }
    }
  }

  /**
   * Control characters inside a header line are refused by the container's HTTP parser, before any servlet runs:
   * the answer is the container's (an error handler of the application's can make it JSON, as the Jetty sample
   * does), but it is never a success and never echoes the value.
   */
  @Test
  void controlCharactersInHeadersAreRefusedByTheContainerWithoutEcho() throws Exception {
    String id = newId();
    byte[] body = intentBody(id, "ECHO", "{}");
    for (String value : List.of("req-\f" + marker, "req-\u0000" + marker, "req-\u007f" + marker)) {
      try (Socket socket = RawHttp.connect(container.port())) {
        RawHttp.send(socket, RawHttp.head("/cams/intents", "Content-Type: " + JSON,
            "Content-Length: " + body.length, CamsHeaders.REQUEST_ID + ": " + value));
        RawHttp.send(socket, body);
        RawHttp.Response response = RawHttp.Response.read(socket.getInputStream());
        assertThat(response.status()).isIn(400, 401);
        assertThat(response.body()).doesNotContain(marker);
        assertThat(response.headers().toString()).doesNotContain(marker);
      }
    }
  }

  // ---- needs core fixes -----------------------------------------------------------------------------------------

  @Test
  void receiptFloodDoesNotEvictVerifiedRequestIds() throws Exception {
    String id = newId();
    byte[] body = intentBody(id, "ECHO", "{}");
    assertThat(post("/cams/intents", signed(id, body), body).statusCode()).isEqualTo(200);
    for (int batch = 0; batch < 3; batch++) {
      StringBuilder push = new StringBuilder("[");
      for (int i = 0; i < 1000; i++) {
        push.append(i == 0 ? "" : ",").append(ServletAdapterContract.status(
            "flood-" + Long.toHexString(random.nextLong()), "Sent"));
      }
      byte[] bytes = push.append(']').toString().getBytes(StandardCharsets.UTF_8);
      HttpResponse<String> response = post("/cams/receipts/status", Map.of(), bytes);
      assertThat(response.statusCode()).isEqualTo(200);
    }
    assertThat(post("/cams/intents", signed(id, body), body).statusCode()).isEqualTo(200);
    assertThat(echoRuns.get(id)).as("the replayed call is answered from the store, its handler runs once").hasValue(1);
  }

  @Test
  @Disabled("needs core fix: a number literal with a huge exponent (1e999999999) in a receipt text field is "
      + "expanded by BigDecimal.toPlainString (Fields.numberText): a billion digits")
  void numberBombsInReceiptsAreRejectedQuickly() throws Exception {
    byte[] push = ("[{\"MessageId\":1e999999999,\"Status\":\"Sent\",\"From\":\"8613800000000\","
        + "\"To\":\"8613900000000\",\"Timestamp\":1732420000000}]").getBytes(StandardCharsets.UTF_8);
    long started = System.nanoTime();
    HttpResponse<String> response = post("/cams/receipts/status", Map.of(), push);
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(2000);
    assertAnswer(response, 400, "MalformedPayload");
  }

  @Test
  void numberBombsInReceiptTimestampsAreRejectedQuickly() throws Exception {
    byte[] push = ("[{\"MessageId\":\"m-" + marker + "\",\"Status\":\"Sent\",\"From\":\"8613800000000\","
        + "\"To\":\"8613900000000\",\"Timestamp\":1e999999999}]").getBytes(StandardCharsets.UTF_8);
    long started = System.nanoTime();
    assertAnswer(post("/cams/receipts/status", Map.of(), push), 400, "MalformedPayload");
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(2000);
  }

  @Test
  @Disabled("needs core fix: intent data numbers that do not fit the bound type (1e999999999 into a long) bind as "
      + "0 instead of failing with MalformedPayload")
  void numberBombsInIntentDataAreRejectedQuickly() throws Exception {
    long started = System.nanoTime();
    for (String data : List.of("{\"amount\":1e999999999}", "{\"amount\":-1e-999999999}",
        "{\"amount\":" + "9".repeat(39) + "}")) {
      String id = newId();
      byte[] body = intentBody(id, "BIND", data);
      HttpResponse<String> response = post("/cams/intents", signed(id, body), body);
      assertAnswer(response, 400, "MalformedPayload");
    }
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(3000);
  }

  @Test
  void signedStatusPushReplayedToTheInboundPathIsRejected() throws Exception {
    String messageId = "x-" + marker;
    byte[] push = ("[{\"MessageId\":\"" + messageId + "\",\"Status\":\"Sent\",\"Type\":\"TEXT\",\"Message\":\"hi\","
        + "\"From\":\"8613800000000\",\"To\":\"8613900000000\",\"Timestamp\":1732420000000}]")
        .getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = ServletAdapterContract.signedPush(ReceiptType.STATUS, newId(), push, TOKEN);
    assertThat(post("/cams/receipts/status", headers, push).statusCode()).isEqualTo(200);
    HttpResponse<String> replay = post("/cams/receipts/inbound", headers, push);
    assertThat(replay.statusCode()).isIn(400, 401);
    assertThat(inboundSeen).doesNotContain(messageId);
  }

  // ---- helpers --------------------------------------------------------------------------------------------------

  /** JSON, the status, the code, a one-line message, and nothing of the attack in the answer. */
  void assertAnswer(HttpResponse<String> response, int status, String code) {
    assertAnswer(new RawHttp.Response(response.statusCode(),
        Map.of("content-type", response.headers().firstValue("Content-Type").orElse("")), response.body()),
        status, code);
    assertThat(response.headers().map().toString()).doesNotContain(marker);
  }

  void assertAnswer(RawHttp.Response response, int status, String code) {
    assertThat(response.status()).as("status; body %s", response.body()).isEqualTo(status);
    assertJson(status, response.header("Content-Type"), response.body());
    assertThat(JsonObject.parse(response.body()).getString("Code")).isEqualTo(code);
  }

  void assertJson(int status, String contentType, String body) {
    assertThat(contentType).as("media type of the %s answer %s", status, body).isNotNull();
    assertThat(contentType.toLowerCase(Locale.ROOT)).startsWith("application/json");
    JsonObject reply = JsonObject.parse(body);
    assertThat(reply.getString("Code")).isNotBlank();
    assertThat(reply.getString("Message")).isNotBlank().doesNotContain("\n", "\r");
    assertThat(body).doesNotContain(marker, TOKEN, "Exception", "Error:", "\tat ", "v1=", "detail");
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + container.port() + path);
  }

  static String newId() {
    return ServletAdapterContract.newId();
  }

  static byte[] intentBody(String requestId, String intentCode, String intentData) {
    return ServletAdapterContract.intentBody(requestId, intentCode, intentData);
  }

  static Map<String, String> signed(String requestId, byte[] body) {
    return new LinkedHashMap<>(Signer.of(TOKEN).sign(requestId, body).asMap());
  }

  HttpResponse<String> post(String path, Map<String, String> headers, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", JSON);
    headers.forEach(request::header);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
