package io.camssdk.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenLocationTest {

  @Test
  void describesEachPlaceByNameOnly() {
    assertThat(TokenLocation.signatureHeader().describe()).isEqualTo("header X-Cams-Signature (token=...)");
    assertThat(TokenLocation.header("X-Partner-Auth").describe()).isEqualTo("header X-Partner-Auth");
    assertThat(TokenLocation.bearer().describe()).isEqualTo("header Authorization (Bearer)");
    assertThat(TokenLocation.queryParameter("sig").describe()).isEqualTo("query parameter sig");
  }

  @Test
  void namedPlacesNeedAPrintableNameAndOthersNone() {
    assertThatThrownBy(() -> TokenLocation.header(" ")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TokenLocation.queryParameter("a b")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TokenLocation(TokenLocation.Kind.BEARER, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TokenLocation(TokenLocation.Kind.HEADER, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parsesTheTextFormThatAdaptersSettingsUseAndWritesItBack() {
    for (String text : new String[] {"signature-header", "bearer", "header:X-Partner-Auth", "query:sig"}) {
      assertThat(TokenLocation.parse(text).toString()).isEqualTo(text);
    }
    assertThat(TokenLocation.parse("header: X-Api-Key")).isEqualTo(TokenLocation.header("X-Api-Key"));
  }

  @Test
  void refusesAnUnknownTokenLocationNamingTheSettingButNotTheText() {
    for (String text : new String[] {"cookie:s3cret", "header", "bearer:x", "query:a b", ""}) {
      assertThatThrownBy(() -> TokenLocation.parse(text))
          .isInstanceOf(io.camssdk.CamsConfigurationException.class)
          .hasMessageStartingWith("tokenLocation ")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cret", "a b"));
    }
  }

  @Test
  void theVerifierReportsWhereTheTokenSchemeLooks() {
    SignatureVerifier verifier = SignatureVerifier.builder().token("tok-alpha-1234567890")
        .scheme(SignatureScheme.TOKEN).tokenLocation(TokenLocation.bearer()).build();
    assertThat(verifier.tokenLocation()).isEqualTo(TokenLocation.bearer());
    assertThat(verifier.toString()).contains("tokenLocation=header Authorization (Bearer)")
        .doesNotContain("tok-alpha");
    assertThat(verifier.newBuilder().build().tokenLocation()).isEqualTo(TokenLocation.bearer());
    assertThat(verifier.verifyToken("r-1", "tok-alpha-1234567890").scheme()).isEqualTo(SignatureScheme.TOKEN);
  }

  @Test
  void identifiesACredentialWithoutReturningIt() {
    SignatureVerifier verifier = SignatureVerifier.builder().tokens(java.util.List.of("tok-a-1234567890123",
        "tok-b-1234567890123")).build();
    byte[] body = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    SignedHeaders signed = Signer.of("tok-b-1234567890123").sign("r-1", 1_732_420_000L, body);
    assertThat(verifier.identifyCredential("tok-b-1234567890123", "r-1", signed.timestamp(), body))
        .isEqualTo("token #1");
    assertThat(verifier.identifyCredential(signed.signature(), "r-1", signed.timestamp(), body))
        .isEqualTo("a v1 HMAC made with token #1");
    assertThat(verifier.identifyCredential("something-else", "r-1", signed.timestamp(), body)).isNull();
  }
}
