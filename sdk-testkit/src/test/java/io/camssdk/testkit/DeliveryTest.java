package io.camssdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.json.JsonObject;
import io.camssdk.signature.CamsHeaders;
import io.camssdk.signature.SignatureVerifier;
import io.camssdk.signature.VerifiedSignature;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeliveryTest {
  private static final String WA = CamsEmulator.DEFAULT_WHATSAPP_CUST_SPACE_ID;
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final MutableClock clock = new MutableClock(Instant.now());
  private final MockWebServer business = new MockWebServer();
  private CamsEmulator emulator;
  private RawManagementCalls calls;
  private String systemId;
  private String token;

  @BeforeEach
  void start() throws Exception {
    business.start();
    emulator = CamsEmulator.builder().clock(clock).deliveryTimeout(Duration.ofMillis(300))
        .backoffBase(Duration.ofMillis(5)).build().start();
    calls = new RawManagementCalls(emulator.url());
    JsonObject created = calls.call(emulator, "CreateBusinessSystem", Map.of("CustSpaceId", WA, "SystemName", "Shop",
        "ApiUrl", business.url("/cams/intents").toString())).data();
    systemId = created.getString("BusinessSystemId");
    token = created.getString("Signature");
    calls.call(emulator, "CreateIntent", Map.of("CustSpaceId", WA, "BusinessSystemId", systemId,
        "IntentCode", "ORDER_STATUS", "IntentName", "Order status",
        "DefaultIntentData", "{\"lang\":\"en\",\"orderId\":\"default\"}"));
  }

  @AfterEach
  void stop() {
    emulator.close();
    business.close();
  }

  private static MockResponse reply(int code) {
    return new MockResponse.Builder().code(code).body("{\"Code\":\"" + (code == 200 ? "OK" : "X") + "\"}").build();
  }

  private VerifiedSignature verify(RecordedRequest request, List<String> tokens) {
    return SignatureVerifier.builder().tokens(tokens).clock(clock).build().verify(
        request.getHeaders().get(CamsHeaders.REQUEST_ID), request.getHeaders().get(CamsHeaders.TIMESTAMP),
        request.getHeaders().get(CamsHeaders.SIGNATURE), request.getBody().toByteArray());
  }

  /** A push's signature binds its type (contract section 2). */
  private VerifiedSignature verifyPush(io.camssdk.receipt.ReceiptType type, RecordedRequest request,
      List<String> tokens) {
    return SignatureVerifier.builder().tokens(tokens).clock(clock).build().verifyReceipt(type,
        request.getHeaders().get(CamsHeaders.REQUEST_ID), request.getHeaders().get(CamsHeaders.TIMESTAMP),
        request.getHeaders().get(CamsHeaders.SIGNATURE), request.getBody().toByteArray());
  }

  @Test
  void sendsSignedIntentCallWithDefaultDataOverlaidByTriggerData() throws Exception {
    business.enqueue(reply(200));
    Delivery delivery = emulator.triggerIntent(WA, systemId, "ORDER_STATUS",
        JsonObject.of(Map.of("orderId", "A-1001"))).await(WAIT);

    assertThat(delivery.outcome()).as(delivery.summary()).isEqualTo(Delivery.Outcome.DELIVERED);
    assertThat(delivery.attempts()).singleElement().satisfies(a -> {
      assertThat(a.status()).isEqualTo(200);
      assertThat(a.code()).isEqualTo("OK");
    });
    RecordedRequest request = business.takeRequest(1, TimeUnit.SECONDS);
    assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
    assertThat(verify(request, List.of(token)).tokenIndex()).isZero();
    JsonObject body = JsonObject.parse(request.getBody().utf8());
    assertThat(body.getString("RequestId")).isEqualTo(delivery.requestId())
        .isEqualTo(request.getHeaders().get(CamsHeaders.REQUEST_ID));
    assertThat(body.getString("BusinessSystemId")).isEqualTo(systemId);
    assertThat(body.getString("CustSpaceId")).isEqualTo(WA);
    assertThat(body.getString("ChannelType")).isEqualTo("whatsapp");
    assertThat(body.getString("IntentName")).isEqualTo("Order status");
    assertThat(body.getObject("IntentData").asMap()).containsExactly(Map.entry("lang", "en"),
        Map.entry("orderId", "A-1001"));
    assertThat(body.get("Timestamp")).isEqualTo(clock.millis());
  }

  @Test
  void retriesRetryableRepliesWithTheSameRequestIdAndFreshSignatures() throws Exception {
    business.enqueue(reply(503));
    business.enqueue(reply(429));
    business.enqueue(reply(409));
    business.enqueue(reply(408));
    business.enqueue(reply(200));
    Delivery delivery = emulator.triggerIntent(WA, systemId, "ORDER_STATUS", JsonObject.empty()).await(WAIT);

    assertThat(delivery.outcome()).as(delivery.summary()).isEqualTo(Delivery.Outcome.DELIVERED);
    assertThat(delivery.attempts()).extracting(Delivery.Attempt::status).containsExactly(503, 429, 409, 408, 200);
    for (int i = 0; i < 5; i++) {
      RecordedRequest request = business.takeRequest(1, TimeUnit.SECONDS);
      assertThat(request.getHeaders().get(CamsHeaders.REQUEST_ID)).isEqualTo(delivery.requestId());
      verify(request, List.of(token));
    }
  }

  @Test
  void treatsOtherClientErrorsAsFinal() throws Exception {
    business.enqueue(reply(401));
    Delivery delivery = emulator.triggerIntent(WA, systemId, "ORDER_STATUS", JsonObject.empty()).await(WAIT);
    assertThat(delivery.outcome()).as(delivery.summary()).isEqualTo(Delivery.Outcome.REJECTED);
    assertThat(delivery.attempts()).hasSize(1);
    assertThat(business.getRequestCount()).isEqualTo(1);
  }

  @Test
  void retriesWhenNoReplyArrivesWithinTheTimeout() throws Exception {
    business.enqueue(new MockResponse.Builder().code(200).headersDelay(1, TimeUnit.SECONDS).build());
    business.enqueue(reply(200));
    Delivery delivery = emulator.triggerIntent(WA, systemId, "ORDER_STATUS", JsonObject.empty()).await(WAIT);
    assertThat(delivery.outcome()).as(delivery.summary()).isEqualTo(Delivery.Outcome.DELIVERED);
    assertThat(delivery.attempts()).hasSize(2);
    assertThat(delivery.attempts().get(0).status()).isZero();
    assertThat(delivery.attempts().get(0).error()).isEqualTo("timeout after 300 ms");
  }

  @Test
  void givesUpAfterSixAttempts() throws Exception {
    for (int i = 0; i < 6; i++) {
      business.enqueue(reply(500));
    }
    Delivery delivery = emulator.triggerIntent(WA, systemId, "ORDER_STATUS", JsonObject.empty()).await(WAIT);
    assertThat(delivery.outcome()).as(delivery.summary()).isEqualTo(Delivery.Outcome.GAVE_UP);
    assertThat(delivery.attempts()).hasSize(6);
    assertThat(emulator.deliveries()).containsExactly(delivery);
  }

  @Test
  void signsWithOldAndNewTokenDuringGracePeriodOnly() throws Exception {
    String fresh = calls.call(emulator, "RefreshBusinessSystemSignature", Map.of("CustSpaceId", WA,
        "BusinessSystemId", systemId)).data().getString("Signature");
    assertThat(fresh).isNotEqualTo(token);
    assertThat(emulator.signatureTokens(systemId)).containsExactly(fresh, token);

    business.enqueue(reply(200));
    emulator.triggerIntent(WA, systemId, "ORDER_STATUS", JsonObject.empty()).await(WAIT);
    RecordedRequest during = business.takeRequest(1, TimeUnit.SECONDS);
    assertThat(during.getHeaders().get(CamsHeaders.SIGNATURE).split(" ")).hasSize(2);
    assertThat(verify(during, List.of(token)).tokenIndex()).isZero();
    assertThat(verify(during, List.of(fresh)).tokenIndex()).isZero();

    clock.advance(Duration.ofHours(24).plusSeconds(1));
    assertThat(emulator.signatureTokens(systemId)).containsExactly(fresh);
    business.enqueue(reply(200));
    emulator.triggerIntent(WA, systemId, "ORDER_STATUS", JsonObject.empty()).await(WAIT);
    RecordedRequest after = business.takeRequest(1, TimeUnit.SECONDS);
    assertThat(after.getHeaders().get(CamsHeaders.SIGNATURE).split(" ")).hasSize(1);
    assertThat(verify(after, List.of(fresh)).tokenIndex()).isZero();
  }

  @Test
  void pushesReceiptBatchesToCallbackUrls() throws Exception {
    emulator.callbackUrl(Delivery.Kind.STATUS, business.url("/cams/status").uri(), null);
    emulator.callbackUrl(Delivery.Kind.INBOUND, business.url("/cams/inbound").uri(), systemId);
    business.enqueue(reply(500));
    business.enqueue(reply(200));
    business.enqueue(reply(200));
    Delivery status = emulator.pushStatus(List.of(JsonObject.of(Map.of("MessageId", "m1", "Status", "Delivered"))))
        .await(WAIT);
    Delivery inbound = emulator.pushInbound(List.of(JsonObject.of(Map.of("MessageId", "m2", "Type", "TEXT",
        "Message", "hi")))).await(WAIT);

    assertThat(status.outcome()).isEqualTo(Delivery.Outcome.DELIVERED);
    assertThat(status.attempts()).hasSize(2);
    RecordedRequest first = business.takeRequest(1, TimeUnit.SECONDS);
    assertThat(first.getUrl().encodedPath()).isEqualTo("/cams/status");
    assertThat(first.getHeaders().get(CamsHeaders.SIGNATURE)).isNull();
    assertThat(first.getBody().utf8()).isEqualTo("[{\"MessageId\":\"m1\",\"Status\":\"Delivered\"}]"
        .replace("{\"MessageId\":\"m1\",\"Status\":\"Delivered\"}", JsonObject.of(Map.of("MessageId", "m1",
            "Status", "Delivered")).toJson()));
    business.takeRequest(1, TimeUnit.SECONDS);
    RecordedRequest signed = business.takeRequest(1, TimeUnit.SECONDS);
    assertThat(signed.getUrl().encodedPath()).isEqualTo("/cams/inbound");
    assertThat(signed.getHeaders().get(CamsHeaders.REQUEST_ID)).isEqualTo(inbound.requestId());
    verifyPush(io.camssdk.receipt.ReceiptType.INBOUND, signed, List.of(token));
  }

  @Test
  void awaitsAllDeliveriesAndLogsAttempts() throws Exception {
    for (int i = 0; i < 3; i++) {
      business.enqueue(reply(200));
    }
    for (int i = 0; i < 3; i++) {
      emulator.triggerIntent(WA, systemId, "ORDER_STATUS", JsonObject.empty());
    }
    List<Delivery> log = emulator.awaitDeliveries(WAIT);
    assertThat(log).hasSize(3).allSatisfy(d -> {
      assertThat(d.outcome()).isEqualTo(Delivery.Outcome.DELIVERED);
      assertThat(d.intentCode()).isEqualTo("ORDER_STATUS");
      assertThat(d.summary()).contains("DELIVERED after 1 attempt").doesNotContain(token);
    });
  }
}
