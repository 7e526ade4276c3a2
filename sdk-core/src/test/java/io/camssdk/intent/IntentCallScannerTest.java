package io.camssdk.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camssdk.json.JsonLimits;
import io.camssdk.json.MalformedPayloadException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Corner cases of the intent-call scanner, each checked against the former Moshi-based parser (same decision, same
 * field and message) and, where it matters, against the expected value.
 */
class IntentCallScannerTest {
  static final JsonLimits SMALL = new JsonLimits(4, 8, 6, 10);

  record Query(String orderId, int count) {}

  static String body(String members) {
    return JsonCorpus.envelope(members);
  }

  private static void sameAsMoshi(String body, JsonLimits limits) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    assertThat(IntentCallScannerDifferentialTest.outcome(new IntentCallParser(limits), bytes)).as(body)
        .isEqualTo(IntentCallScannerDifferentialTest.outcome(new MoshiIntentCallParser(limits), bytes));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // escapes, surrogate pairs, lone surrogates, Moshi's extra escapes, bad escapes
      "\"IntentData\":{\"s\":\"a\\n\\t\\r\\b\\f\\\"\\\\\\/\"}", "\"IntentData\":{\"s\":\"\\ud83d\\ude00\"}",
      "\"IntentData\":{\"s\":\"\\ud800\"}", "\"IntentData\":{\"s\":\"\\'\"}", "\"IntentData\":{\"s\":\"\\\n\"}",
      "\"IntentData\":{\"s\":\"\\x\"}", "\"IntentData\":{\"s\":\"\\u12\"}", "\"IntentData\":{\"s\":\"\\uzzzz\"}",
      "\"IntentData\":{\"\\u006bey\":1,\"key\":2}", "\"Intent\\u0044ata\":{},\"IntentName\":\"caf\u00e9\"",
      "\"IntentData\":{\"s\":\"tab\there\"}", "\"IntentData\":{\"s\":\"\u4e2d\ud83d\ude00\"}",
      // numbers
      "\"IntentData\":{\"n\":01}", "\"IntentData\":{\"n\":-0}", "\"IntentData\":{\"n\":1.}", "\"IntentData\":{\"n\":.5}",
      "\"IntentData\":{\"n\":+1}", "\"IntentData\":{\"n\":1e}", "\"IntentData\":{\"n\":1E+2}",
      "\"IntentData\":{\"n\":NaN}", "\"IntentData\":{\"n\":Infinity}", "\"IntentData\":{\"n\":1e99999999999}",
      "\"IntentData\":{\"n\":184467440737095516160}", "\"IntentData\":{\"n\":12abc}",
      "\"IntentData\":{\"n\":9223372036854775808}", "\"Timestamp2\":1,\"IntentData\":{}",
      // keywords
      "\"IntentData\":{\"b\":True,\"c\":NULL,\"d\":fAlSe}", "\"IntentData\":{\"b\":truex}", "\"IntentData\":{\"b\":nul}",
      // duplicates
      "\"IntentData\":{\"a\":1,\"a\":2}", "\"IntentData\":{\"a\":{\"b\":1,\"b\":1}}", "\"IntentData\":{},\"IntentData\":{}",
      "\"IntentData\":{},\"x\":{\"a\":1,\"a\":2}", "\"IntentData\":{\"a\":[{\"b\":1,\"b\":2}]}",
      // structure, whitespace, trailing data
      "\"IntentData\":{\"a\":[1,]}", "\"IntentData\":{\"a\":1,}", "\"IntentData\":{'a':1}", "\"IntentData\":{a:1}",
      "\"IntentData\":{\"a\"=1}", "\"IntentData\":{\"a\":1}/*c*/", "\"IntentData\" \t\r\n: { \"a\" :\n[ 1 , 2 ] }",
      "\"IntentData\":{\"a\":\f1}", "\"IntentData\":{\"a\":1};"})
  void decidesAsMoshiDid(String members) {
    for (JsonLimits limits : new JsonLimits[] {JsonLimits.DEFAULTS, SMALL}) {
      sameAsMoshi(body(members), limits);
      sameAsMoshi(body(members) + " x", limits);
      sameAsMoshi(body(members) + " \n", limits);
    }
  }

  @Test
  void enforcesEachLimitWithMoshisPaths() {
    for (String members : new String[] {
        "\"IntentData\":{\"a\":[\"12345678\",\"123456789\"]}", "\"IntentData\":{\"a\":[1234567]}",
        "\"IntentData\":{\"123456789\":1}", "\"IntentData\":{\"a\":[[[[1]]]]}", "\"IntentData\":{\"a\":{\"b\":{\"c\":{}}}}",
        "\"Unknown123\":1,\"IntentData\":{}", "\"u\":[1,[2,\"123456789\"]],\"IntentData\":{}",
        "\"IntentName\":\"123456789\",\"IntentData\":{}", "\"IntentData\":{\"a\":\"\ud83d\ude00\ud83d\ude00\ud83d\ude00\ud83d\ude00x\"}"}) {
      sameAsMoshi(body(members), SMALL);
    }
    // Moshi's path has moved past a string when its length is checked: the second item is reported at [2].
    assertThatThrownBy(() -> new IntentCallParser(new JsonLimits(4, 12, 13, 10)).parse(
        body("\"IntentData\":{\"a\":[\"123456789012\",\"1234567890123\"]}").getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(MalformedPayloadException.class,
            e -> assertThat(e.field()).isEqualTo("$.IntentData.a[2]"));
  }

  @Test
  void rejectsInvalidUtf8InStringsKeysAndStructure() {
    byte[][] bad = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xFF},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}};
    for (byte[] sequence : bad) {
      for (String template : new String[] {"\"IntentData\":{\"s\":\"a#b\"}", "\"IntentData\":{\"a#\":1}",
          "\"IntentData\":{\"a\":1 #}", "\"IntentName\":\"#\",\"IntentData\":{}"}) {
        String text = body(template);
        int at = text.indexOf('#');
        byte[] prefix = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] suffix = text.substring(at + 1).getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[prefix.length + sequence.length + suffix.length];
        System.arraycopy(prefix, 0, bytes, 0, prefix.length);
        System.arraycopy(sequence, 0, bytes, prefix.length, sequence.length);
        System.arraycopy(suffix, 0, bytes, prefix.length + sequence.length, suffix.length);
        assertThatThrownBy(() -> new IntentCallParser(JsonLimits.DEFAULTS).parse(bytes))
            .hasMessage("body is not valid UTF-8");
      }
    }
  }

  @Test
  void keepsIntentDataLazyButEqualAndBindable() {
    byte[] bytes = body("\"IntentData\":{\"orderId\":\"A-1001\",\"count\":3,\"extra\":[true,null]}")
        .getBytes(StandardCharsets.UTF_8);
    IntentCall call = new IntentCallParser(JsonLimits.DEFAULTS).parse(bytes);
    IntentCall expected = new MoshiIntentCallParser(JsonLimits.DEFAULTS).parse(bytes);
    assertThat(call.data(Query.class)).isEqualTo(new Query("A-1001", 3));
    assertThat(call.intentData().size()).isEqualTo(3);
    assertThat(call).isEqualTo(expected);
    assertThat(call.intentData().hashCode()).isEqualTo(expected.intentData().hashCode());
    assertThat(call.intentData().toJson()).isEqualTo("{\"orderId\":\"A-1001\",\"count\":3,\"extra\":[true,null]}");
    assertThat(call.intentData().asMap()).isEqualTo(Map.of("orderId", "A-1001", "count", 3L,
        "extra", java.util.Arrays.asList(true, null)));
  }
}
