package io.camssdk.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import io.camssdk.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the verifier and the signer against the project's own vectors ({@code intent-signatures-extra.json},
 * computed with Python's hmac; see docs/test-vectors.md): the token scheme, three-token rotation, Unicode and
 * non-UTF-8 bodies, tolerance edges and the header syntax decisions.
 */
class ExtraSignatureVectorsTest {

  record Vector(String name, SignatureScheme scheme, String requestId, String timestamp, long now, byte[] body,
      List<String> activeTokens, String signatureHeader, String expect, Integer matchedToken,
      boolean signerReproduces) {
    @Override
    public String toString() {
      return name;
    }

    SignatureVerifier verifier() {
      return SignatureVerifier.builder().tokens(activeTokens).scheme(scheme).clock(clockAt(now)).build();
    }
  }

  @SuppressWarnings("unchecked")
  static Stream<Vector> vectors() throws IOException {
    try (InputStream in = ExtraSignatureVectorsTest.class.getResourceAsStream("/vectors/intent-signatures-extra.json")) {
      JsonAdapter<Map<String, Object>> adapter = Json.MOSHI
          .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
      Map<String, Object> file = adapter.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return ((List<Map<String, Object>>) file.get("vectors")).stream().map(ExtraSignatureVectorsTest::vector);
    }
  }

  @SuppressWarnings("unchecked")
  private static Vector vector(Map<String, Object> v) {
    String timestamp = (String) v.get("timestamp");
    long now = ((Number) v.get("now")).longValue();
    byte[] body = v.containsKey("bodyBase64")
        ? Base64.getDecoder().decode((String) v.get("bodyBase64"))
        : ((String) v.get("body")).getBytes(StandardCharsets.UTF_8);
    Number matched = (Number) v.get("matchedToken");
    return new Vector((String) v.get("name"), SignatureScheme.valueOf(((String) v.get("scheme")).toUpperCase()),
        (String) v.get("requestId"), timestamp, now, body, (List<String>) v.get("activeTokens"),
        (String) v.get("signatureHeader"), (String) v.get("expect"), matched == null ? null : matched.intValue(),
        Boolean.TRUE.equals(v.get("signerReproduces")));
  }

  private static Clock clockAt(long epochSeconds) {
    return Clock.fixed(Instant.ofEpochSecond(epochSeconds), ZoneOffset.UTC);
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void verifierAgreesWithEveryExtraVector(Vector vector) {
    SignatureVerifier verifier = vector.verifier();
    if (vector.expect().equals("valid")) {
      VerifiedSignature verified =
          verifier.verify(vector.requestId(), vector.timestamp(), vector.signatureHeader(), vector.body());
      assertThat(verified.tokenIndex()).isEqualTo(vector.matchedToken());
      assertThat(verified.scheme()).isEqualTo(vector.scheme());
      assertThat(verified.tokenFingerprint()).isEqualTo(verifier.tokenFingerprints().get(vector.matchedToken()));
    } else {
      assertThatThrownBy(
          () -> verifier.verify(vector.requestId(), vector.timestamp(), vector.signatureHeader(), vector.body()))
          .isInstanceOfSatisfying(SignatureVerificationException.class,
              e -> assertThat(e.code().wireName()).isEqualTo(vector.expect()));
    }
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void signerReproducesTheMarkedVectorsExactly(Vector vector) {
    if (!vector.signerReproduces()) {
      return;
    }
    Signer signer = Signer.of(vector.activeTokens(), clockAt(vector.now()), vector.scheme());
    SignedHeaders headers = signer.sign(vector.requestId(), vector.body());
    assertThat(headers.signature()).isEqualTo(vector.signatureHeader());
    assertThat(headers.timestamp()).isEqualTo(vector.timestamp());
    assertThat(headers.requestId()).isEqualTo(vector.requestId());
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void rejectionMessagesNeverRepeatTheHeaderOrATokenOfAnyVector(Vector vector) {
    if (vector.expect().equals("valid")) {
      return;
    }
    assertThatThrownBy(() -> vector.verifier()
        .verify(vector.requestId(), vector.timestamp(), vector.signatureHeader(), vector.body()))
        .satisfies(e -> {
          for (String token : vector.activeTokens()) {
            assertThat(e.getMessage()).doesNotContain(token);
          }
          if (vector.signatureHeader() != null && vector.signatureHeader().length() > 8) {
            assertThat(e.getMessage()).doesNotContain(vector.signatureHeader().strip());
          }
        });
  }
}
