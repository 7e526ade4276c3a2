package io.camssdk.webhook;

import io.camssdk.signature.SignatureScheme;
import io.camssdk.signature.SignedHeaders;
import io.camssdk.signature.Signer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds signed intent-call requests for tests. */
final class TestCalls {
  static final long NOW = 1_732_420_000L;
  static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
  static final String TOKEN = "tok-alpha-1234567890";
  static final String JSON = "application/json; charset=utf-8";

  private TestCalls() {}

  static String body(String requestId, String intentCode, String intentData) {
    return "{\"RequestId\":\"" + requestId + "\",\"BusinessSystemId\":\"bs-7f3a2c\",\"CustSpaceId\":\"cams-83m8j9xxxxadc\","
        + "\"ChannelType\":\"whatsapp\",\"IntentCode\":\"" + intentCode + "\",\"IntentName\":\"Order status\","
        + "\"IntentData\":" + intentData + ",\"From\":\"8613800000000\",\"To\":\"8613900000000\","
        + "\"MessageId\":\"2023078469463703123\",\"TemplateCode\":\"820561547132813184\",\"Timestamp\":1732420000000}";
  }

  static Map<String, List<String>> signedHeaders(String requestId, byte[] body, String... tokens) {
    SignedHeaders signed = Signer.of(List.of(tokens.length == 0 ? new String[] {TOKEN} : tokens), CLOCK,
        SignatureScheme.V1).sign(requestId, body);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    signed.asMap().forEach((name, value) -> headers.put(name, new ArrayList<>(List.of(value))));
    return headers;
  }

  /** Headers of a receipt push of {@code type}: its signature binds the type. */
  static Map<String, List<String>> signedPushHeaders(io.camssdk.receipt.ReceiptType type, String batchId, byte[] body,
      String... tokens) {
    SignedHeaders signed = Signer.of(List.of(tokens.length == 0 ? new String[] {TOKEN} : tokens), CLOCK,
        SignatureScheme.V1).signReceipt(type, batchId, body);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    signed.asMap().forEach((name, value) -> headers.put(name, new ArrayList<>(List.of(value))));
    return headers;
  }

  static EndpointRequest request(String method, String contentType, Map<String, List<String>> headers, byte[] body) {
    return new EndpointRequest(method, contentType, HeaderSource.ofMulti(headers), -1, new ByteArrayInputStream(body));
  }

  static EndpointRequest signed(String requestId, String intentCode, String intentData) {
    byte[] body = body(requestId, intentCode, intentData).getBytes(StandardCharsets.UTF_8);
    return request("POST", JSON, signedHeaders(requestId, body), body);
  }

  static EndpointRequest signedBody(String requestId, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return request("POST", JSON, signedHeaders(requestId, bytes), bytes);
  }
}
