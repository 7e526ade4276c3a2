package io.camssdk.spring.autoconfigure;

import static io.camssdk.spring.autoconfigure.TestHandlers.OLD_TOKEN;
import static io.camssdk.spring.autoconfigure.TestHandlers.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.signature.SignatureScheme;
import io.camssdk.signature.Signer;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The endpoint's whole rejection table over HTTP, on a real port: every answer has the status and {@code Code} of
 * the contract, a JSON body and the same metrics, whichever web stack serves it. Subclasses start the application
 * on the servlet stack (Tomcat) and on the reactive one (Netty) with {@code cams.body-limit=2KB}.
 */
abstract class AbstractRejectionTableTest {
  static final String BODY_LIMIT = "cams.body-limit=2KB";
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Value("${local.server.port}")
  int port;

  @Autowired
  MeterRegistry registry;

  @Autowired
  TestHandlers.OrderHandlers handlers;

  @Autowired
  TestHandlers.ReceiptHandlers receipts;

  /** A short tag that keeps request ids of the two subclasses apart in logs. */
  abstract String stack();

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  HttpResponse<String> send(HttpRequest request) throws Exception {
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }

  HttpRequest.Builder signedIntent(Signer signer, String requestId, byte[] body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/cams/intents"))
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    signer.sign(requestId, body).asMap().forEach(request::header);
    return request;
  }

  HttpResponse<String> intent(String requestId, String intentCode, String data) throws Exception {
    return send(signedIntent(Signer.of(TOKEN), requestId, TestHandlers.intentBody(requestId, intentCode, data))
        .build());
  }

  static void assertRejected(HttpResponse<String> response, int status, String code) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    assertThat(response.body()).startsWith("{\"Code\":\"" + code + "\"").contains("\"Message\":\"");
  }

  double calls(String kind, String code) {
    var counter = registry.find("cams.calls").tags("kind", kind, "code", code).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void answersASignedCallWithTheHandlersDataAndCountsIt() throws Exception {
    double before = calls("intent", "OK");
    HttpResponse<String> response = intent(stack() + "-ok-1", "ORDER_STATUS", "{\"orderId\":\"A-1001\"}");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow().replace(" ", "").toLowerCase())
        .isEqualTo("application/json;charset=utf-8");
    assertThat(response.body()).startsWith("{\"Code\":\"OK\"").contains("\"orderId\":\"A-1001\"");
    assertThat(calls("intent", "OK")).isEqualTo(before + 1);
  }

  @Test
  void acceptsTheOlderTokenDuringARotation() throws Exception {
    byte[] body = TestHandlers.intentBody(stack() + "-rot-1", "PING", "{}");
    HttpResponse<String> response = send(signedIntent(Signer.of(OLD_TOKEN), stack() + "-rot-1", body).build());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(registry.get("cams.calls").tags("kind", "intent", "token", "1").counter().count()).isPositive();
  }

  @Test
  void replaysTheFirstReplyForARepeatedRequestId() throws Exception {
    int before = handlers.statusCalls.get();
    HttpResponse<String> first = intent(stack() + "-dup-1", "ORDER_STATUS", "{\"orderId\":\"A-1\"}");
    HttpResponse<String> second = intent(stack() + "-dup-1", "ORDER_STATUS", "{\"orderId\":\"A-1\"}");
    assertThat(second.statusCode()).isEqualTo(first.statusCode()).isEqualTo(200);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(handlers.statusCalls.get()).isEqualTo(before + 1);
  }

  @Test
  void rejectsOtherMethodsWith405() throws Exception {
    for (String method : List.of("GET", "PUT", "DELETE")) {
      HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/cams/intents"))
          .method(method, HttpRequest.BodyPublishers.noBody()).build());
      assertRejected(response, 405, "MethodNotAllowed");
      assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    }
  }

  @Test
  void rejectsANonJsonMediaTypeWith415() throws Exception {
    byte[] body = TestHandlers.intentBody(stack() + "-415", "PING", "{}");
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/cams/intents")).header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    Signer.of(TOKEN).sign(stack() + "-415", body).asMap().forEach(request::header);
    assertRejected(send(request.build()), 415, "UnsupportedMediaType");
  }

  @Test
  void rejectsADeclaredBodyOverTheLimitWith413() throws Exception {
    HttpResponse<String> response =
        intent(stack() + "-413", "PING", "{\"pad\":\"" + "x".repeat(3000) + "\"}");
    assertRejected(response, 413, "PayloadTooLarge");
    assertThat(calls("intent", "PayloadTooLarge")).isPositive();
  }

  @Test
  void rejectsAChunkedBodyOverTheLimitWith413() throws Exception {
    byte[] body = TestHandlers.intentBody(stack() + "-413c", "PING", "{\"pad\":\"" + "x".repeat(50_000) + "\"}");
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/cams/intents"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))); // no length: chunked
    Signer.of(TOKEN).sign(stack() + "-413c", body).asMap().forEach(request::header);
    assertRejected(send(request.build()), 413, "PayloadTooLarge");
  }

  @Test
  void acceptsAChunkedBodyWithinTheLimit() throws Exception {
    byte[] body = TestHandlers.intentBody(stack() + "-chunked-ok", "PING", "{\"pad\":\"" + "x".repeat(1500) + "\"}");
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/cams/intents"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
    Signer.of(TOKEN).sign(stack() + "-chunked-ok", body).asMap().forEach(request::header);
    HttpResponse<String> response = send(request.build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body()).contains("\"pad\":\"xxx");
  }

  @Test
  void rejectsAMissingSignatureWith401() throws Exception {
    byte[] body = TestHandlers.intentBody(stack() + "-nosig", "PING", "{}");
    assertRejected(send(HttpRequest.newBuilder(uri("/cams/intents")).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build()), 401, "MissingSignature");
  }

  @Test
  void rejectsAStaleTimestampWith401() throws Exception {
    Signer lastHour = Signer.of(List.of(TOKEN), Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)),
        SignatureScheme.V1);
    byte[] body = TestHandlers.intentBody(stack() + "-stale", "PING", "{}");
    assertRejected(send(signedIntent(lastHour, stack() + "-stale", body).build()), 401, "StaleTimestamp");
  }

  @Test
  void rejectsAWrongTokenWith401WithoutNamingTheToken() throws Exception {
    byte[] body = TestHandlers.intentBody(stack() + "-badsig", "PING", "{}");
    HttpResponse<String> response = send(signedIntent(Signer.of("not-the-token"), stack() + "-badsig", body).build());
    assertRejected(response, 401, "InvalidSignature");
    assertThat(response.body()).doesNotContain(TOKEN, "not-the-token");
    assertThat(registry.get("cams.calls").tags("code", "InvalidSignature", "token", "none").counter().count())
        .isPositive();
  }

  @Test
  void rejectsASignedBodyThatIsNotJsonWith400() throws Exception {
    byte[] body = "{\"RequestId\":".getBytes(StandardCharsets.UTF_8);
    assertRejected(send(signedIntent(Signer.of(TOKEN), stack() + "-400", body).build()), 400, "MalformedPayload");
  }

  @Test
  void answersAnUnknownIntentWith404() throws Exception {
    assertRejected(intent(stack() + "-404", "NOPE", "{}"), 404, "UnknownIntent");
  }

  @Test
  void answersAHandlerFailureWithAGeneric500() throws Exception {
    HttpResponse<String> response = intent(stack() + "-500", "BROKEN", "{}");
    assertRejected(response, 500, "HandlerError");
    assertThat(response.body()).doesNotContain("hunter2", "Exception");
  }

  @Test
  void deliversAStatusPushOnceEvenWhenPushedTwice() throws Exception {
    String messageId = stack() + "-m1";
    String push = "[{\"MessageId\":\"" + messageId + "\",\"Status\":\"Delivered\",\"Timestamp\":1732420000000}]";
    double before = calls("status", "OK");
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/cams/receipts/status"))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(push)).build());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(response.body()).startsWith("{\"Code\":\"OK\"");
    }
    assertThat(receipts.statuses).extracting(r -> r.messageId()).containsOnlyOnce(messageId);
    assertThat(calls("status", "OK")).isEqualTo(before + 2);
  }

  @Test
  void rejectsAMalformedReceiptPushWith400() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/cams/receipts/inbound"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("[{\"x\":")).build());
    assertRejected(response, 400, "MalformedPayload");
  }

  @Test
  void leavesOtherPathsToTheApplication() throws Exception {
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/cams/intents/extra"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build());
    assertThat(response.statusCode()).isIn(401, 403, 404); // Spring Security's default chain, or no route
    assertThat(response.body()).doesNotContain("\"Code\"");
  }
}
