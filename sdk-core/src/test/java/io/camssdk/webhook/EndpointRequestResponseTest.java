package io.camssdk.webhook;

import static io.camssdk.webhook.TestCalls.CLOCK;
import static io.camssdk.webhook.TestCalls.JSON;
import static io.camssdk.webhook.TestCalls.TOKEN;
import static io.camssdk.webhook.TestCalls.body;
import static io.camssdk.webhook.TestCalls.signedHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.CamsCode;
import io.camssdk.receipt.ReceiptType;
import io.camssdk.signature.SignatureVerifier;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Issue 11: requests and replies are final classes; replies never hand out their own bytes. */
class EndpointRequestResponseTest {
  final List<Object> seen = new CopyOnWriteArrayList<>();
  final CamsEndpoint endpoint = CamsEndpoint.builder()
      .verifier(SignatureVerifier.builder().token(TOKEN).clock(CLOCK).build())
      .onIntent("ORDER_STATUS", call -> Map.of("status", "SHIPPED"))
      .onStatus(seen::addAll)
      .build();

  @Test
  void handlesAnIntentCallFromAHeaderMapAndBodyBytes() {
    byte[] bytes = body("r-1", "ORDER_STATUS", "{}").getBytes(StandardCharsets.UTF_8);
    Map<String, Object> headers = new HashMap<>(signedHeaders("r-1", bytes));
    headers.put("content-type", JSON);
    EndpointResponse reply = endpoint.handleIntent(headers, bytes);
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.bodyText()).isEqualTo("{\"Code\":\"OK\",\"Message\":\"\",\"Data\":{\"status\":\"SHIPPED\"}}");
    assertThat(endpoint.handleIntent(headers, bytes).replayed()).isTrue();
  }

  @Test
  void handlesAReceiptPushFromAHeaderMapAndBodyBytes() {
    EndpointResponse reply = endpoint.handleReceipts(ReceiptType.STATUS, Map.of("Content-Type", JSON),
        "[{\"MessageId\":\"m-1\",\"Status\":\"Read\"}]".getBytes(StandardCharsets.UTF_8));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(seen).hasSize(1);
  }

  @Test
  void checksTheSizeLimitOfABodyTheFrameworkHolds() {
    CamsEndpoint small = CamsEndpoint.builder()
        .verifier(SignatureVerifier.builder().token(TOKEN).clock(CLOCK).build()).maxBodyBytes(10).build();
    assertThat(small.handleIntent(Map.of("Content-Type", JSON), new byte[11]).code())
        .isEqualTo(CamsCode.PAYLOAD_TOO_LARGE);
  }

  @Test
  void aRepliesBodyCannotBeChangedThroughItsAccessors() throws Exception {
    EndpointResponse reply = endpoint.handleIntent(Map.of("Content-Type", "text/plain"), new byte[0]);
    String before = reply.bodyText();
    reply.body()[0] = 'X';
    assertThat(reply.bodyText()).isEqualTo(before);
    assertThat(reply.bodyBuffer().isReadOnly()).isTrue();
    assertThat(reply.bodyLength()).isEqualTo(before.getBytes(StandardCharsets.UTF_8).length);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    reply.writeTo(out);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(before);
  }

  @Test
  void repliesAreEqualByValue() {
    EndpointResponse a = endpoint.handleIntent(Map.of("Content-Type", "text/plain"), new byte[0]);
    EndpointResponse b = endpoint.handleIntent(Map.of("Content-Type", "text/plain"), new byte[0]);
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(endpoint.handleIntent(Map.of("Content-Type", JSON), new byte[0]));
  }

  @Test
  void aRequestCarriesDecodedQueryParametersAndHidesItsHeaderValues() {
    EndpointRequest request = EndpointRequest.builder("POST")
        .contentType(JSON)
        .headers(Map.of("X-Api-Key", "secret-value-1"))
        .queryString("token=a%2Bb%3D&empty&x=1&x=2&bad=%zz")
        .body(new byte[0])
        .build();
    assertThat(request.queryParameter("token")).containsExactly("a+b=");
    assertThat(request.queryParameter("empty")).containsExactly("");
    assertThat(request.queryParameter("x")).containsExactly("1", "2");
    assertThat(request.queryParameter("bad")).containsExactly("%zz");
    assertThat(request.queryParameter("missing")).isEmpty();
    assertThat(request.headers().values("x-api-key")).containsExactly("secret-value-1");
    assertThat(request.headers().names()).containsExactly("X-Api-Key");
    assertThat(request.toString()).doesNotContain("secret-value-1");
  }
}
