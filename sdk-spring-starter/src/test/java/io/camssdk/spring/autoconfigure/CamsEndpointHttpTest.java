package io.camssdk.spring.autoconfigure;

import static io.camssdk.spring.autoconfigure.TestHandlers.OLD_TOKEN;
import static io.camssdk.spring.autoconfigure.TestHandlers.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

/** A real Boot context on a real port: signed calls in, handler results, rejections and replays out. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "cams.signature.tokens=" + TOKEN + "," + OLD_TOKEN, "cams.body-limit=2KB"})
class CamsEndpointHttpTest {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    TestHandlers.OrderHandlers orderHandlers() {
      return new TestHandlers.OrderHandlers();
    }

    @Bean
    TestHandlers.ReceiptHandlers receiptHandlers() {
      return new TestHandlers.ReceiptHandlers();
    }

    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  @Value("${local.server.port}")
  int port;

  @Autowired
  TestHandlers.OrderHandlers handlers;

  @Autowired
  MeterRegistry registry;

  @Autowired
  TestHandlers.ReceiptHandlers receipts;

  @Test
  void deliversAStatusPushOnceEvenWhenPushedTwice() throws Exception {
    String push = "[{\"MessageId\":\"http-m1\",\"Status\":\"Delivered\",\"Timestamp\":1732420000000}]";
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + "/cams/receipts/status"))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(push)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
    }
    assertThat(receipts.statuses).extracting(r -> r.messageId()).containsOnlyOnce("http-m1");
    assertThat(registry.get("cams.calls").tags("kind", "status", "code", "OK").counter().count())
        .isEqualTo(2.0);
  }

  private HttpResponse<String> post(String token, String requestId, String intentCode, String data) throws Exception {
    byte[] body = TestHandlers.intentBody(requestId, intentCode, data);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cams/intents"))
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (token != null) {
      for (Map.Entry<String, String> h : TestHandlers.signedHeaders(token, requestId, body).entrySet()) {
        request.header(h.getKey(), h.getValue());
      }
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void answersASignedCallWithTheHandlersData() throws Exception {
    HttpResponse<String> response = post(TOKEN, "http-ok-1", "ORDER_STATUS", "{\"orderId\":\"A-1001\"}");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/json"));
    assertThat(response.body()).startsWith("{\"Code\":\"OK\"").contains("\"orderId\":\"A-1001\"", "\"status\":\"shipped\"");
  }

  @Test
  void acceptsTheOlderTokenDuringARotationAndTagsItsIndex() throws Exception {
    assertThat(post(OLD_TOKEN, "http-rot-1", "PING", "{}").statusCode()).isEqualTo(200);
    assertThat(registry.get("cams.calls").tags("kind", "intent", "code", "OK", "token", "1").counter().count())
        .isGreaterThanOrEqualTo(1.0);
    assertThat(registry.get("cams.intent.handler").tags("intent", "PING").timer().count()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void replaysTheFirstReplyForARepeatedRequestId() throws Exception {
    int before = handlers.statusCalls.get();
    HttpResponse<String> first = post(TOKEN, "http-dup-1", "ORDER_STATUS", "{\"orderId\":\"A-1\"}");
    HttpResponse<String> second = post(TOKEN, "http-dup-1", "ORDER_STATUS", "{\"orderId\":\"A-1\"}");
    assertThat(second.statusCode()).isEqualTo(first.statusCode()).isEqualTo(200);
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(handlers.statusCalls.get()).isEqualTo(before + 1);
  }

  @Test
  void rejectsABadSignature() throws Exception {
    HttpResponse<String> response = post("not-the-token", "http-bad-1", "PING", "{}");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("\"Code\":\"InvalidSignature\"").doesNotContain(TOKEN);
    assertThat(registry.get("cams.calls").tags("code", "InvalidSignature", "token", "none").counter().count())
        .isGreaterThanOrEqualTo(1.0);
  }

  @Test
  void rejectsAMissingSignature() throws Exception {
    HttpResponse<String> response = post(null, "http-none-1", "PING", "{}");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains("\"Code\":\"MissingSignature\"");
  }

  @Test
  void rejectsOtherMethods() throws Exception {
    HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/cams/intents")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.body()).contains("\"Code\":\"MethodNotAllowed\"");
  }

  @Test
  void rejectsABodyOverTheConfiguredLimit() throws Exception {
    HttpResponse<String> response = post(TOKEN, "http-big-1", "PING", "{\"pad\":\"" + "x".repeat(3000) + "\"}");
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.body()).contains("\"Code\":\"PayloadTooLarge\"");
  }

  @Test
  void answersUnknownIntentsWith404() throws Exception {
    HttpResponse<String> response = post(TOKEN, "http-unknown-1", "NOPE", "{}");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("\"Code\":\"UnknownIntent\"");
  }

  @Test
  void answersAHandlerFailureWithAGeneric500() throws Exception {
    HttpResponse<String> response = post(TOKEN, "http-broken-1", "BROKEN", "{}");
    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).contains("\"Code\":\"HandlerError\"").doesNotContain("hunter2", "Exception");
  }
}
