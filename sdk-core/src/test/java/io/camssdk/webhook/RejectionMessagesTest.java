package io.camssdk.webhook;

import static io.camssdk.webhook.TestCalls.CLOCK;
import static io.camssdk.webhook.TestCalls.JSON;
import static io.camssdk.webhook.TestCalls.TOKEN;
import static io.camssdk.webhook.TestCalls.signedHeaders;
import static io.camssdk.webhook.TestCalls.signedPushHeaders;
import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.CamsCode;
import io.camssdk.duplicate.ClaimResult;
import io.camssdk.duplicate.DuplicateStore;
import io.camssdk.duplicate.DuplicateStoreException;
import io.camssdk.duplicate.InMemoryDuplicateStore;
import io.camssdk.duplicate.StoredReply;
import io.camssdk.receipt.ReceiptType;
import io.camssdk.signature.CamsHeaders;
import io.camssdk.signature.SignatureVerifier;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, defect 6: no rejection message holds a header value or body content. Every rejection the endpoint can
 * produce is provoked with header values and body strings of the sender's choosing, and each reply is scanned for
 * all of them.
 */
class RejectionMessagesTest {
  static final Pattern JSON_STRING = Pattern.compile("\"((?:[^\"\\\\]++|\\\\.)*+)\"");

  /** One request and what it was answered. */
  record Case(String name, Map<String, List<String>> headers, byte[] body, EndpointResponse response) {}

  final List<Case> cases = new ArrayList<>();

  final InMemoryDuplicateStore store = InMemoryDuplicateStore.builder().clock(CLOCK).build();

  final CamsEndpoint endpoint = CamsEndpoint.builder()
      .verifier(SignatureVerifier.builder().token(TOKEN).clock(CLOCK).build())
      .duplicateStore(store)
      .maxBodyBytes(4_096)
      .onIntent("FAILING", call -> {
        throw new IllegalStateException("handler says " + call.intentData().getString("secret"));
      })
      .onIntent("BINDS", call -> call.data(Binding.class))
      .onIntent("LIST", call -> List.of(call.intentData().getString("secret")))
      .onIntent("ORDER_STATUS", call -> Map.of("ok", true))
      .onStatus(batch -> {
        throw new IllegalStateException("receipt handler says " + batch.get(0).messageId());
      })
      .build();

  record Binding(int count) {}

  static String body(String requestId, String intentCode, String intentData) {
    return TestCalls.body(requestId, intentCode, intentData).replace("bs-7f3a2c", "bs-marker-business")
        .replace("8613800000000", "+marker-from-861380");
  }

  void intent(String name, String method, String contentType, Map<String, List<String>> headers, byte[] body) {
    headers.putIfAbsent("X-Marker-Header", new ArrayList<>(List.of("marker-header-value-7731")));
    if (contentType != null) {
      headers.put("Content-Type", new ArrayList<>(List.of(contentType)));
    }
    EndpointResponse response = endpoint.handleIntent(new EndpointRequest(method, contentType,
        HeaderSource.ofMulti(headers), -1, new ByteArrayInputStream(body)));
    cases.add(new Case(name, headers, body, response));
  }

  void signedIntent(String name, String requestId, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    intent(name, "POST", JSON, signedHeaders(requestId, bytes), bytes);
  }

  void receipt(String name, ReceiptType type, Map<String, List<String>> headers, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    headers.putIfAbsent("X-Marker-Header", new ArrayList<>(List.of("marker-header-value-7731")));
    EndpointResponse response = endpoint.handleReceipts(type, new EndpointRequest("POST", JSON,
        HeaderSource.ofMulti(headers), -1, new ByteArrayInputStream(bytes)));
    cases.add(new Case(name, headers, bytes, response));
  }

  static Map<String, List<String>> headers(String... namesAndValues) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      headers.computeIfAbsent(namesAndValues[i], n -> new ArrayList<>()).add(namesAndValues[i + 1]);
    }
    return headers;
  }

  @Test
  void noRejectionRepeatsAHeaderValueOrBodyContent() {
    String valid = body("req-marker-1", "ORDER_STATUS", "{\"secret\":\"intent-data-marker-4410\"}");
    byte[] validBytes = valid.getBytes(StandardCharsets.UTF_8);

    intent("method", "PUT", JSON, signedHeaders("req-marker-1", validBytes), validBytes);
    intent("media type", "POST", "text/marker-media-type", signedHeaders("req-marker-1", validBytes), validBytes);
    intent("charset", "POST", "application/json; charset=marker-charset-9", signedHeaders("req-marker-1",
        validBytes), validBytes);
    byte[] large = ("{\"pad\":\"" + "marker-large-".repeat(400) + "\"}").getBytes(StandardCharsets.UTF_8);
    intent("too large", "POST", JSON, signedHeaders("req-marker-2", large), large);
    intent("no headers", "POST", JSON, headers(), validBytes);
    intent("bad request id", "POST", JSON, headers(CamsHeaders.REQUEST_ID, "req marker <bad id>",
        CamsHeaders.TIMESTAMP, "1732420000", CamsHeaders.SIGNATURE, "v1=marker-signature"), validBytes);
    intent("bad signature syntax", "POST", JSON, headers(CamsHeaders.REQUEST_ID, "req-marker-1",
        CamsHeaders.TIMESTAMP, "1732420000", CamsHeaders.SIGNATURE, "marker-signature-entry"), validBytes);
    Map<String, List<String>> stale = signedHeaders("req-marker-1", validBytes);
    stale.put(CamsHeaders.TIMESTAMP, new ArrayList<>(List.of("1732429999")));
    intent("stale", "POST", JSON, stale, validBytes);
    Map<String, List<String>> notNumber = signedHeaders("req-marker-1", validBytes);
    notNumber.put(CamsHeaders.TIMESTAMP, new ArrayList<>(List.of("marker-time")));
    intent("timestamp not a number", "POST", JSON, notNumber, validBytes);
    intent("forged", "POST", JSON, signedHeaders("req-marker-1", validBytes, "marker-forged-token-77"),
        validBytes);

    signedIntent("not json", "req-marker-3", "marker-not-json {");
    signedIntent("trailing", "req-marker-3", valid + "marker-trailing");
    signedIntent("wrong type", "req-marker-3", body("req-marker-3", "ORDER_STATUS", "\"marker-not-an-object\""));
    signedIntent("missing code", "req-marker-3", body("req-marker-3", "", "{}"));
    signedIntent("id mismatch", "req-marker-3", body("req-marker-other", "ORDER_STATUS", "{}"));
    signedIntent("duplicate key", "req-marker-3",
        body("req-marker-3", "ORDER_STATUS", "{\"marker key with spaces\":1,\"marker key with spaces\":2}"));
    signedIntent("deep", "req-marker-3", body("req-marker-3", "ORDER_STATUS",
        "{\"markerdeepkey\":" + "[".repeat(40) + "\"marker-deep\"" + "]".repeat(40) + "}"));
    byte[] invalidUtf8 = body("req-marker-3", "ORDER_STATUS", "{\"x\":\"marker-utf-XX\"}")
        .getBytes(StandardCharsets.UTF_8);
    int at = new String(invalidUtf8, StandardCharsets.ISO_8859_1).indexOf("XX");
    invalidUtf8[at] = (byte) 0xC3;
    invalidUtf8[at + 1] = (byte) 0x28;
    intent("invalid utf-8", "POST", JSON, signedHeaders("req-marker-3", invalidUtf8), invalidUtf8);
    signedIntent("unknown intent", "req-marker-4", body("req-marker-4", "UNKNOWN_MARKER_CODE_5521", "{}"));
    signedIntent("binding", "req-marker-5", body("req-marker-5", "BINDS", "{\"count\":\"marker-not-a-count\"}"));
    signedIntent("handler failure", "req-marker-6", body("req-marker-6", "FAILING",
        "{\"secret\":\"marker-handler-secret\"}"));
    signedIntent("handler returns a list", "req-marker-7", body("req-marker-7", "LIST",
        "{\"secret\":\"marker-list-secret\"}"));
    store.claim(CamsEndpoint.INTENT_KEY_PREFIX + "req-marker-8", Duration.ofMinutes(1));
    signedIntent("in progress", "req-marker-8", body("req-marker-8", "ORDER_STATUS", "{}"));
    CamsEndpoint full = CamsEndpoint.builder()
        .verifier(SignatureVerifier.builder().token(TOKEN).clock(CLOCK).build())
        .onIntent("ORDER_STATUS", call -> null)
        .duplicateStore(new DuplicateStore() {
          @Override
          public ClaimResult claim(String key, Duration lease) {
            throw new DuplicateStoreException("store down");
          }

          @Override
          public void complete(String key, StoredReply reply, Duration retention) {}

          @Override
          public void release(String key) {}
        }).build();
    byte[] storeBody = body("req-marker-9", "ORDER_STATUS", "{}").getBytes(StandardCharsets.UTF_8);
    Map<String, List<String>> storeHeaders = signedHeaders("req-marker-9", storeBody);
    cases.add(new Case("store unavailable", storeHeaders, storeBody, full.handleIntent(new EndpointRequest("POST",
        JSON, HeaderSource.ofMulti(storeHeaders), -1, new ByteArrayInputStream(storeBody)))));

    String push = "[{\"MessageId\":\"marker-message-id-1\",\"Status\":\"Read\",\"ErrorDescription\":\"marker-d\"}]";
    receipt("receipt unknown type", ReceiptType.AUDIT, headers(), push);
    receipt("receipt not json", ReceiptType.STATUS, headers(), "[marker-not-json");
    receipt("receipt wrong item", ReceiptType.STATUS, headers(), "[\"marker-item-string\"]");
    receipt("receipt wrong field", ReceiptType.STATUS, headers(), "[{\"MessageId\":\"marker-m\",\"Status\":7}]");
    receipt("receipt forged", ReceiptType.STATUS, signedPushHeaders(ReceiptType.STATUS, "batch-marker-1",
        push.getBytes(StandardCharsets.UTF_8), "marker-forged-token-77"), push);
    receipt("receipt other type's signature", ReceiptType.STATUS, signedPushHeaders(ReceiptType.INBOUND,
        "batch-marker-2", push.getBytes(StandardCharsets.UTF_8)), push);
    receipt("receipt handler failure", ReceiptType.STATUS, headers(), push);

    Set<CamsCode> seen = EnumSet.noneOf(CamsCode.class);
    for (Case c : cases) {
      assertThat(c.response().status()).as(c.name()).isGreaterThanOrEqualTo(400);
      seen.add(c.response().code());
      String reply = c.response().bodyText();
      for (String value : headerValues(c.headers())) {
        assertThat(reply).as(c.name() + ": header value in " + reply).doesNotContain(value);
      }
      for (String text : bodyStrings(c.body())) {
        assertThat(reply).as(c.name() + ": body content in " + reply).doesNotContain(text);
      }
    }
    assertThat(seen).containsAll(EnumSet.of(CamsCode.METHOD_NOT_ALLOWED, CamsCode.UNSUPPORTED_MEDIA_TYPE,
        CamsCode.PAYLOAD_TOO_LARGE, CamsCode.MISSING_SIGNATURE, CamsCode.STALE_TIMESTAMP, CamsCode.INVALID_SIGNATURE,
        CamsCode.MALFORMED_PAYLOAD, CamsCode.UNKNOWN_INTENT, CamsCode.IN_PROGRESS, CamsCode.HANDLER_ERROR,
        CamsCode.STORE_UNAVAILABLE));
  }

  static List<String> headerValues(Map<String, List<String>> headers) {
    List<String> values = new ArrayList<>();
    headers.values().forEach(values::addAll);
    return values;
  }

  /**
   * Every JSON string value of the body, and every key that is not a plain identifier: a message may name a field
   * (a key such as {@code orderId} in {@code $.IntentData.orderId}), never the sender's text.
   */
  static List<String> bodyStrings(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    List<String> strings = new ArrayList<>();
    Matcher m = JSON_STRING.matcher(text);
    while (m.find()) {
      String string = m.group(1);
      boolean key = text.substring(m.end()).stripLeading().startsWith(":");
      if (string.length() >= 3 && !(key && IDENTIFIER.matcher(string).matches())) {
        strings.add(string);
      }
    }
    if (strings.isEmpty() && text.length() >= 3) {
      strings.add(text.strip()); // not JSON: the body as a whole
    }
    return strings;
  }

  static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
}
