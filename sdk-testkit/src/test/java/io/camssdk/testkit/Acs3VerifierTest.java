package io.camssdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camssdk.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Acs3VerifierTest {

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> vectors() throws Exception {
    try (InputStream in = Acs3VerifierTest.class.getResourceAsStream("/vectors/acs3-openapiutil.json")) {
      JsonObject root = JsonObject.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return (List<Map<String, Object>>) root.get("vectors");
    }
  }

  @SuppressWarnings("unchecked")
  private static String verify(Map<String, Object> v, String secret) {
    Map<String, String> headers = (Map<String, String>) v.get("headers");
    Instant date = Instant.parse(headers.get("x-acs-date"));
    Acs3Verifier verifier = new Acs3Verifier(Map.of((String) v.get("accessKeyId"), secret),
        Clock.fixed(date, ZoneOffset.UTC));
    Map<String, String> withAuth = new java.util.HashMap<>(headers);
    withAuth.put("authorization", (String) v.get("authorization"));
    return verifier.verify((String) v.get("method"), (String) v.get("path"), (Map<String, String>) v.get("query"),
        withAuth::get, ((String) v.get("body")).getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void acceptsEveryOpenapiutilVector() throws Exception {
    List<Map<String, Object>> vectors = vectors();
    assertThat(vectors).hasSize(64);
    for (Map<String, Object> v : vectors) {
      assertThat(verify(v, (String) v.get("accessKeySecret"))).isEqualTo(v.get("accessKeyId"));
    }
  }

  @Test
  void rejectsEveryVectorWithAnotherSecret() throws Exception {
    for (Map<String, Object> v : vectors()) {
      assertThatThrownBy(() -> verify(v, v.get("accessKeySecret") + "x"))
          .isInstanceOfSatisfying(ApiError.class, e -> {
            assertThat(e.status).isEqualTo(400);
            assertThat(e.code).isEqualTo("SignatureDoesNotMatch");
          });
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void rejectsUnknownAccessKeyId() throws Exception {
    Map<String, Object> v = vectors().get(0);
    Map<String, String> headers = new java.util.HashMap<>((Map<String, String>) v.get("headers"));
    headers.put("authorization", (String) v.get("authorization"));
    Acs3Verifier verifier = new Acs3Verifier(Map.of("someone-else", "secret"), Clock.systemUTC());
    assertThatThrownBy(() -> verifier.verify("POST", "/", (Map<String, String>) v.get("query"), headers::get,
        new byte[0]))
        .isInstanceOfSatisfying(ApiError.class, e -> {
          assertThat(e.status).isEqualTo(404);
          assertThat(e.code).isEqualTo("InvalidAccessKeyId.NotFound");
          assertThat(e.getMessage()).doesNotContain("secret");
        });
  }

  @Test
  void rejectsTamperedQueryParameter() throws Exception {
    Map<String, Object> v = new java.util.HashMap<>(vectors().get(5));
    @SuppressWarnings("unchecked")
    Map<String, String> query = new java.util.HashMap<>((Map<String, String>) v.get("query"));
    query.put("CustSpaceId", "someone-elses-space");
    v.put("query", query);
    assertThatThrownBy(() -> verify(v, (String) v.get("accessKeySecret")))
        .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.code).isEqualTo("SignatureDoesNotMatch"));
  }
}
