package io.camssdk.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.duplicate.ClaimResult;
import io.camssdk.duplicate.DuplicateStore;
import io.camssdk.duplicate.DuplicateStoreException;
import io.camssdk.duplicate.StoredReply;
import io.camssdk.json.JsonObject;
import io.camssdk.receipt.ReceiptType;
import io.camssdk.signature.CamsHeaders;
import io.camssdk.signature.SignatureVerifier;
import io.camssdk.signature.SignedHeaders;
import io.camssdk.signature.Signer;
import io.camssdk.webhook.CamsEndpoint;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The adapter's behaviour over real HTTP, written once and run on every container: subclasses only start the
 * container with the given deployment on a loopback port.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 30, unit = TimeUnit.SECONDS)
abstract class ServletAdapterContract {
  static final String OLD_TOKEN = "old-token-7d1f0c2e9a4b";
  static final String NEW_TOKEN = "new-token-3b8e5a1c6f0d";
  static final String JSON = "application/json; charset=utf-8";
  static final int LIMIT = 4096;
  static final String ENDPOINT_ATTRIBUTE = "test.cams.endpoint";

  private final Map<String, AtomicInteger> echoRuns = new ConcurrentHashMap<>();
  private volatile CountDownLatch slowEntered = new CountDownLatch(1);
  private volatile CountDownLatch slowRelease = new CountDownLatch(0);
  private final List<String> statusSeen = new CopyOnWriteArrayList<>();
  private final Set<String> inboundSeen = ConcurrentHashMap.newKeySet();
  private final List<String> auditSeen = new CopyOnWriteArrayList<>();
  private final Set<String> asyncDone = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean failNextAudit = new AtomicBoolean();
  private final ExecutorService receiptExecutor = Executors.newSingleThreadExecutor();
  private volatile CountDownLatch asyncEntered = new CountDownLatch(1);
  private volatile CountDownLatch asyncRelease = new CountDownLatch(0);
  private RunningContainer container;
  private HttpClient client;

  abstract RunningContainer start(Deployment deployment) throws Exception;

  @BeforeAll
  void startContainer() throws Exception {
    CamsEndpoint endpoint = CamsEndpoint.builder()
        .verifier(SignatureVerifier.builder().tokens(List.of(OLD_TOKEN, NEW_TOKEN)).build())
        .maxBodyBytes(LIMIT)
        .handlerBudget(Duration.ofSeconds(2))
        .onIntent("ECHO", call -> {
          echoRuns.computeIfAbsent(call.requestId(), id -> new AtomicInteger()).incrementAndGet();
          return Map.of("echo", call.intentData().asMap());
        })
        .onIntent("SLOW", call -> {
          slowEntered.countDown();
          slowRelease.await(10, TimeUnit.SECONDS);
          return Map.of("slow", true);
        })
        .onIntent("FAIL", call -> {
          throw new IllegalStateException("database refused password " + OLD_TOKEN);
        })
        .build();
    CamsEndpoint storeDown = CamsEndpoint.builder()
        .verifier(SignatureVerifier.builder().token(NEW_TOKEN).build())
        .duplicateStore(new UnreachableStore())
        .onIntent("ECHO", call -> Map.of())
        .build();
    Deployment deployment = new Deployment()
        .servlet("/cams/intents", new CamsIntentServlet(endpoint))
        .servlet("/down/intents", new CamsIntentServlet(storeDown))
        .servlet("/init/intents", new CamsIntentServlet(), Map.of(
            CamsInitParameters.SIGNATURE_TOKENS, OLD_TOKEN + ", " + NEW_TOKEN,
            CamsInitParameters.MAX_BODY_BYTES, String.valueOf(LIMIT),
            CamsInitParameters.TOLERANCE_SECONDS, "60",
            CamsInitParameters.HANDLER_BUDGET_MS, "1000",
            CamsInitParameters.CONFIGURER, EchoConfigurer.class.getName()))
        .servlet("/attr/intents", new CamsIntentServlet(), Map.of(
            CamsInitParameters.ENDPOINT_ATTRIBUTE, ENDPOINT_ATTRIBUTE))
        .contextAttribute(ENDPOINT_ATTRIBUTE, endpoint)
        .filter("/routed/*", new CamsVerificationFilter(endpoint))
        .servlet("/routed/reader", new BodyEchoServlet(true))
        .servlet("/routed/stream", new BodyEchoServlet(false));
    addReceiptMounts(deployment);
    container = start(deployment);
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** Receipt servlets: one per type, a strict one requiring signatures, one in executor mode, one from web.xml. */
  private void addReceiptMounts(Deployment deployment) {
    CamsEndpoint receipts = CamsEndpoint.builder()
        .verifier(SignatureVerifier.builder().tokens(List.of(OLD_TOKEN, NEW_TOKEN)).build())
        .maxBodyBytes(LIMIT)
        .onStatus(batch -> batch.forEach(r -> statusSeen.add(r.messageId() + "/" + r.status().value())))
        .onInbound(batch -> batch.forEach(r -> inboundSeen.add(r.messageId())))
        .onAudit(batch -> {
          if (failNextAudit.getAndSet(false)) {
            throw new IllegalStateException("audit table locked");
          }
          batch.forEach(r -> auditSeen.add(r.templateCode()));
        })
        .build();
    CamsEndpoint strict = CamsEndpoint.builder()
        .verifier(SignatureVerifier.builder().token(NEW_TOKEN).build())
        .requireReceiptSignature(true)
        .onStatus(batch -> {})
        .build();
    CamsEndpoint async = CamsEndpoint.builder()
        .verifier(SignatureVerifier.builder().token(NEW_TOKEN).build())
        .receiptExecutor(receiptExecutor)
        .onInbound(batch -> {
          asyncEntered.countDown();
          asyncRelease.await(10, TimeUnit.SECONDS);
          batch.forEach(r -> asyncDone.add(r.messageId()));
        })
        .build();
    deployment
        .servlet("/cams/receipts/status", new CamsReceiptServlet(receipts, ReceiptType.STATUS))
        .servlet("/cams/receipts/inbound", new CamsReceiptServlet(receipts, ReceiptType.INBOUND))
        .servlet("/cams/receipts/audit", new CamsReceiptServlet(receipts, ReceiptType.AUDIT))
        .servlet("/strict/receipts/status", new CamsReceiptServlet(strict, ReceiptType.STATUS))
        .servlet("/async/receipts/inbound", new CamsReceiptServlet(async, ReceiptType.INBOUND))
        .servlet("/init/receipts/audit", new CamsReceiptServlet(), Map.of(
            CamsInitParameters.RECEIPT_TYPE, "audit",
            CamsInitParameters.SIGNATURE_TOKENS, NEW_TOKEN,
            CamsInitParameters.REQUIRE_RECEIPT_SIGNATURE, "true",
            CamsInitParameters.CONFIGURER, EchoConfigurer.class.getName()));
  }

  @AfterAll
  void stopContainer() throws Exception {
    asyncRelease.countDown();
    if (container != null) {
      container.close();
    }
    receiptExecutor.shutdownNow();
  }

  // ---- receipts ---------------------------------------------------------------------------------------------

  @Test
  void servesUnsignedStatusPushAndDropsReceiptsSeenBefore() throws Exception {
    String messageId = "msg-" + UUID.randomUUID();
    byte[] push = ("[" + status(messageId, "Sent") + "," + status(messageId, "Delivered") + "]")
        .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> first = post("/cams/receipts/status", JSON, Map.of(), push);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(JsonObject.parse(first.body()).getString("Code")).isEqualTo("OK");
    byte[] again = ("[" + status(messageId, "Delivered") + "," + status(messageId, "Read") + "]")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(post("/cams/receipts/status", JSON, Map.of(), again).statusCode()).isEqualTo(200);
    assertThat(statusSeen.stream().filter(s -> s.startsWith(messageId)))
        .containsExactly(messageId + "/Sent", messageId + "/Delivered", messageId + "/Read");
  }

  @Test
  void verifiesSignedReceiptPushes() throws Exception {
    String messageId = "in-" + UUID.randomUUID();
    byte[] push = ("[{\"MessageId\":\"" + messageId + "\",\"CustSpaceId\":\"cams-83m8j9\",\"From\":\"8613800000000\","
        + "\"To\":\"8613900000000\",\"Timestamp\":1732420000000,\"Type\":\"TEXT\",\"Message\":\"hello\"}]")
        .getBytes(StandardCharsets.UTF_8);
    String batchId = newId();
    assertRejected(post("/cams/receipts/inbound", JSON, signedPush(ReceiptType.INBOUND, batchId, push,
        "forged-token-123"), push), 401, "InvalidSignature");
    assertThat(inboundSeen).doesNotContain(messageId);
    assertThat(post("/cams/receipts/inbound", JSON, signedPush(ReceiptType.INBOUND, batchId, push, OLD_TOKEN), push)
        .statusCode())
        .isEqualTo(200);
    assertThat(inboundSeen).contains(messageId);
  }

  @Test
  void rejectsUnsignedPushWhereSignaturesAreRequired() throws Exception {
    byte[] push = ("[" + status("m-" + UUID.randomUUID(), "Sent") + "]").getBytes(StandardCharsets.UTF_8);
    assertRejected(post("/strict/receipts/status", JSON, Map.of(), push), 401, "MissingSignature");
    assertThat(post("/strict/receipts/status", JSON, signedPush(ReceiptType.STATUS, newId(), push, NEW_TOKEN), push)
        .statusCode())
        .isEqualTo(200);
  }

  @Test
  void answersReceiptHandlerFailureWith500SoTheRetryDeliversTheBatch() throws Exception {
    String template = "tpl-" + UUID.randomUUID();
    byte[] push = ("[{\"WabaId\":\"waba-1\",\"TemplateCode\":\"" + template
        + "\",\"Language\":\"en\",\"AuditStatus\":\"pass\"}]").getBytes(StandardCharsets.UTF_8);
    failNextAudit.set(true);
    assertRejected(post("/cams/receipts/audit", JSON, Map.of(), push), 500, "HandlerError");
    assertThat(auditSeen).doesNotContain(template);
    assertThat(post("/cams/receipts/audit", JSON, Map.of(), push).statusCode()).isEqualTo(200);
    assertThat(auditSeen).containsOnlyOnce(template);
  }

  @Test
  void rejectsReceiptPushesPerContract() throws Exception {
    byte[] push = "[]".getBytes(StandardCharsets.UTF_8);
    assertRejected(client.send(HttpRequest.newBuilder(uri("/cams/receipts/status")).GET().build(),
        HttpResponse.BodyHandlers.ofString()), 405, "MethodNotAllowed");
    assertRejected(post("/cams/receipts/status", "text/xml", Map.of(), push), 415, "UnsupportedMediaType");
    byte[] big = ("[" + status("m-" + "x".repeat(LIMIT), "Sent") + "]").getBytes(StandardCharsets.UTF_8);
    assertRejected(post("/cams/receipts/status", JSON, Map.of(), big), 413, "PayloadTooLarge");
    byte[] notArray = "{\"MessageId\":\"m\"}".getBytes(StandardCharsets.UTF_8);
    assertRejected(post("/cams/receipts/status", JSON, Map.of(), notArray), 400, "MalformedPayload");
  }

  @Test
  void repliesAtOnceInExecutorModeAndRunsTheHandlerAfterwards() throws Exception {
    asyncEntered = new CountDownLatch(1);
    asyncRelease = new CountDownLatch(1);
    String messageId = "in-" + UUID.randomUUID();
    byte[] push = ("[{\"MessageId\":\"" + messageId + "\",\"From\":\"8613800000000\",\"To\":\"8613900000000\","
        + "\"Timestamp\":1732420000000,\"Type\":\"TEXT\",\"Message\":\"hi\"}]").getBytes(StandardCharsets.UTF_8);
    try {
      // The handler is held on a latch: the 200 can only arrive before it finishes.
      assertThat(post("/async/receipts/inbound", JSON, Map.of(), push).statusCode()).isEqualTo(200);
      assertThat(asyncDone).doesNotContain(messageId);
      assertThat(asyncEntered.await(10, TimeUnit.SECONDS)).isTrue();
    } finally {
      asyncRelease.countDown();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!asyncDone.contains(messageId) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(asyncDone).contains(messageId);
  }

  @Test
  void receiptServletConfiguredByInitParametersRequiresSignatureWhenToldTo() throws Exception {
    byte[] push = ("[{\"WabaId\":\"waba-1\",\"TemplateCode\":\"t-" + UUID.randomUUID()
        + "\",\"Language\":\"en\",\"AuditStatus\":\"fail\",\"Reason\":\"format\"}]")
        .getBytes(StandardCharsets.UTF_8);
    assertRejected(post("/init/receipts/audit", JSON, Map.of(), push), 401, "MissingSignature");
    assertThat(post("/init/receipts/audit", JSON, signedPush(ReceiptType.AUDIT, newId(), push, NEW_TOKEN), push)
        .statusCode())
        .isEqualTo(200);
  }

  static String status(String messageId, String status) {
    return "{\"MessageId\":\"" + messageId + "\",\"Status\":\"" + status + "\",\"From\":\"8613800000000\","
        + "\"To\":\"8613900000000\",\"Timestamp\":1732420000000}";
  }

  // ---- the rejection table, row by row --------------------------------------------------------------------

  @Test
  void rejectsOtherMethodsWith405() throws Exception {
    HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri("/cams/intents")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertRejected(response, 405, "MethodNotAllowed");
    assertThat(response.headers().firstValue("Allow")).hasValue("POST");
  }

  @Test
  void rejectsNonJsonMediaTypeWith415() throws Exception {
    String id = newId();
    byte[] body = intentBody(id, "ECHO", "{}");
    assertRejected(post("/cams/intents", "text/plain", signed(id, body, NEW_TOKEN), body), 415, "UnsupportedMediaType");
  }

  @Test
  void rejectsCharsetOtherThanUtf8With415() throws Exception {
    String id = newId();
    byte[] body = intentBody(id, "ECHO", "{}");
    assertRejected(post("/cams/intents", "application/json; charset=ISO-8859-1", signed(id, body, NEW_TOKEN), body),
        415, "UnsupportedMediaType");
  }

  @Test
  void rejectsBodyOverTheLimitWith413() throws Exception {
    String id = newId();
    byte[] body = intentBody(id, "ECHO", "{\"pad\":\"" + "x".repeat(LIMIT) + "\"}");
    HttpResponse<String> response = post("/cams/intents", JSON, signed(id, body, NEW_TOKEN), body);
    assertRejected(response, 413, "PayloadTooLarge");
  }

  @Test
  void rejectsMissingSignatureWith401() throws Exception {
    String id = newId();
    byte[] body = intentBody(id, "ECHO", "{}");
    Map<String, String> headers = signed(id, body, NEW_TOKEN);
    headers.remove(CamsHeaders.SIGNATURE);
    assertRejected(post("/cams/intents", JSON, headers, body), 401, "MissingSignature");
  }

  @Test
  void rejectsStaleTimestampWith401() throws Exception {
    String id = newId();
    byte[] body = intentBody(id, "ECHO", "{}");
    SignedHeaders stale = Signer.of(NEW_TOKEN).sign(id, Instant.now().getEpochSecond() - 3600, body);
    assertRejected(post("/cams/intents", JSON, new LinkedHashMap<>(stale.asMap()), body), 401, "StaleTimestamp");
  }

  @Test
  void rejectsSignatureOfUnknownTokenWith401() throws Exception {
    String id = newId();
    byte[] body = intentBody(id, "ECHO", "{}");
    assertRejected(post("/cams/intents", JSON, signed(id, body, "some-other-token-000"), body), 401,
        "InvalidSignature");
  }

  @Test
  void rejectsBodyChangedAfterSigningWith401() throws Exception {
    String id = newId();
    byte[] body = intentBody(id, "ECHO", "{\"amount\":1}");
    Map<String, String> headers = signed(id, body, NEW_TOKEN);
    byte[] tampered = intentBody(id, "ECHO", "{\"amount\":9}");
    assertRejected(post("/cams/intents", JSON, headers, tampered), 401, "InvalidSignature");
  }

  @Test
  void rejectsBodyThatIsNotJsonWith400() throws Exception {
    String id = newId();
    byte[] body = "RequestId=1&IntentCode=ECHO".getBytes(StandardCharsets.UTF_8);
    assertRejected(post("/cams/intents", JSON, signed(id, body, NEW_TOKEN), body), 400, "MalformedPayload");
  }

  @Test
  void rejectsMissingRequiredFieldWith400NamingIt() throws Exception {
    String id = newId();
    byte[] body = ("{\"RequestId\":\"" + id + "\",\"IntentData\":{},\"Timestamp\":1732420000000}")
        .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response = post("/cams/intents", JSON, signed(id, body, NEW_TOKEN), body);
    assertRejected(response, 400, "MalformedPayload");
    assertThat(message(response)).contains("IntentCode");
  }

  @Test
  void rejectsRequestIdDifferentFromHeaderWith400() throws Exception {
    String id = newId();
    byte[] body = intentBody("another-" + id, "ECHO", "{}");
    HttpResponse<String> response = post("/cams/intents", JSON, signed(id, body, NEW_TOKEN), body);
    assertRejected(response, 400, "MalformedPayload");
    assertThat(message(response)).contains("RequestId");
  }

  @Test
  void rejectsIntentWithoutHandlerWith404() throws Exception {
    String id = newId();
    byte[] body = intentBody(id, "NOBODY_HANDLES_THIS", "{}");
    assertRejected(post("/cams/intents", JSON, signed(id, body, NEW_TOKEN), body), 404, "UnknownIntent");
  }

  @Test
  void answersConcurrentDuplicateWith409WhileTheFirstRuns() throws Exception {
    slowEntered = new CountDownLatch(1);
    slowRelease = new CountDownLatch(1);
    String id = newId();
    byte[] body = intentBody(id, "SLOW", "{}");
    CompletableFuture<HttpResponse<String>> first = postAsync("/cams/intents", JSON, signed(id, body, NEW_TOKEN), body);
    try {
      assertThat(slowEntered.await(10, TimeUnit.SECONDS)).as("first call reached its handler").isTrue();
      HttpResponse<String> second = post("/cams/intents", JSON, signed(id, body, OLD_TOKEN), body);
      assertRejected(second, 409, "InProgress");
    } finally {
      slowRelease.countDown();
    }
    HttpResponse<String> firstResponse = first.get(10, TimeUnit.SECONDS);
    assertThat(firstResponse.statusCode()).isEqualTo(200);
    HttpResponse<String> retry = post("/cams/intents", JSON, signed(id, body, NEW_TOKEN), body);
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(retry.body()).isEqualTo(firstResponse.body());
  }

  @Test
  void answersHandlerFailureWith500WithoutItsDetails() throws Exception {
    String id = newId();
    byte[] body = intentBody(id, "FAIL", "{}");
    HttpResponse<String> response = post("/cams/intents", JSON, signed(id, body, NEW_TOKEN), body);
    assertRejected(response, 500, "HandlerError");
    assertThat(response.body()).doesNotContain("database", "IllegalStateException");
  }

  @Test
  void answersUnreachableDuplicateStoreWith503() throws Exception {
    String id = newId();
    byte[] body = intentBody(id, "ECHO", "{}");
    assertRejected(post("/down/intents", JSON, signed(id, body, NEW_TOKEN), body), 503, "StoreUnavailable");
  }

  // ---- handled calls ----------------------------------------------------------------------------------------

  @Test
  void servesSignedCallWithHandlerData() throws Exception {
    String id = newId();
    byte[] body = intentBody(id, "ECHO", "{\"orderId\":\"A-1001\",\"note\":\"caf\u00e9 \u2615\"}");
    HttpResponse<String> response = post("/cams/intents", JSON, signed(id, body, NEW_TOKEN), body);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow().toLowerCase(Locale.ROOT))
        .startsWith("application/json");
    JsonObject reply = JsonObject.parse(response.body());
    assertThat(reply.getString("Code")).isEqualTo("OK");
    assertThat(reply.getObject("Data").getObject("echo").getString("note")).isEqualTo("caf\u00e9 \u2615");
  }

  @Test
  void acceptsOldAndNewTokenDuringRotation() throws Exception {
    for (String token : List.of(OLD_TOKEN, NEW_TOKEN)) {
      String id = newId();
      byte[] body = intentBody(id, "ECHO", "{}");
      assertThat(post("/cams/intents", JSON, signed(id, body, token), body).statusCode()).as(token.substring(0, 3))
          .isEqualTo(200);
    }
    String id = newId();
    byte[] body = intentBody(id, "ECHO", "{}");
    // The platform sends one entry per active token while it rotates.
    SignedHeaders both = Signer.of(OLD_TOKEN, NEW_TOKEN).sign(id, body);
    assertThat(both.signature()).contains(" ");
    assertThat(post("/cams/intents", JSON, new LinkedHashMap<>(both.asMap()), body).statusCode()).isEqualTo(200);
  }

  @Test
  void repeatsFirstReplyForDuplicateAndRunsHandlerOnce() throws Exception {
    String id = newId();
    byte[] body = intentBody(id, "ECHO", "{\"n\":1}");
    HttpResponse<String> first = post("/cams/intents", JSON, signed(id, body, NEW_TOKEN), body);
    HttpResponse<String> second = post("/cams/intents", JSON, signed(id, body, OLD_TOKEN), body);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(echoRuns.get(id)).hasValue(1);
  }

  @Test
  void readsChunkedBody() throws Exception {
    String id = newId();
    byte[] body = intentBody(id, "ECHO", "{\"chunked\":true}");
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/cams/intents"))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
        .header("Content-Type", JSON);
    signed(id, body, NEW_TOKEN).forEach(request::header);
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JsonObject.parse(response.body()).getObject("Data").getObject("echo").asMap())
        .containsEntry("chunked", true);
  }

  @Test
  void rejectsEndlessChunkedBodyWith413WithoutReadingItAll() throws Exception {
    String id = newId();
    byte[] start = intentBody(id, "ECHO", "{}");
    Map<String, String> headers = signed(id, start, NEW_TOKEN);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), container.port())) {
      socket.setSoTimeout(10_000);
      StringBuilder head = new StringBuilder("POST /cams/intents HTTP/1.1\r\nHost: localhost\r\n")
          .append("Content-Type: ").append(JSON).append("\r\nTransfer-Encoding: chunked\r\n");
      headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      OutputStream out = socket.getOutputStream();
      out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
      // Four times the limit in 1 KiB chunks, and never the last chunk: the body has no end.
      AtomicLong sent = new AtomicLong();
      Thread writer = new Thread(() -> {
        byte[] chunk = ("400\r\n" + "x".repeat(1024) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        try {
          for (int i = 0; i < 4 * LIMIT / 1024; i++) {
            out.write(chunk);
            out.flush();
            sent.addAndGet(1024);
          }
        } catch (IOException closedByServer) {
          // the server may close once it has answered
        }
      });
      writer.start();
      RawResponse response = RawResponse.read(socket.getInputStream());
      writer.join(5000);
      assertThat(response.status()).isEqualTo(413);
      assertThat(JsonObject.parse(response.body()).getString("Code")).isEqualTo("PayloadTooLarge");
    }
  }

  @Test
  void rejectsDeclaredOversizedBodyWith413BeforeReadingIt() throws Exception {
    String id = newId();
    byte[] start = intentBody(id, "ECHO", "{}");
    Map<String, String> headers = signed(id, start, NEW_TOKEN);
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), container.port())) {
      socket.setSoTimeout(10_000);
      StringBuilder head = new StringBuilder("POST /cams/intents HTTP/1.1\r\nHost: localhost\r\n")
          .append("Content-Type: ").append(JSON).append("\r\nContent-Length: 104857600\r\n");
      headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
      OutputStream out = socket.getOutputStream();
      out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
      out.write(start);
      out.flush();
      // 100 MiB announced, a few hundred bytes sent: the answer must not wait for the rest.
      RawResponse response = RawResponse.read(socket.getInputStream());
      assertThat(response.status()).isEqualTo(413);
      assertThat(JsonObject.parse(response.body()).getString("Code")).isEqualTo("PayloadTooLarge");
    }
  }

  // ---- configuration from init parameters -------------------------------------------------------------------

  @Test
  void servletConfiguredByInitParametersServesItsConfigurersHandlers() throws Exception {
    String id = newId();
    byte[] body = intentBody(id, "ECHO", "{\"k\":\"v\"}");
    HttpResponse<String> response = post("/init/intents", JSON, signed(id, body, OLD_TOKEN), body);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(JsonObject.parse(response.body()).getObject("Data").getString("via")).isEqualTo("init-parameters");
    String big = newId();
    byte[] bigBody = intentBody(big, "ECHO", "{\"pad\":\"" + "x".repeat(LIMIT) + "\"}");
    assertRejected(post("/init/intents", JSON, signed(big, bigBody, NEW_TOKEN), bigBody), 413, "PayloadTooLarge");
  }

  @Test
  void servletNamingContextAttributeServesThatEndpoint() throws Exception {
    String id = newId();
    byte[] body = intentBody(id, "ECHO", "{}");
    assertThat(post("/attr/intents", JSON, signed(id, body, NEW_TOKEN), body).statusCode()).isEqualTo(200);
    assertThat(echoRuns.get(id)).hasValue(1);
  }

  // ---- the filter -------------------------------------------------------------------------------------------

  @Test
  void filterPassesVerifiedCallAndBodyToReaderOfDownstreamServlet() throws Exception {
    assertFilterPassesBody("/routed/reader");
  }

  @Test
  void filterPassesVerifiedCallAndBodyToStreamOfDownstreamServlet() throws Exception {
    assertFilterPassesBody("/routed/stream");
  }

  private void assertFilterPassesBody(String path) throws Exception {
    String id = newId();
    byte[] body = intentBody(id, "ROUTED_BY_APP", "{\"text\":\"\u4f60\u597d, caf\u00e9\"}");
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
        .header("Content-Type", JSON);
    signed(id, body, NEW_TOKEN).forEach(request::header);
    HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo(body);
    assertThat(response.headers().firstValue("X-Verified-Request-Id")).hasValue(id);
    assertThat(response.headers().firstValue("X-Verified-Intent")).hasValue("ROUTED_BY_APP");
    assertThat(response.headers().firstValue("X-Declared-Length")).hasValue(String.valueOf(body.length));
  }

  @Test
  void filterRejectsUnverifiedCallPerContractWithoutReachingTheServlet() throws Exception {
    String id = newId();
    byte[] body = intentBody(id, "ROUTED_BY_APP", "{}");
    HttpResponse<String> unsigned = post("/routed/stream", JSON, new LinkedHashMap<>(), body);
    assertRejected(unsigned, 401, "MissingSignature");
    assertThat(unsigned.headers().firstValue("X-Verified-Request-Id")).isEmpty();
    HttpResponse<String> wrongKey = post("/routed/reader", JSON, signed(id, body, "not-a-token-of-ours"), body);
    assertRejected(wrongKey, 401, "InvalidSignature");
    HttpResponse<String> text = post("/routed/reader", "text/plain", signed(id, body, NEW_TOKEN), body);
    assertRejected(text, 415, "UnsupportedMediaType");
  }

  // ---- helpers ----------------------------------------------------------------------------------------------

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + container.port() + path);
  }

  HttpClient client() {
    return client;
  }

  static String newId() {
    return "req-" + UUID.randomUUID();
  }

  static byte[] intentBody(String requestId, String intentCode, String intentData) {
    return ("{\"RequestId\":\"" + requestId + "\",\"BusinessSystemId\":\"bs-7f3a2c\",\"CustSpaceId\":\"cams-83m8j9\","
        + "\"ChannelType\":\"whatsapp\",\"IntentCode\":\"" + intentCode + "\",\"IntentName\":\"Test\","
        + "\"IntentData\":" + intentData + ",\"From\":\"8613800000000\",\"To\":\"8613900000000\","
        + "\"MessageId\":\"2023078469463703123\",\"TemplateCode\":\"820561547132813184\",\"Timestamp\":1732420000000}")
        .getBytes(StandardCharsets.UTF_8);
  }

  static Map<String, String> signed(String requestId, byte[] body, String... tokens) {
    return new LinkedHashMap<>(Signer.of(tokens).sign(requestId, body).asMap());
  }

  /** A receipt push's signature binds its type (contract section 2). */
  static Map<String, String> signedPush(ReceiptType type, String requestId, byte[] body, String... tokens) {
    return new LinkedHashMap<>(Signer.of(tokens).signReceipt(type, requestId, body).asMap());
  }

  HttpResponse<String> post(String path, String contentType, Map<String, String> headers, byte[] body)
      throws IOException, InterruptedException {
    return client.send(request(path, contentType, headers, body), HttpResponse.BodyHandlers.ofString());
  }

  CompletableFuture<HttpResponse<String>> postAsync(String path, String contentType, Map<String, String> headers,
      byte[] body) {
    return client.sendAsync(request(path, contentType, headers, body), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(String path, String contentType, Map<String, String> headers, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(15))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", contentType);
    headers.forEach(request::header);
    return request.build();
  }

  static String message(HttpResponse<String> response) {
    return JsonObject.parse(response.body()).getString("Message");
  }

  /** Status, contract code, a one-line message, JSON, and nothing secret or internal in the body. */
  static void assertRejected(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as("status; body %s", response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow().toLowerCase(Locale.ROOT))
        .startsWith("application/json");
    JsonObject reply = JsonObject.parse(response.body());
    assertThat(reply.getString("Code")).isEqualTo(code);
    assertThat(reply.getString("Message")).isNotBlank().doesNotContain("\n", "\r");
    assertThat(response.body()).doesNotContain(OLD_TOKEN, NEW_TOKEN, "Exception", "\tat ", "v1=");
  }

  /** A response read off a raw socket: status line, headers, and a Content-Length body. */
  record RawResponse(int status, String body) {
    static RawResponse read(InputStream in) throws IOException {
      ByteArrayOutputStream head = new ByteArrayOutputStream();
      int matched = 0;
      while (matched < 4) {
        int b = in.read();
        if (b < 0) {
          throw new IOException("connection closed before the response head ended: " + head);
        }
        head.write(b);
        matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      String[] lines = head.toString(StandardCharsets.US_ASCII).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      int length = 0;
      for (String line : lines) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      return new RawResponse(status, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }
  }

  /** A store that cannot be reached, as when its database is down. */
  private static final class UnreachableStore implements DuplicateStore {
    @Override
    public ClaimResult claim(String key, Duration lease) {
      throw new DuplicateStoreException("connection refused");
    }

    @Override
    public void complete(String key, StoredReply reply, Duration retention) {
      throw new DuplicateStoreException("connection refused");
    }

    @Override
    public void release(String key) {
      throw new DuplicateStoreException("connection refused");
    }
  }
}
