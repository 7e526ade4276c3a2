package io.camssdk.webhook;

import static io.camssdk.webhook.TestCalls.CLOCK;
import static io.camssdk.webhook.TestCalls.JSON;
import static io.camssdk.webhook.TestCalls.TOKEN;
import static io.camssdk.webhook.TestCalls.request;
import static io.camssdk.webhook.TestCalls.signedHeaders;
import static io.camssdk.webhook.TestCalls.signedPushHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.CamsCode;
import io.camssdk.receipt.InboundReceipt;
import io.camssdk.receipt.ReceiptType;
import io.camssdk.receipt.StatusReceipt;
import io.camssdk.signature.SignatureVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReceiptEndpointTest {
  final List<StatusReceipt> statuses = new CopyOnWriteArrayList<>();
  final List<InboundReceipt> inbound = new CopyOnWriteArrayList<>();
  final AtomicInteger failuresLeft = new AtomicInteger();

  final CamsEndpoint endpoint = CamsEndpoint.builder()
      .verifier(SignatureVerifier.builder().token(TOKEN).clock(CLOCK).build())
      .onStatus(batch -> {
        if (failuresLeft.getAndDecrement() > 0) {
          throw new IllegalStateException("downstream unavailable");
        }
        statuses.addAll(batch);
      })
      .build();

  static byte[] sample(String name) throws IOException {
    try (InputStream in = ReceiptEndpointTest.class.getResourceAsStream("/receipts/" + name)) {
      return in.readAllBytes();
    }
  }

  static EndpointRequest unsigned(byte[] body) {
    return request("POST", JSON, new HashMap<>(), body);
  }

  @Test
  void handsDocumentedStatusPushToHandler() throws IOException {
    byte[] body = sample("status.json");
    EndpointResponse response = endpoint.handleReceipts(ReceiptType.STATUS, unsigned(body));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("{\"Code\":\"OK\",\"Message\":\"\"}");
    assertThat(statuses).isNotEmpty();
  }

  @Test
  void dropsReceiptsSeenBefore() throws IOException {
    byte[] body = sample("status.json");
    endpoint.handleReceipts(ReceiptType.STATUS, unsigned(body));
    int first = statuses.size();
    EndpointResponse again = endpoint.handleReceipts(ReceiptType.STATUS, unsigned(body));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.replayed()).isTrue();
    assertThat(statuses).hasSize(first);
  }

  @Test
  void dropsTheSameReceiptRepeatedInOneBatch() {
    String item = "{\"MessageId\":\"m-1\",\"Status\":\"Delivered\",\"Timestamp\":1732420000000}";
    endpoint.handleReceipts(ReceiptType.STATUS, unsigned(("[" + item + "," + item + "]").getBytes()));
    assertThat(statuses).hasSize(1);
  }

  @Test
  void keepsNothingWhenHandlerFailsSoTheRetryDeliversAll() throws IOException {
    byte[] body = sample("status.json");
    failuresLeft.set(1);
    EndpointResponse failed = endpoint.handleReceipts(ReceiptType.STATUS, unsigned(body));
    assertThat(failed.status()).isEqualTo(500);
    assertThat(failed.code()).isEqualTo(CamsCode.HANDLER_ERROR);
    assertThat(failed.bodyText()).doesNotContain("downstream");
    EndpointResponse retried = endpoint.handleReceipts(ReceiptType.STATUS, unsigned(body));
    assertThat(retried.status()).isEqualTo(200);
    assertThat(statuses).isNotEmpty();
  }

  @Test
  void verifiesSignedPushesAndRejectsForgedOnes() {
    byte[] body = "[{\"MessageId\":\"m-1\",\"Status\":\"Read\"}]".getBytes();
    assertThat(endpoint.handleReceipts(ReceiptType.STATUS,
        request("POST", JSON, signedPushHeaders(ReceiptType.STATUS, "b-1", body), body)).signature()).isNotNull();
    EndpointResponse forged = endpoint.handleReceipts(ReceiptType.STATUS,
        request("POST", JSON, signedPushHeaders(ReceiptType.STATUS, "b-2", body, "tok-forged"), body));
    assertThat(forged.code()).isEqualTo(CamsCode.INVALID_SIGNATURE);
  }

  @Test
  void requiresSignatureWhenConfigured() {
    CamsEndpoint strict = CamsEndpoint.builder()
        .verifier(SignatureVerifier.builder().token(TOKEN).clock(CLOCK).build())
        .onStatus(statuses::addAll)
        .requireReceiptSignature(true)
        .build();
    byte[] body = "[{\"MessageId\":\"m-1\",\"Status\":\"Read\"}]".getBytes();
    assertThat(strict.handleReceipts(ReceiptType.STATUS, unsigned(body)).code()).isEqualTo(CamsCode.MISSING_SIGNATURE);
    assertThat(strict.handleReceipts(ReceiptType.STATUS,
        request("POST", JSON, signedPushHeaders(ReceiptType.STATUS, "b-1", body), body)).status()).isEqualTo(200);
  }

  @Test
  void statusPushReplayedToTheInboundPathIsRejectedAsInvalidSignature() {
    CamsEndpoint both = CamsEndpoint.builder()
        .verifier(SignatureVerifier.builder().token(TOKEN).clock(CLOCK).build())
        .onStatus(statuses::addAll)
        .onInbound(inbound::addAll)
        .build();
    // Valid as both types: the fields of an inbound message are a superset of what a status needs.
    byte[] body = ("[{\"MessageId\":\"m-1\",\"Status\":\"Read\",\"CustSpaceId\":\"cams-1\","
        + "\"From\":\"8613800000000\",\"To\":\"8613900000000\",\"Timestamp\":1732420000000,"
        + "\"Type\":\"TEXT\",\"Message\":\"hello\"}]").getBytes();
    Map<String, List<String>> statusHeaders = signedPushHeaders(ReceiptType.STATUS, "b-1", body);
    EndpointResponse replayed = both.handleReceipts(ReceiptType.INBOUND, request("POST", JSON, statusHeaders, body));
    assertThat(replayed.code()).isEqualTo(CamsCode.INVALID_SIGNATURE);
    assertThat(inbound).isEmpty();
    assertThat(both.handleReceipts(ReceiptType.STATUS, request("POST", JSON, statusHeaders, body)).status())
        .isEqualTo(200);
    assertThat(both.handleReceipts(ReceiptType.INBOUND,
        request("POST", JSON, signedPushHeaders(ReceiptType.INBOUND, "b-1", body), body)).status()).isEqualTo(200);
    assertThat(inbound).hasSize(1);
  }

  @Test
  void aSignedIntentCallSentToAReceiptPathIsRejectedAsInvalidSignature() {
    byte[] body = "[{\"MessageId\":\"m-1\",\"Status\":\"Read\"}]".getBytes();
    EndpointResponse response = endpoint.handleReceipts(ReceiptType.STATUS,
        request("POST", JSON, signedHeaders("b-1", body), body));
    assertThat(response.code()).isEqualTo(CamsCode.INVALID_SIGNATURE);
    assertThat(statuses).isEmpty();
  }

  @Test
  void rejectsMalformedBatchNamingTheItem() {
    EndpointResponse response = endpoint.handleReceipts(ReceiptType.STATUS,
        unsigned("[{\"MessageId\":\"m-1\",\"Status\":\"Read\"}, 7]".getBytes()));
    assertThat(response.code()).isEqualTo(CamsCode.MALFORMED_PAYLOAD);
    assertThat(response.bodyText()).contains("$[1]");
  }

  @Test
  void rejectsBatchLargerThanTheLimit() {
    CamsEndpoint limited = CamsEndpoint.builder()
        .verifier(SignatureVerifier.builder().token(TOKEN).clock(CLOCK).build())
        .jsonLimits(io.camssdk.json.JsonLimits.DEFAULTS.withMaxBatchSize(2))
        .onStatus(statuses::addAll)
        .build();
    String item = "{\"MessageId\":\"m-%d\",\"Status\":\"Read\"}";
    String batch = "[" + String.format(item, 1) + "," + String.format(item, 2) + "," + String.format(item, 3) + "]";
    assertThat(limited.handleReceipts(ReceiptType.STATUS, unsigned(batch.getBytes())).code())
        .isEqualTo(CamsCode.MALFORMED_PAYLOAD);
  }

  @Test
  void answersUnknownIntentForATypeWithoutHandler() throws IOException {
    assertThat(endpoint.handleReceipts(ReceiptType.AUDIT, unsigned(sample("audit-v1.json"))).status()).isEqualTo(404);
  }

  @Test
  void executorModeRepliesBeforeTheHandlerRuns() throws IOException {
    List<Runnable> queued = new ArrayList<>();
    List<InboundReceipt> inbound = new ArrayList<>();
    CamsEndpoint async = CamsEndpoint.builder()
        .verifier(SignatureVerifier.builder().token(TOKEN).clock(CLOCK).build())
        .onInbound(inbound::addAll)
        .receiptExecutor(queued::add)
        .build();
    EndpointResponse response = async.handleReceipts(ReceiptType.INBOUND, unsigned(sample("inbound.json")));
    assertThat(response.status()).isEqualTo(200);
    assertThat(inbound).isEmpty();
    queued.forEach(Runnable::run);
    assertThat(inbound).isNotEmpty();
  }
}
