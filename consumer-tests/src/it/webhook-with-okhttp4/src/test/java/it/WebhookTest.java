package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.camssdk.signature.SignatureVerifier;
import io.camssdk.signature.Signer;
import io.camssdk.webhook.CamsEndpoint;
import io.camssdk.webhook.EndpointRequest;
import io.camssdk.webhook.EndpointResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An application with its own, older OkHttp: the webhook path (cams-sdk-core) needs no OkHttp at all. */
class WebhookTest {
  @Test
  void aSignedIntentCallIsAnsweredWith200() {
    String token = "consumer-build-token";
    CamsEndpoint endpoint = CamsEndpoint.builder()
        .verifier(SignatureVerifier.builder().token(token).build())
        .onIntent("ORDER_STATUS", call -> Map.of("status", "SHIPPED"))
        .build();
    byte[] body = ("{\"RequestId\":\"r-1\",\"BusinessSystemId\":\"bs-1\",\"CustSpaceId\":\"cams-83m8j9xxxxadc\","
        + "\"ChannelType\":\"whatsapp\",\"IntentCode\":\"ORDER_STATUS\",\"IntentData\":{\"orderId\":\"A-1\"},"
        + "\"Timestamp\":" + System.currentTimeMillis() + "}").getBytes(StandardCharsets.UTF_8);

    EndpointResponse reply = endpoint.handleIntent(EndpointRequest.post("application/json; charset=utf-8",
        Signer.of(token).sign("r-1", body).asMap(), body));

    assertEquals(200, reply.status(), reply.bodyText());
    assertEquals("{\"Code\":\"OK\",\"Message\":\"\",\"Data\":{\"status\":\"SHIPPED\"}}", reply.bodyText());
  }

  @Test
  void theApplicationsOwnOkHttpIsTheOneOnTheClasspath() {
    String source = String.valueOf(getClass().getClassLoader().getResource("okhttp3/OkHttpClient.class"));
    assertTrue(source.contains("/okhttp-4.12.0.jar!"), source);
  }
}
