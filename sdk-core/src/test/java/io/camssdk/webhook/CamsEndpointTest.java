package io.camssdk.webhook;

import static io.camssdk.webhook.TestCalls.CLOCK;
import static io.camssdk.webhook.TestCalls.JSON;
import static io.camssdk.webhook.TestCalls.TOKEN;
import static io.camssdk.webhook.TestCalls.body;
import static io.camssdk.webhook.TestCalls.request;
import static io.camssdk.webhook.TestCalls.signed;
import static io.camssdk.webhook.TestCalls.signedBody;
import static io.camssdk.webhook.TestCalls.signedHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.CamsCode;
import io.camssdk.duplicate.ClaimResult;
import io.camssdk.duplicate.DuplicateStore;
import io.camssdk.duplicate.DuplicateStoreException;
import io.camssdk.duplicate.StoredReply;
import io.camssdk.intent.IntentCall;
import io.camssdk.signature.CamsHeaders;
import io.camssdk.signature.SignatureVerifier;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CamsEndpointTest {
  record OrderQuery(String orderId) {}

  record OrderStatus(String orderId, String status) {}

  final AtomicInteger orderRuns = new AtomicInteger();

  final CamsEndpoint endpoint = CamsEndpoint.builder()
      .verifier(SignatureVerifier.builder().token(TOKEN).clock(CLOCK).build())
      .onIntent("ORDER_STATUS", call -> {
        orderRuns.incrementAndGet();
        OrderQuery query = call.data(OrderQuery.class);
        return new OrderStatus(query.orderId(), "SHIPPED");
      })
      .onIntent("FAIL", call -> {
        throw new IllegalStateException("database password is hunter2");
      })
      .onIntent("NOTHING", call -> null)
      .onIntent("LIST", call -> List.of(1, 2))
      .build();

  private static void assertRejected(EndpointResponse response, CamsCode code) {
    assertThat(response.code()).isEqualTo(code);
    assertThat(response.status()).isEqualTo(code.httpStatus());
    assertThat(response.bodyText()).startsWith("{\"Code\":\"" + code.wireName() + "\",\"Message\":\"")
        .doesNotContain("\n").doesNotContain("Exception").doesNotContain(TOKEN);
  }

  @Test
  void handlesSignedCallAndRepliesWithHandlerData() {
    EndpointResponse response = endpoint.handleIntent(signed("r-1", "ORDER_STATUS", "{\"orderId\":\"A-1001\"}"));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText())
        .isEqualTo("{\"Code\":\"OK\",\"Message\":\"\",\"Data\":{\"orderId\":\"A-1001\",\"status\":\"SHIPPED\"}}");
    assertThat(response.intentCode()).isEqualTo("ORDER_STATUS");
    assertThat(response.signature().tokenIndex()).isZero();
    assertThat(response.replayed()).isFalse();
  }

  @Test
  void repliesEmptyDataWhenHandlerReturnsNothing() {
    assertThat(endpoint.handleIntent(signed("r-1", "NOTHING", "{}")).bodyText())
        .isEqualTo("{\"Code\":\"OK\",\"Message\":\"\",\"Data\":{}}");
  }

  @Test
  void rejectsNonPostMethod() {
    byte[] body = body("r-1", "ORDER_STATUS", "{}").getBytes(StandardCharsets.UTF_8);
    assertRejected(endpoint.handleIntent(request("GET", JSON, signedHeaders("r-1", body), body)),
        CamsCode.METHOD_NOT_ALLOWED);
  }

  @Test
  void rejectsNonJsonOrNonUtf8MediaType() {
    byte[] body = body("r-1", "ORDER_STATUS", "{}").getBytes(StandardCharsets.UTF_8);
    for (String type : new String[] {null, "text/plain", "application/json; charset=iso-8859-1", "application/xml"}) {
      assertRejected(endpoint.handleIntent(request("POST", type, signedHeaders("r-1", body), body)),
          CamsCode.UNSUPPORTED_MEDIA_TYPE);
    }
    for (String type : new String[] {"application/json", "Application/JSON;charset=\"UTF-8\"", "application/problem+json"}) {
      assertThat(endpoint.handleIntent(request("POST", type, signedHeaders("r-" + type.length(), body(
          "r-" + type.length(), "NOTHING", "{}").getBytes(StandardCharsets.UTF_8)),
          body("r-" + type.length(), "NOTHING", "{}").getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(200);
    }
  }

  @Test
  void rejectsBodyOverLimitWhileReadingWithoutTrustingContentLength() {
    CamsEndpoint small = CamsEndpoint.builder().verifier(SignatureVerifier.builder().token(TOKEN).clock(CLOCK).build())
        .maxBodyBytes(100).build();
    AtomicInteger read = new AtomicInteger();
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        read.incrementAndGet();
        return ' ';
      }
    };
    EndpointResponse response = small.handleIntent(
        new EndpointRequest("POST", JSON, name -> List.of(), 10, endless));
    assertRejected(response, CamsCode.PAYLOAD_TOO_LARGE);
    assertThat(read.get()).isLessThanOrEqualTo(101);
    EndpointResponse declared = small.handleIntent(
        new EndpointRequest("POST", JSON, name -> List.of(), 5000, new ByteArrayInputStream(new byte[0])));
    assertRejected(declared, CamsCode.PAYLOAD_TOO_LARGE);
  }

  @Test
  void rejectsMissingSignatureHeaders() {
    byte[] body = body("r-1", "ORDER_STATUS", "{}").getBytes(StandardCharsets.UTF_8);
    Map<String, List<String>> headers = signedHeaders("r-1", body);
    headers.remove(CamsHeaders.SIGNATURE);
    assertRejected(endpoint.handleIntent(request("POST", JSON, headers, body)), CamsCode.MISSING_SIGNATURE);
    Map<String, List<String>> noId = signedHeaders("r-1", body);
    noId.remove(CamsHeaders.REQUEST_ID);
    assertRejected(endpoint.handleIntent(request("POST", JSON, noId, body)), CamsCode.MISSING_SIGNATURE);
  }

  @Test
  void rejectsRepeatedRequestIdHeader() {
    byte[] body = body("r-1", "ORDER_STATUS", "{}").getBytes(StandardCharsets.UTF_8);
    Map<String, List<String>> headers = signedHeaders("r-1", body);
    headers.get(CamsHeaders.REQUEST_ID).add("r-2");
    assertRejected(endpoint.handleIntent(request("POST", JSON, headers, body)), CamsCode.MISSING_SIGNATURE);
  }

  @Test
  void acceptsSignatureEntriesSplitOverSeveralHeaderLines() {
    byte[] body = body("r-1", "NOTHING", "{}").getBytes(StandardCharsets.UTF_8);
    Map<String, List<String>> headers = signedHeaders("r-1", body, "tok-old-000000", TOKEN);
    String[] entries = headers.get(CamsHeaders.SIGNATURE).get(0).split(" ");
    headers.put(CamsHeaders.SIGNATURE, new java.util.ArrayList<>(List.of(entries)));
    assertThat(endpoint.handleIntent(request("POST", JSON, headers, body)).status()).isEqualTo(200);
  }

  @Test
  void rejectsStaleTimestamp() {
    byte[] body = body("r-1", "ORDER_STATUS", "{}").getBytes(StandardCharsets.UTF_8);
    Map<String, List<String>> headers = signedHeaders("r-1", body);
    headers.put(CamsHeaders.TIMESTAMP, List.of(Long.toString(TestCalls.NOW - 301)));
    assertRejected(endpoint.handleIntent(request("POST", JSON, headers, body)), CamsCode.STALE_TIMESTAMP);
  }

  @Test
  void rejectsSignatureOfAnotherToken() {
    byte[] body = body("r-1", "ORDER_STATUS", "{}").getBytes(StandardCharsets.UTF_8);
    assertRejected(endpoint.handleIntent(request("POST", JSON, signedHeaders("r-1", body, "tok-other"), body)),
        CamsCode.INVALID_SIGNATURE);
  }

  @Test
  void checksSignatureBeforeParsingTheBody() {
    byte[] garbage = "not json at all".getBytes(StandardCharsets.UTF_8);
    assertRejected(endpoint.handleIntent(request("POST", JSON, signedHeaders("r-1", garbage, "tok-other"), garbage)),
        CamsCode.INVALID_SIGNATURE);
    assertRejected(endpoint.handleIntent(request("POST", JSON, signedHeaders("r-1", garbage), garbage)),
        CamsCode.MALFORMED_PAYLOAD);
  }

  @Test
  void rejectsMalformedPayloadNamingTheField() {
    EndpointResponse noCode = endpoint.handleIntent(signedBody("r-1",
        "{\"RequestId\":\"r-1\",\"IntentData\":{},\"Timestamp\":1}"));
    assertRejected(noCode, CamsCode.MALFORMED_PAYLOAD);
    assertThat(noCode.bodyText()).contains("$.IntentCode");
    EndpointResponse dataNotObject = endpoint.handleIntent(signedBody("r-1",
        "{\"RequestId\":\"r-1\",\"IntentCode\":\"X\",\"IntentData\":[],\"Timestamp\":1}"));
    assertThat(dataNotObject.bodyText()).contains("$.IntentData");
    EndpointResponse badTimestamp = endpoint.handleIntent(signedBody("r-1",
        "{\"RequestId\":\"r-1\",\"IntentCode\":\"X\",\"IntentData\":{},\"Timestamp\":\"soon\"}"));
    assertThat(badTimestamp.bodyText()).contains("$.Timestamp");
    EndpointResponse wrongType = endpoint.handleIntent(signedBody("r-1",
        "{\"RequestId\":\"r-1\",\"IntentCode\":7,\"IntentData\":{},\"Timestamp\":1}"));
    assertThat(wrongType.bodyText()).contains("$.IntentCode");
  }

  @Test
  void rejectsRequestIdThatDiffersFromHeader() {
    byte[] body = body("r-other", "ORDER_STATUS", "{}").getBytes(StandardCharsets.UTF_8);
    EndpointResponse response = endpoint.handleIntent(request("POST", JSON, signedHeaders("r-1", body), body));
    assertRejected(response, CamsCode.MALFORMED_PAYLOAD);
    assertThat(response.bodyText()).contains("$.RequestId");
  }

  @Test
  void rejectsUnknownIntentWithoutDefaultHandler() {
    assertRejected(endpoint.handleIntent(signed("r-1", "NOPE", "{}")), CamsCode.UNKNOWN_INTENT);
  }

  @Test
  void routesUnknownIntentToDefaultHandler() {
    CamsEndpoint withDefault = CamsEndpoint.builder()
        .verifier(SignatureVerifier.builder().token(TOKEN).clock(CLOCK).build())
        .otherwise(call -> Map.of("handledBy", "default", "code", call.intentCode()))
        .build();
    assertThat(withDefault.handleIntent(signed("r-1", "NOPE", "{}")).bodyText())
        .contains("\"handledBy\":\"default\"").contains("\"code\":\"NOPE\"");
  }

  @Test
  void answersHandlerFailureWithGenericMessage() {
    EndpointResponse response = endpoint.handleIntent(signed("r-1", "FAIL", "{}"));
    assertRejected(response, CamsCode.HANDLER_ERROR);
    assertThat(response.bodyText()).doesNotContain("hunter2").doesNotContain("IllegalState");
  }

  @Test
  void answersIntentDataThatDoesNotFitTheHandlersTypeAsMalformedPayload() {
    EndpointResponse response = endpoint.handleIntent(signed("r-1", "ORDER_STATUS", "{\"orderId\":[1,2]}"));
    assertRejected(response, CamsCode.MALFORMED_PAYLOAD);
    assertThat(response.bodyText()).contains("OrderQuery").contains("$.orderId");
  }

  record Payment(double amount) {}

  @Test
  void answersNonFiniteNumbersForADoubleAsMalformedPayload() {
    CamsEndpoint payments = CamsEndpoint.builder()
        .verifier(SignatureVerifier.builder().token(TOKEN).clock(CLOCK).build())
        .onIntent("PAY", call -> Map.of("amount", call.data(Payment.class).amount()))
        .build();
    for (String data : new String[] {"{\"amount\":\"NaN\"}", "{\"amount\":\"Infinity\"}", "{\"amount\":1e400}",
        "{\"amount\":\"NaN\",\"x\":1.5}"}) {
      EndpointResponse response = payments.handleIntent(signed("r-" + data.length(), "PAY", data));
      assertRejected(response, CamsCode.MALFORMED_PAYLOAD);
      assertThat(response.bodyText()).contains("$.amount");
    }
  }

  @Test
  void answersNonObjectDataAsHandlerError() {
    assertRejected(endpoint.handleIntent(signed("r-1", "LIST", "{}")), CamsCode.HANDLER_ERROR);
  }

  @Test
  void runsHandlerAgainAfterAFailureBecauseTheClaimIsReleased() {
    AtomicInteger runs = new AtomicInteger();
    CamsEndpoint flaky = CamsEndpoint.builder()
        .verifier(SignatureVerifier.builder().token(TOKEN).clock(CLOCK).build())
        .onIntent("FLAKY", call -> {
          if (runs.incrementAndGet() == 1) {
            throw new IllegalStateException("first attempt fails");
          }
          return Map.of("attempt", runs.get());
        })
        .build();
    assertThat(flaky.handleIntent(signed("r-1", "FLAKY", "{}")).status()).isEqualTo(500);
    assertThat(flaky.handleIntent(signed("r-1", "FLAKY", "{}")).bodyText()).contains("\"attempt\":2");
    assertThat(flaky.handleIntent(signed("r-1", "FLAKY", "{}")).bodyText()).contains("\"attempt\":2");
    assertThat(runs.get()).isEqualTo(2);
  }

  @Test
  void repeatsStoredReplyForDuplicateRequestIdWithoutRunningHandler() {
    EndpointResponse first = endpoint.handleIntent(signed("r-1", "ORDER_STATUS", "{\"orderId\":\"A-1\"}"));
    EndpointResponse second = endpoint.handleIntent(signed("r-1", "ORDER_STATUS", "{\"orderId\":\"A-1\"}"));
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.replayed()).isTrue();
    assertThat(orderRuns.get()).isEqualTo(1);
  }

  @Test
  void answersInProgressToConcurrentDuplicate() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger runs = new AtomicInteger();
    CamsEndpoint slow = CamsEndpoint.builder()
        .verifier(SignatureVerifier.builder().token(TOKEN).clock(CLOCK).build())
        .onIntent("SLOW", call -> {
          runs.incrementAndGet();
          entered.countDown();
          release.await(5, TimeUnit.SECONDS);
          return Map.of("done", true);
        })
        .build();
    ExecutorService executor = Executors.newSingleThreadExecutor();
    try {
      Future<EndpointResponse> first = executor.submit(() -> slow.handleIntent(signed("r-1", "SLOW", "{}")));
      assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
      assertRejected(slow.handleIntent(signed("r-1", "SLOW", "{}")), CamsCode.IN_PROGRESS);
      release.countDown();
      assertThat(first.get(5, TimeUnit.SECONDS).status()).isEqualTo(200);
      assertThat(slow.handleIntent(signed("r-1", "SLOW", "{}")).replayed()).isTrue();
      assertThat(runs.get()).isEqualTo(1);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void answersStoreUnavailableWithoutRunningHandler() {
    AtomicInteger runs = new AtomicInteger();
    DuplicateStore down = new DuplicateStore() {
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
    };
    CamsEndpoint unavailable = CamsEndpoint.builder()
        .verifier(SignatureVerifier.builder().token(TOKEN).clock(CLOCK).build())
        .duplicateStore(down)
        .onIntent("X", call -> runs.incrementAndGet())
        .build();
    assertRejected(unavailable.handleIntent(signed("r-1", "X", "{}")), CamsCode.STORE_UNAVAILABLE);
    assertThat(runs.get()).isZero();
  }

  @Test
  void answersStoreUnavailableWhenAStoreFailsWithAnyRuntimeException() {
    DuplicateStore broken = new DuplicateStore() {
      @Override
      public ClaimResult claim(String key, Duration lease) {
        throw new IllegalStateException("client is closed");
      }

      @Override
      public void complete(String key, StoredReply reply, Duration retention) {}

      @Override
      public void release(String key) {}
    };
    CamsEndpoint unavailable = CamsEndpoint.builder()
        .verifier(SignatureVerifier.builder().token(TOKEN).clock(CLOCK).build())
        .duplicateStore(broken)
        .onIntent("X", call -> null)
        .build();
    assertRejected(unavailable.handleIntent(signed("r-1", "X", "{}")), CamsCode.STORE_UNAVAILABLE);
  }

  @Test
  void verifyIntentReturnsCallAndExactBody() {
    EndpointRequest request = signed("r-9", "ORDER_STATUS", "{\"orderId\":\"A-9\"}");
    VerifiedIntentCall verified = endpoint.verifyIntent(request);
    IntentCall call = verified.call();
    assertThat(call.intentData().getString("orderId")).isEqualTo("A-9");
    assertThat(new String(verified.body(), StandardCharsets.UTF_8))
        .isEqualTo(body("r-9", "ORDER_STATUS", "{\"orderId\":\"A-9\"}"));
  }

  @Test
  void refusesRetentionShorterThanTolerance() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CamsEndpoint.builder()
            .verifier(SignatureVerifier.builder().token(TOKEN).build())
            .retention(Duration.ofSeconds(10))
            .build())
        .hasMessageContaining("retention");
  }
}
