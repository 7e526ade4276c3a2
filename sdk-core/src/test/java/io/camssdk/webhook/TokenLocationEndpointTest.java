package io.camssdk.webhook;

import static io.camssdk.webhook.TestCalls.CLOCK;
import static io.camssdk.webhook.TestCalls.JSON;
import static io.camssdk.webhook.TestCalls.TOKEN;
import static io.camssdk.webhook.TestCalls.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.CamsCode;
import io.camssdk.signature.CamsHeaders;
import io.camssdk.signature.SignatureScheme;
import io.camssdk.signature.SignatureVerifier;
import io.camssdk.signature.TokenLocation;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 14: the token scheme with the token as it is, in a header of any name, a bearer header or a query. */
class TokenLocationEndpointTest {
  static final byte[] BODY = body("r-1", "ORDER_STATUS", "{}").getBytes(StandardCharsets.UTF_8);

  static CamsEndpoint endpoint(TokenLocation location) {
    return CamsEndpoint.builder()
        .verifier(SignatureVerifier.builder().token(TOKEN).clock(CLOCK).scheme(SignatureScheme.TOKEN)
            .tokenLocation(location).build())
        .onIntent("ORDER_STATUS", call -> Map.of("ok", true))
        .build();
  }

  static EndpointRequest call(Map<String, String> headers, String query) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    all.putIfAbsent(CamsHeaders.REQUEST_ID, "r-1");
    return EndpointRequest.builder("POST").contentType(JSON).headers(all).queryString(query).body(BODY).build();
  }

  @Test
  void acceptsTheTokenInAHeaderOfAnyName() {
    CamsEndpoint endpoint = endpoint(TokenLocation.header("X-Partner-Auth"));
    assertThat(endpoint.handleIntent(call(Map.of("x-partner-auth", TOKEN), null)).status()).isEqualTo(200);
    assertThat(endpoint.handleIntent(call(Map.of("X-Partner-Auth", "tok-wrong-000000000"), null)).code())
        .isEqualTo(CamsCode.INVALID_SIGNATURE);
    assertThat(endpoint.handleIntent(call(Map.of(), null)).code()).isEqualTo(CamsCode.MISSING_SIGNATURE);
    assertThat(endpoint.handleIntent(call(Map.of("X-Cams-Signature", "token=" + TOKEN), null)).code())
        .isEqualTo(CamsCode.MISSING_SIGNATURE);
  }

  @Test
  void acceptsABearerToken() {
    CamsEndpoint endpoint = endpoint(TokenLocation.bearer());
    assertThat(endpoint.handleIntent(call(Map.of("Authorization", "Bearer " + TOKEN), null)).status())
        .isEqualTo(200);
    assertThat(endpoint.handleIntent(call(Map.of("Authorization", "Basic " + TOKEN), null)).code())
        .isEqualTo(CamsCode.MISSING_SIGNATURE);
  }

  @Test
  void acceptsTheTokenAsAQueryParameter() {
    CamsEndpoint endpoint = endpoint(TokenLocation.queryParameter("signature"));
    assertThat(endpoint.handleIntent(call(Map.of(), "a=1&signature=" + TOKEN)).status()).isEqualTo(200);
    assertThat(endpoint.handleIntent(call(Map.of(), "signature=" + TOKEN + "&signature=" + TOKEN)).code())
        .as("a repeated parameter is ambiguous").isEqualTo(CamsCode.MISSING_SIGNATURE);
    assertThat(endpoint.handleIntent(call(Map.of(), "Signature=" + TOKEN)).code())
        .isEqualTo(CamsCode.MISSING_SIGNATURE);
  }

  @Test
  void keepsTheRequestIdRules() {
    CamsEndpoint endpoint = endpoint(TokenLocation.header("X-Partner-Auth"));
    assertThat(endpoint.handleIntent(call(Map.of("X-Partner-Auth", TOKEN, CamsHeaders.REQUEST_ID, "bad id!"), null))
        .code()).isEqualTo(CamsCode.MISSING_SIGNATURE);
    EndpointRequest mismatch = EndpointRequest.builder("POST").contentType(JSON)
        .headers(Map.of("X-Partner-Auth", TOKEN, CamsHeaders.REQUEST_ID, "r-2")).body(BODY).build();
    assertThat(endpoint.handleIntent(mismatch).code()).isEqualTo(CamsCode.MALFORMED_PAYLOAD);
    endpoint.handleIntent(call(Map.of("X-Partner-Auth", TOKEN), null));
    assertThat(endpoint.handleIntent(call(Map.of("X-Partner-Auth", TOKEN), null)).replayed()).isTrue();
  }
}
