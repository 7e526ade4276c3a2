package io.camssdk.webhook;

import static io.camssdk.webhook.TestCalls.CLOCK;
import static io.camssdk.webhook.TestCalls.JSON;
import static io.camssdk.webhook.TestCalls.NOW;
import static io.camssdk.webhook.TestCalls.TOKEN;
import static io.camssdk.webhook.TestCalls.body;
import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.CamsCode;
import io.camssdk.CapturedLog;
import io.camssdk.signature.CamsHeaders;
import io.camssdk.signature.SignatureScheme;
import io.camssdk.signature.SignatureVerifier;
import io.camssdk.signature.Signer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 14: diagnose mode names where a configured token or its HMAC sits in a rejected call; never a value. */
class RejectionDiagnosisTest {
  static final String OLD_TOKEN = "tok-old-abcdefghij";
  static final byte[] BODY = body("r-1", "ORDER_STATUS", "{}").getBytes(StandardCharsets.UTF_8);
  static final String HMAC = Signer.of(List.of(TOKEN), CLOCK, SignatureScheme.V1).sign("r-1", NOW, BODY)
      .signature().substring("v1=".length());

  final CamsEndpoint endpoint = CamsEndpoint.builder()
      .verifier(SignatureVerifier.builder().tokens(List.of(OLD_TOKEN, TOKEN)).clock(CLOCK).build())
      .onIntent("ORDER_STATUS", call -> null)
      .diagnoseRejections(true)
      .build();

  /** The one diagnose line logged for a call with {@code headers}, {@code query} and {@code body}. */
  String diagnose(Map<String, String> headers, String query, byte[] body) {
    Map<String, String> all = new LinkedHashMap<>();
    all.put(CamsHeaders.REQUEST_ID, "r-1");
    all.put(CamsHeaders.TIMESTAMP, Long.toString(NOW));
    all.putAll(headers);
    EndpointRequest request = EndpointRequest.builder("POST").contentType(JSON).headers(all).queryString(query)
        .body(body).build();
    try (CapturedLog log = CapturedLog.start()) {
      EndpointResponse response = endpoint.handleIntent(request);
      assertThat(response.status()).isEqualTo(401);
      String text = log.text();
      assertThat(text).doesNotContain(TOKEN).doesNotContain(OLD_TOKEN).doesNotContain(HMAC)
          .doesNotContain(HMAC.substring(0, 20));
      List<String> lines = text.lines().filter(line -> line.contains("CAMS diagnose")).toList();
      assertThat(lines).hasSize(1);
      return lines.get(0);
    }
  }

  @Test
  void namesAHeaderOfAnyNameThatCarriesTheTokenAndTheSettingThatAcceptsIt() {
    String line = diagnose(Map.of("X-Partner-Auth", TOKEN), null, BODY);
    assertThat(line).contains("call rejected MissingSignature")
        .contains("token #1 appears in header X-Partner-Auth")
        .contains("scheme(SignatureScheme.TOKEN).tokenLocation(TokenLocation.header(\"X-Partner-Auth\"))")
        .contains("X-Cams-Request-Id").contains("IntentCode");
  }

  @Test
  void namesABearerToken() {
    assertThat(diagnose(Map.of("Authorization", "Bearer " + OLD_TOKEN), null, BODY))
        .contains("token #0 appears in header Authorization").contains("TokenLocation.bearer()");
  }

  @Test
  void namesAQueryParameter() {
    assertThat(diagnose(Map.of(), "partner=acme&sig=" + TOKEN, BODY))
        .contains("token #1 appears in query parameter sig")
        .contains("TokenLocation.queryParameter(\"sig\")").contains("query parameters [partner, sig]");
  }

  @Test
  void namesATokenInTheSignatureHeaderAsTheTokenScheme() {
    assertThat(diagnose(Map.of(CamsHeaders.SIGNATURE, "token=" + TOKEN), null, BODY))
        .contains("token #1 appears in header X-Cams-Signature").contains("accept it with scheme(SignatureScheme.TOKEN)");
  }

  @Test
  void namesAV1HmacInAnotherHeader() {
    assertThat(diagnose(Map.of("X-Signature", "sha256=" + HMAC), null, BODY))
        .contains("a v1 HMAC made with token #1 appears in header X-Signature")
        .contains("reads v1 signatures only from X-Cams-Signature");
  }

  @Test
  void namesABodyKeyThatCarriesTheToken() {
    byte[] body = ("{\"RequestId\":\"r-1\",\"Auth\":\"" + TOKEN + "\",\"IntentCode\":\"ORDER_STATUS\"}")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(diagnose(Map.of(), null, body)).contains("token #1 appears in body key Auth")
        .contains("body keys [RequestId, Auth, IntentCode]");
  }

  @Test
  void saysSoWhenNoTokenAppears() {
    assertThat(diagnose(Map.of(CamsHeaders.SIGNATURE, "v1=" + "A".repeat(43) + "="), null, BODY))
        .contains("no configured token, and no v1 HMAC made with one, appears in the call")
        .contains("Now accepting: v1 in X-Cams-Signature");
  }

  @Test
  void logsNothingWhenDiagnoseModeIsOff() {
    CamsEndpoint quiet = CamsEndpoint.builder()
        .verifier(SignatureVerifier.builder().token(TOKEN).clock(CLOCK).build())
        .onIntent("ORDER_STATUS", call -> null)
        .build();
    try (CapturedLog log = CapturedLog.start()) {
      assertThat(quiet.handleIntent(Map.of("Content-Type", JSON, "X-Partner-Auth", TOKEN), BODY).code())
          .isEqualTo(CamsCode.MISSING_SIGNATURE);
      assertThat(log.text()).doesNotContain("CAMS diagnose");
    }
  }
}
