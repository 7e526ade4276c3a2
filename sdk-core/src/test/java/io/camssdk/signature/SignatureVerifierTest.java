package io.camssdk.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camssdk.CamsCode;
import io.camssdk.CamsConfigurationException;
import io.camssdk.CapturedLog;
import io.camssdk.receipt.ReceiptType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignatureVerifierTest {
  static final long NOW = 1_732_420_000L;
  static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
  static final byte[] BODY = "{\"RequestId\":\"r-1\"}".getBytes(StandardCharsets.UTF_8);
  static final String TOKEN = "tok-new-123456";

  final SignatureVerifier verifier = SignatureVerifier.builder().token("tok-new-123456").clock(CLOCK).build();

  private static SignedHeaders signAt(long seconds, String... tokens) {
    return Signer.of(List.of(tokens), CLOCK, SignatureScheme.V1).sign("r-1", seconds, BODY);
  }

  private CamsCode failureOf(String requestId, String timestamp, String signature, byte[] body) {
    try {
      verifier.verify(requestId, timestamp, signature, body);
      return CamsCode.OK;
    } catch (SignatureVerificationException e) {
      return e.code();
    }
  }

  @Test
  void acceptsSignatureExactlyAtToleranceEdges() {
    for (long at : new long[] {NOW - 300, NOW + 300, NOW}) {
      SignedHeaders h = signAt(at, "tok-new-123456");
      assertThat(verifier.verify("r-1", h.timestamp(), h.signature(), BODY).tokenIndex()).isZero();
    }
  }

  @Test
  void rejectsSignatureOneSecondOutsideTolerance() {
    for (long at : new long[] {NOW - 301, NOW + 301}) {
      SignedHeaders h = signAt(at, "tok-new-123456");
      assertThat(failureOf("r-1", h.timestamp(), h.signature(), BODY)).isEqualTo(CamsCode.STALE_TIMESTAMP);
    }
  }

  @Test
  void honoursConfiguredTolerance() {
    SignatureVerifier strict = verifier.newBuilder().tolerance(Duration.ofSeconds(10)).build();
    SignedHeaders h = signAt(NOW - 11, "tok-new-123456");
    assertThatThrownBy(() -> strict.verify("r-1", h.timestamp(), h.signature(), BODY))
        .hasMessage("X-Cams-Timestamp is outside the tolerance of 10 s");
  }

  @Test
  void acceptsEitherTokenDuringRotationAndReportsWhichMatched() {
    SignatureVerifier rotating = verifier.newBuilder().tokens(List.of("tok-new-123456", "tok-old-654321")).build();
    SignedHeaders byOld = signAt(NOW, "tok-old-654321");
    SignedHeaders byNew = signAt(NOW, "tok-new-123456");
    SignedHeaders byBoth = signAt(NOW, "tok-old-654321", "tok-new-123456");
    assertThat(rotating.verify("r-1", byOld.timestamp(), byOld.signature(), BODY).tokenIndex()).isEqualTo(1);
    assertThat(rotating.verify("r-1", byNew.timestamp(), byNew.signature(), BODY).tokenIndex()).isEqualTo(0);
    assertThat(rotating.verify("r-1", byBoth.timestamp(), byBoth.signature(), BODY).tokenIndex()).isEqualTo(0);
    assertThat(byBoth.signature()).contains(" ").startsWith("v1=");
  }

  @Test
  void reportsMatchedTokenByFingerprintNotByValue() {
    SignedHeaders h = signAt(NOW, "tok-new-123456");
    VerifiedSignature verified = verifier.verify("r-1", h.timestamp(), h.signature(), BODY);
    assertThat(verified.tokenFingerprint()).hasSize(8).doesNotContain("tok");
    assertThat(verifier.toString()).doesNotContain("tok-new-123456");
    assertThat(verified.toString()).doesNotContain("tok-new-123456");
  }

  @Test
  void rejectsMissingOrUnparseableSignatureHeader() {
    SignedHeaders h = signAt(NOW, "tok-new-123456");
    assertThat(failureOf("r-1", h.timestamp(), null, BODY)).isEqualTo(CamsCode.MISSING_SIGNATURE);
    assertThat(failureOf("r-1", h.timestamp(), "", BODY)).isEqualTo(CamsCode.MISSING_SIGNATURE);
    assertThat(failureOf("r-1", h.timestamp(), "v1", BODY)).isEqualTo(CamsCode.MISSING_SIGNATURE);
    assertThat(failureOf("r-1", h.timestamp(), "v2=abc", BODY)).isEqualTo(CamsCode.MISSING_SIGNATURE);
    assertThat(failureOf("r-1", h.timestamp(), "v1=not-base64!", BODY)).isEqualTo(CamsCode.MISSING_SIGNATURE);
    assertThat(failureOf("r-1", h.timestamp(), (h.signature() + " ").repeat(9), BODY))
        .isEqualTo(CamsCode.MISSING_SIGNATURE);
  }

  @Test
  void skipsEntriesOfUnknownSchemes() {
    SignedHeaders h = signAt(NOW, "tok-new-123456");
    assertThat(failureOf("r-1", h.timestamp(), "v9=future " + h.signature(), BODY)).isEqualTo(CamsCode.OK);
  }

  @Test
  void rejectsMissingOrMalformedRequestIdAsMissingSignature() {
    SignedHeaders h = signAt(NOW, "tok-new-123456");
    assertThat(failureOf(null, h.timestamp(), h.signature(), BODY)).isEqualTo(CamsCode.MISSING_SIGNATURE);
    assertThat(failureOf("bad id", h.timestamp(), h.signature(), BODY)).isEqualTo(CamsCode.MISSING_SIGNATURE);
    assertThat(failureOf("x".repeat(129), h.timestamp(), h.signature(), BODY)).isEqualTo(CamsCode.MISSING_SIGNATURE);
  }

  @Test
  void rejectsMissingOrNonNumericTimestamp() {
    SignedHeaders h = signAt(NOW, "tok-new-123456");
    assertThat(failureOf("r-1", null, h.signature(), BODY)).isEqualTo(CamsCode.STALE_TIMESTAMP);
    assertThat(failureOf("r-1", "17e8", h.signature(), BODY)).isEqualTo(CamsCode.STALE_TIMESTAMP);
    assertThat(failureOf("r-1", "-1", h.signature(), BODY)).isEqualTo(CamsCode.STALE_TIMESTAMP);
    assertThat(failureOf("r-1", "9".repeat(40), h.signature(), BODY)).isEqualTo(CamsCode.STALE_TIMESTAMP);
  }

  @Test
  void rejectsSignatureOverOtherBytes() {
    SignedHeaders h = signAt(NOW, "tok-new-123456");
    byte[] tampered = BODY.clone();
    tampered[3] ^= 1;
    assertThat(failureOf("r-1", h.timestamp(), h.signature(), tampered)).isEqualTo(CamsCode.INVALID_SIGNATURE);
    assertThat(failureOf("r-2", h.timestamp(), h.signature(), BODY)).isEqualTo(CamsCode.INVALID_SIGNATURE);
  }

  @Test
  void tokenSchemeComparesTheTokenAndIgnoresTime() {
    SignatureVerifier tokenVerifier = verifier.newBuilder().scheme(SignatureScheme.TOKEN).build();
    assertThat(tokenVerifier.verify("r-1", null, "token=tok-new-123456", BODY).scheme()).isEqualTo(SignatureScheme.TOKEN);
    assertThatThrownBy(() -> tokenVerifier.verify("r-1", null, "token=tok-new-12345", BODY))
        .extracting(e -> ((SignatureVerificationException) e).code()).isEqualTo(CamsCode.INVALID_SIGNATURE);
    assertThatThrownBy(() -> tokenVerifier.verify("r-1", null, "v1=abc", BODY))
        .extracting(e -> ((SignatureVerificationException) e).code()).isEqualTo(CamsCode.MISSING_SIGNATURE);
    assertThatThrownBy(() -> tokenVerifier.verify("bad id", null, "token=tok-new-123456", BODY))
        .extracting(e -> ((SignatureVerificationException) e).code()).isEqualTo(CamsCode.MISSING_SIGNATURE);
  }

  @Test
  void failureMessagesNeverRepeatHeaderValues() {
    SignedHeaders h = signAt(NOW, "tok-other-999");
    assertThatThrownBy(() -> verifier.verify("r-1", h.timestamp(), h.signature(), BODY))
        .hasMessage("no signature matches an active token");
  }

  @Test
  void builderRequiresATokenAndNamesTheField() {
    assertThatThrownBy(() -> SignatureVerifier.builder().build())
        .isInstanceOf(CamsConfigurationException.class).hasMessageStartingWith("tokens must hold at least one");
    assertThatThrownBy(() -> SignatureVerifier.builder().tokens(List.of("tok-alpha-1234567890", " ")).build())
        .isInstanceOf(CamsConfigurationException.class).hasMessageStartingWith("tokens[1] is empty");
    assertThatThrownBy(() -> SignatureVerifier.builder().tolerance(Duration.ZERO))
        .isInstanceOf(CamsConfigurationException.class).hasMessageStartingWith("tolerance must be positive");
  }

  @Test
  void refusesPlaceholderTokensNamingTheSettingButNeverTheValue() {
    for (String token : List.of("${CAMS_SIGNATURE_TOKEN}", "prefix-${cams.signature.token}-suffix")) {
      assertThatThrownBy(() -> SignatureVerifier.builder().tokens(List.of("tok-alpha-1234567890", token)).build())
          .isInstanceOfSatisfying(CamsConfigurationException.class, e -> {
            assertThat(e.setting()).isEqualTo("tokens[1]");
            assertThat(e.getMessage()).contains("placeholder").doesNotContain(token).doesNotContain("CAMS_SIGNATURE")
                .doesNotContain("cams.signature.token");
          });
    }
  }

  @Test
  void refusesTokensWithWhitespaceOrControlCharactersInside() {
    for (String token : List.of("tok-alpha 1234567890", "tok-alpha\t1234567890", "tok-alpha\n1234567890",
        "tok-alpha\u00001234567890", "tok-alpha\u007f1234567890", "tok-alpha\u00a01234567890")) {
      assertThatThrownBy(() -> SignatureVerifier.builder().token(token).build())
          .isInstanceOfSatisfying(CamsConfigurationException.class, e -> {
            assertThat(e.setting()).isEqualTo("tokens[0]");
            assertThat(e.getMessage()).contains("whitespace or a control character").doesNotContain("alpha");
          });
    }
  }

  @Test
  void acceptsAShortTokenButWarnsWithoutPrintingIt() {
    try (CapturedLog log = CapturedLog.start()) {
      SignatureVerifier shortToken = SignatureVerifier.builder().token("sh0rt-tok3n").build();
      assertThat(shortToken.tokenCount()).isEqualTo(1);
      assertThat(log.text()).contains("tokens[0] is shorter than 16 characters").doesNotContain("sh0rt-tok3n");
    }
  }

  @Test
  void receiptSignatureBindsThePushType() {
    Signer signer = Signer.of(List.of(TOKEN), CLOCK, SignatureScheme.V1);
    SignedHeaders status = signer.signReceipt(ReceiptType.STATUS, "b-1", BODY);
    assertThat(verifier.verifyReceipt(ReceiptType.STATUS, "b-1", status.timestamp(), status.signature(), BODY)
        .tokenIndex()).isZero();
    for (ReceiptType other : List.of(ReceiptType.INBOUND, ReceiptType.AUDIT)) {
      assertThatThrownBy(() -> verifier.verifyReceipt(other, "b-1", status.timestamp(), status.signature(), BODY))
          .isInstanceOfSatisfying(SignatureVerificationException.class,
              e -> assertThat(e.code()).isEqualTo(CamsCode.INVALID_SIGNATURE));
    }
    assertThatThrownBy(() -> verifier.verify("b-1", status.timestamp(), status.signature(), BODY))
        .isInstanceOfSatisfying(SignatureVerificationException.class,
            e -> assertThat(e.code()).isEqualTo(CamsCode.INVALID_SIGNATURE));
    SignedHeaders intent = signer.sign("b-1", BODY);
    assertThatThrownBy(() -> verifier.verifyReceipt(ReceiptType.STATUS, "b-1", intent.timestamp(),
        intent.signature(), BODY)).isInstanceOfSatisfying(SignatureVerificationException.class,
            e -> assertThat(e.code()).isEqualTo(CamsCode.INVALID_SIGNATURE));
  }

  @Test
  void receiptSignatureIsTheHmacOfTheDocumentedBase() throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update(("b-1." + NOW + ".ChatAppInbound.").getBytes(StandardCharsets.US_ASCII));
    String expected = "v1=" + java.util.Base64.getEncoder().encodeToString(mac.doFinal(BODY));
    assertThat(Signer.of(List.of(TOKEN), CLOCK, SignatureScheme.V1)
        .signReceipt(ReceiptType.INBOUND, "b-1", NOW, BODY).signature()).isEqualTo(expected);
  }
}
