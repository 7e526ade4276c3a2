package io.camssdk.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Types;
import io.camssdk.CamsCode;
import io.camssdk.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks the verifier and the signer against v1 signatures computed outside the project (Python's hmac). */
class SignatureVectorsTest {

  record Vector(String name, String requestId, String timestamp, String body, List<String> activeTokens,
      String signatureHeader, String expect, Integer matchedToken) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Vector> vectors() throws IOException {
    try (InputStream in = SignatureVectorsTest.class.getResourceAsStream("/vectors/intent-signatures.json")) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      JsonAdapter<Map<String, Object>> file = Json.MOSHI
          .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
      Object vectors = file.fromJson(json).get("vectors");
      JsonAdapter<List<Vector>> adapter = Json.MOSHI
          .adapter(Types.newParameterizedType(List.class, Vector.class));
      return adapter.fromJsonValue(vectors).stream();
    }
  }

  private static Clock clockAt(String timestamp) {
    return Clock.fixed(Instant.ofEpochSecond(Long.parseLong(timestamp)), ZoneOffset.UTC);
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void verifierAgreesWithEveryVector(Vector vector) {
    SignatureVerifier verifier = SignatureVerifier.builder()
        .tokens(vector.activeTokens())
        .clock(clockAt(vector.timestamp()))
        .build();
    byte[] body = vector.body().getBytes(StandardCharsets.UTF_8);
    if (vector.expect().equals("valid")) {
      VerifiedSignature verified = verifier.verify(vector.requestId(), vector.timestamp(), vector.signatureHeader(), body);
      assertThat(verified.tokenIndex()).isEqualTo(vector.matchedToken());
      assertThat(verified.scheme()).isEqualTo(SignatureScheme.V1);
    } else {
      assertThatThrownBy(() -> verifier.verify(vector.requestId(), vector.timestamp(), vector.signatureHeader(), body))
          .isInstanceOfSatisfying(SignatureVerificationException.class,
              e -> assertThat(e.code().wireName()).isEqualTo(vector.expect()));
    }
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void signerReproducesEverySingleTokenVector(Vector vector) {
    if (!vector.expect().equals("valid") || vector.activeTokens().size() != 1
        || vector.signatureHeader().contains(" ")) {
      return;
    }
    Signer signer = Signer.of(vector.activeTokens(), clockAt(vector.timestamp()), SignatureScheme.V1);
    SignedHeaders headers = signer.sign(vector.requestId(), vector.body().getBytes(StandardCharsets.UTF_8));
    assertThat(headers.signature()).isEqualTo(vector.signatureHeader());
    assertThat(headers.timestamp()).isEqualTo(vector.timestamp());
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void invalidVectorsNeverPassWithAnyCode(Vector vector) {
    if (vector.expect().equals("valid")) {
      return;
    }
    SignatureVerifier verifier = SignatureVerifier.builder().tokens(vector.activeTokens())
        .clock(clockAt(vector.timestamp())).build();
    assertThatThrownBy(() -> verifier.verify(vector.requestId(), vector.timestamp(), vector.signatureHeader(),
        vector.body().getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(SignatureVerificationException.class)
        .extracting(e -> ((SignatureVerificationException) e).code())
        .isEqualTo(CamsCode.INVALID_SIGNATURE);
  }
}
