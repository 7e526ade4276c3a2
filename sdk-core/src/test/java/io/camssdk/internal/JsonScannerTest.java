package io.camssdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The SDK's one JSON reader: RFC 8259 exactly, the SDK's limits, exact numbers. */
class JsonScannerTest {
  static Object read(String json) {
    return JsonScanner.readDocument(json.getBytes(StandardCharsets.UTF_8), 32, 64, 40);
  }

  static MalformedJsonException refusal(String json) {
    try {
      read(json);
    } catch (MalformedJsonException e) {
      return e;
    }
    throw new AssertionError("accepted: " + json);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-0", "1.5", "-1.5e-3", "1E+2", "\"\"", "\"\\u00e9\\ud83d\\ude00\\/\"", "true", "false",
      "null", "[]", "{}", " \t\r\n[1, {\"a\" : [null]}] \n", "{\"a\":{\"a\":{}}}", "{\"\":1}"})
  void acceptsWhatTheRfcGrammarAccepts(String json) {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    assertThat(TreeValues.decimals(JsonScanner.readDocument(bytes, 32, 64, 40)))
        .isEqualTo(TreeValues.decimals(Rfc8259.parse(bytes)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"True", "NULL", "nul", "truex", "01", "-01", "1.", ".5", "+1", "1e", "1e+", "-", "NaN",
      "Infinity", "0x1", "\"\\'\"", "\"\\a\"", "\"\\u12\"", "\"a\u0000\"", "\"a\tb\"", "\"a\nb\"", "[1,]", "{\"a\":1,}",
      "{'a':1}", "{a:1}", "[1]/**/", "[1] [2]", "\f[]", "", " ", "\"unterminated", "[", "{\"a\"}", "{\"a\":1 \"b\":2}"})
  void refusesWhatTheRfcGrammarRefusesAsASyntaxError(String json) {
    MalformedJsonException e = refusal(json);
    assertThat(e.isSyntax()).as(json).isTrue();
    assertThat(e.path()).isEmpty();
    assertThat(e.problem()).isEqualTo("not valid JSON");
  }

  @Test
  void refusesInvalidUtf8() {
    byte[] overlong = {'"', (byte) 0xC0, (byte) 0x80, '"'};
    assertThatThrownBy(() -> JsonScanner.readDocument(overlong, 32, 64, 40))
        .isInstanceOfSatisfying(MalformedJsonException.class, e -> assertThat(e.problem()).isEqualTo("not valid UTF-8"));
  }

  @Test
  void refusesARepeatedKeyInAnyObjectAtItsPath() {
    assertThat(refusal("{\"a\":1,\"a\":1}").path()).isEqualTo("$.a");
    assertThat(refusal("{\"x\":[{},{\"b\":null,\"b\":null}]}").path()).isEqualTo("$.x[1].b");
    assertThat(refusal("{\"\\u0061\":1,\"a\":2}").problem()).isEqualTo("duplicate key");
  }

  @Test
  void enforcesTheLimitsAtThePathOfTheValue() {
    assertThat(refusal("{\"a\":[\"" + "x".repeat(65) + "\"]}").getMessage()).isEqualTo("string longer than 64 chars");
    assertThat(refusal("{\"a\":[\"" + "x".repeat(65) + "\"]}").path()).isEqualTo("$.a[0]");
    assertThat(refusal("{\"a\":" + "1".repeat(41) + "}").path()).isEqualTo("$.a");
    assertThat(refusal("[".repeat(33) + "]".repeat(33)).problem()).isEqualTo("nesting deeper than 32");
    assertThat(read("[".repeat(32) + "]".repeat(32))).isInstanceOf(List.class);
  }

  @Test
  void readsNumbersExactly() {
    assertThat(read("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    assertThat(read("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
    assertThat(read("9223372036854775808")).isEqualTo(new BigDecimal("9223372036854775808"));
    assertThat(read("0.1")).isEqualTo(0.1);
    assertThat(read("2.5E10")).isEqualTo(2.5E10);
    assertThat(read("2023078469463703123.0")).isEqualTo(new BigDecimal("2023078469463703123.0"));
    assertThat(read("1e2147483647")).isEqualTo(new BigDecimal("1e2147483647"));
    assertThat(read("1e400")).isEqualTo(new BigDecimal("1e400"));
    assertThat(refusal("1e2147483648").problem()).isEqualTo("number out of range");
    assertThat(refusal("[0.1e-2147483648]").path()).isEqualTo("$[0]");
  }

  @Test
  void readsAnImmutableTreeInDocumentOrder() {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) read("{\"z\":1,\"a\":[true,null],\"m\":{}}");
    assertThat(map.keySet()).containsExactly("z", "a", "m");
    assertThat(map.get("a")).isEqualTo(Arrays.asList(true, null));
    assertThatThrownBy(() -> map.put("b", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(Json.isFrozen(map)).isTrue();
  }

  @Test
  void numbersReadAsTextStayShort() {
    assertThat(Json.numberText(new BigDecimal("1e2147483647"))).isEqualTo("1E+2147483647");
    assertThat(Json.numberText(new BigDecimal("2023078469463703123.0"))).isEqualTo("2023078469463703123");
    assertThat(Json.numberText(100.0)).isEqualTo("100");
    assertThat(Json.numberText(0.25)).isEqualTo("0.25");
    assertThat(Json.numberText(42L)).isEqualTo("42");
    assertThat(Json.numberText(new BigDecimal("-1e-2147483647"))).isEqualTo("-1E-2147483647");
  }
}
