package io.camssdk.management;

import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.json.JsonObject;
import io.camssdk.json.JsonLimits;
import io.camssdk.management.internal.Acs3Signer;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Acs3SignerTest {

  @ParameterizedTest(name = "vector {0}")
  @MethodSource("vectors")
  @SuppressWarnings("unchecked")
  void reproducesAlibabaSignerAuthorizationForEveryVector(int index, Map<String, Object> vector) {
    String body = (String) vector.get("body");
    String hashed = ((Map<String, String>) vector.get("headers")).get("x-acs-content-sha256");
    assertThat(Acs3Signer.sha256Hex(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo(hashed);

    String authorization = Acs3Signer.authorization(
        (String) vector.get("method"),
        (String) vector.get("path"),
        (Map<String, String>) vector.get("query"),
        (Map<String, String>) vector.get("headers"),
        hashed,
        (String) vector.get("accessKeyId"),
        (String) vector.get("accessKeySecret"));

    assertThat(authorization).isEqualTo(vector.get("authorization"));
  }

  @SuppressWarnings("unchecked")
  static Stream<Arguments> vectors() throws IOException {
    try (InputStream in = Acs3SignerTest.class.getResourceAsStream("/vectors/acs3-openapiutil.json")) {
      Map<String, Object> root = JsonObject.parse(in.readAllBytes(), JsonLimits.DEFAULTS).asMap();
      List<Map<String, Object>> vectors = (List<Map<String, Object>>) root.get("vectors");
      assertThat(vectors).hasSize(64);
      List<Arguments> arguments = new ArrayList<>();
      for (int i = 0; i < vectors.size(); i++) {
        arguments.add(Arguments.of(i, vectors.get(i)));
      }
      return arguments.stream();
    }
  }

  /**
   * The worked example of "Request syntax and signature method V3", section "Signature example":
   * https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature
   * (Chinese original: https://help.aliyun.com/zh/sdk/product-overview/v3-request-structure-and-signature).
   */
  @Test
  void reproducesTheDocumentedRunInstancesExample() {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd");
    query.put("RegionId", "cn-shanghai");
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("host", "ecs.cn-shanghai.aliyuncs.com");
    headers.put("x-acs-action", "RunInstances");
    headers.put("x-acs-version", "2014-05-26");
    headers.put("x-acs-date", "2023-10-26T10:22:32Z");
    headers.put("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d");
    headers.put("x-acs-content-sha256", Acs3Signer.EMPTY_PAYLOAD_SHA256);

    String authorization = Acs3Signer.authorization("POST", "/", query, headers,
        Acs3Signer.EMPTY_PAYLOAD_SHA256, "YourAccessKeyId", "YourAccessKeySecret");

    assertThat(authorization).isEqualTo("ACS3-HMAC-SHA256 Credential=YourAccessKeyId,"
        + "SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,"
        + "Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0");
  }

  /**
   * The request-header table of "ROA-style request body and signature mechanism" pairs this signature with nonce
   * {@code d410180a5abf7fe235dd9b74aca91fc0} and date {@code 2023-10-26T09:01:01Z}:
   * https://help.aliyun.com/zh/model-studio/roa-style-request-body-signature-mechanism
   */
  @Test
  void reproducesTheDocumentedHeaderTableExample() {
    Map<String, String> query = Map.of(
        "RegionId", "cn-shanghai",
        "ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd");
    Map<String, String> headers = Map.of(
        "Host", "ecs.cn-shanghai.aliyuncs.com",
        "x-acs-action", "RunInstances",
        "x-acs-version", "2014-05-26",
        "x-acs-date", "2023-10-26T09:01:01Z",
        "x-acs-signature-nonce", "d410180a5abf7fe235dd9b74aca91fc0",
        "x-acs-content-sha256", Acs3Signer.EMPTY_PAYLOAD_SHA256,
        "User-Agent", "not signed");

    String authorization = Acs3Signer.authorization("POST", "/", query, headers,
        Acs3Signer.EMPTY_PAYLOAD_SHA256, "YourAccessKeyId", "YourAccessKeySecret");

    assertThat(authorization).endsWith(
        "Signature=e521358f7776c97df52e6b2891a8bc73026794a071b50c3323388c4e0df64804");
  }

  @Test
  void percentEncodesLikeAlibabaCloud() {
    assertThat(Acs3Signer.percentEncode("a b*c~d+e/é🚀"))
        .isEqualTo("a%20b%2Ac~d%2Be%2F%C3%A9%F0%9F%9A%80");
  }

  @Test
  void sortsQueryKeysAndKeepsEmptyValues() {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("b", "2");
    query.put("Empty", "");
    query.put("a", "1");
    assertThat(Acs3Signer.canonicalQuery(query)).isEqualTo("Empty=&a=1&b=2");
  }
}
