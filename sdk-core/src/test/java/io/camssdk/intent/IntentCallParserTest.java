package io.camssdk.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camssdk.json.JsonLimits;
import io.camssdk.json.MalformedPayloadException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules {@link IntentCallParser} applies to a body: strict RFC 8259 JSON, the contract's shape, the limits. */
class IntentCallParserTest {
  /** Keys count against the string limit too, so 16 chars leave room for the contract's longest key. */
  static final JsonLimits SMALL = new JsonLimits(4, 16, 13, 10);

  record Query(String orderId, int count) {}

  static String body(String members) {
    return JsonCorpus.envelope(members);
  }

  static IntentCall parse(String body, JsonLimits limits) {
    return new IntentCallParser(limits).parse(body.getBytes(StandardCharsets.UTF_8));
  }

  static IntentCall parse(String body) {
    return parse(body, JsonLimits.DEFAULTS);
  }

  static MalformedPayloadException rejection(String body, JsonLimits limits) {
    try {
      parse(body, limits);
    } catch (MalformedPayloadException e) {
      return e;
    }
    throw new AssertionError("accepted: " + body);
  }

  @Test
  void readsTheContractsFields() {
    IntentCall call = parse("{\"RequestId\":\"r-1\",\"BusinessSystemId\":\"bs-7f3a2c\",\"CustSpaceId\":\"cams-1\","
        + "\"ChannelType\":\"WhatsApp\",\"IntentCode\":\"ORDER_STATUS\",\"IntentName\":\"Order status\","
        + "\"IntentData\":{\"orderId\":\"A-1001\"},\"From\":\"8613800000000\",\"To\":null,"
        + "\"MessageId\":\"2023078469463703123\",\"TemplateCode\":\"820561547132813184\",\"Timestamp\":1732420000000}");
    assertThat(call.requestId()).isEqualTo("r-1");
    assertThat(call.businessSystemId()).isEqualTo("bs-7f3a2c");
    assertThat(call.custSpaceId()).isEqualTo("cams-1");
    assertThat(call.channelType()).isSameAs(ChannelType.WHATSAPP);
    assertThat(call.intentCode()).isEqualTo("ORDER_STATUS");
    assertThat(call.intentName()).isEqualTo("Order status");
    assertThat(call.intentData().getString("orderId")).isEqualTo("A-1001");
    assertThat(call.from()).isEqualTo("8613800000000");
    assertThat(call.to()).isNull();
    assertThat(call.messageId()).isEqualTo("2023078469463703123");
    assertThat(call.templateCode()).isEqualTo("820561547132813184");
    assertThat(call.timestamp()).isEqualTo(Instant.ofEpochMilli(1732420000000L));
  }

  @Test
  void knowsTheDocumentedChannelTypesAndKeepsOthers() {
    for (String channel : List.of("whatsapp", "viber", "sms", "messenger", "instagram", "line", "telegram")) {
      ChannelType type = parse(body("\"IntentData\":{},\"ChannelType\":\"" + channel.toUpperCase() + "\"")).channelType();
      assertThat(type.isKnown()).as(channel).isTrue();
      assertThat(type.value()).isEqualTo(channel);
    }
    assertThat(ChannelType.of("Telegram")).isSameAs(ChannelType.TELEGRAM);
    assertThat(ChannelType.of("wechat").isKnown()).isFalse();
  }

  @Test
  void readsEveryChannelTypeSpellingAsChannelTypeOfDoes() {
    // Known lower-case values are matched on their bytes; every other spelling goes through ChannelType.of.
    for (String channel : List.of("whatsapp", "viber", "sms", "messenger", "instagram", "line", "telegram")) {
      assertThat(parse(body("\"IntentData\":{},\"ChannelType\":\"" + channel + "\"")).channelType())
          .as(channel).isSameAs(ChannelType.of(channel));
    }
    Map<String, String> spellings = Map.of(
        "\\u0077hatsapp", "whatsapp", // an escape
        "SMS", "sms",
        "whatsap", "whatsap",
        "whatsappx", "whatsappx",
        "sms ", "sms ",
        "", "",
        "wechat", "wechat",
        "\u00e9cole", "\u00e9cole"); // non-ASCII
    spellings.forEach((wire, decoded) -> {
      ChannelType type = parse(body("\"IntentData\":{},\"ChannelType\":\"" + wire + "\"")).channelType();
      assertThat(type).as(wire).isEqualTo(ChannelType.of(decoded));
      if (ChannelType.of(decoded).isKnown()) {
        assertThat(type).as(wire).isSameAs(ChannelType.of(decoded));
      }
    });
    assertThat(parse(body("\"IntentData\":{},\"ChannelType\":null")).channelType()).isNull();
    assertThat(parse(body("\"IntentData\":{}")).channelType()).isNull();
    assertThat(rejection(body("\"ChannelType\":\"whatsappwhatsappw\",\"IntentData\":{}"), SMALL).getMessage())
        .isEqualTo("string longer than 16 chars at $.ChannelType");
    assertThat(rejection(body("\"ChannelType\":1,\"IntentData\":{}"), JsonLimits.DEFAULTS).field())
        .isEqualTo("$.ChannelType");
    assertThat(rejection(body("\"ChannelType\":\"sms\",\"ChannelType\":\"sms\",\"IntentData\":{}"),
        JsonLimits.DEFAULTS).getMessage()).startsWith("duplicate key");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // escapes RFC 8259 lists, surrogate pairs, a lone surrogate escape (the RFC's grammar allows it)
      "\"IntentData\":{\"s\":\"a\\n\\t\\r\\b\\f\\\"\\\\\\/\"}", "\"IntentData\":{\"s\":\"\\ud83d\\ude00\"}",
      "\"IntentData\":{\"s\":\"\\ud800\"}", "\"Intent\\u0044ata\":{},\"IntentName\":\"caf\u00e9\"",
      "\"IntentData\":{\"s\":\"\u4e2d\ud83d\ude00\"}",
      // numbers of the RFC's grammar
      "\"IntentData\":{\"n\":-0}", "\"IntentData\":{\"n\":1E+2}", "\"IntentData\":{\"n\":0.5e-3}",
      "\"IntentData\":{\"n\":184467440737095516160}", "\"IntentData\":{\"n\":1e2147483647}",
      // keywords, whitespace the RFC lists
      "\"IntentData\":{\"b\":true,\"c\":null,\"d\":false}", "\"IntentData\" \t\r\n: { \"a\" :\n[ 1 , 2 ] } \n"})
  void acceptsRfc8259Json(String members) {
    assertThat(parse(body(members)).intentData()).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // keywords are lower case
      "\"IntentData\":{\"b\":True}", "\"IntentData\":{\"b\":NULL}", "\"IntentData\":{\"b\":fAlSe}",
      "\"IntentData\":{\"b\":truex}", "\"IntentData\":{\"b\":nul}",
      // escapes the RFC does not list
      "\"IntentData\":{\"s\":\"\\'\"}", "\"IntentData\":{\"s\":\"\\\n\"}", "\"IntentData\":{\"s\":\"\\x\"}",
      "\"IntentData\":{\"s\":\"\\u12\"}", "\"IntentData\":{\"s\":\"\\uzzzz\"}",
      // raw control characters in strings and keys
      "\"IntentData\":{\"s\":\"tab\there\"}", "\"IntentData\":{\"s\":\"nl\nhere\"}", "\"IntentName\":\"\u0000\"",
      "\"IntentData\":{\"k\u001f\":1}",
      // numbers outside the grammar
      "\"IntentData\":{\"n\":01}", "\"IntentData\":{\"n\":1.}", "\"IntentData\":{\"n\":.5}", "\"IntentData\":{\"n\":+1}",
      "\"IntentData\":{\"n\":1e}", "\"IntentData\":{\"n\":NaN}", "\"IntentData\":{\"n\":Infinity}",
      "\"IntentData\":{\"n\":12abc}", "\"IntentData\":{\"n\":0x10}", "\"IntentData\":{\"n\":-}",
      // structure, whitespace the RFC does not list, comments, trailing data
      "\"IntentData\":{\"a\":[1,]}", "\"IntentData\":{\"a\":1,}", "\"IntentData\":{'a':1}", "\"IntentData\":{a:1}",
      "\"IntentData\":{\"a\"=1}", "\"IntentData\":{\"a\":\f1}", "\"IntentData\":{\"a\":1}/*c*/",
      "\"IntentData\":{\"a\":1};"})
  void rejectsWhatRfc8259DoesNotAllowAsNotValidJson(String members) {
    for (String body : new String[] {body(members), body(members).replace("}", "} x")}) {
      MalformedPayloadException e = rejection(body, JsonLimits.DEFAULTS);
      assertThat(e.getMessage()).as(body).isEqualTo("body is not valid JSON");
      assertThat(e.field()).isEmpty();
    }
  }

  @Test
  void rejectsAnythingAfterTheObject() {
    assertThat(rejection(body("\"IntentData\":{}") + " x", JsonLimits.DEFAULTS).getMessage())
        .isEqualTo("body is not valid JSON");
    assertThat(rejection(body("\"IntentData\":{}") + "{}", JsonLimits.DEFAULTS).getMessage())
        .isEqualTo("body is not valid JSON");
    assertThat(parse(body("\"IntentData\":{}") + " \r\n\t").intentCode()).isEqualTo("ORDER_STATUS");
  }

  @Test
  void rejectsARepeatedKeyAnywhereNamingIt() {
    assertThat(rejection(body("\"IntentData\":{\"a\":1,\"a\":2}"), JsonLimits.DEFAULTS).field())
        .isEqualTo("$.IntentData.a");
    assertThat(rejection(body("\"IntentData\":{\"\\u006bey\":1,\"key\":2}"), JsonLimits.DEFAULTS).field())
        .isEqualTo("$.IntentData.key");
    assertThat(rejection(body("\"IntentData\":{\"a\":[{\"b\":1,\"b\":2}]}"), JsonLimits.DEFAULTS).field())
        .isEqualTo("$.IntentData.a[0].b");
    assertThat(rejection(body("\"IntentData\":{},\"IntentData\":{}"), JsonLimits.DEFAULTS).field())
        .isEqualTo("$.IntentData");
    assertThat(rejection(body("\"IntentData\":{},\"x\":1,\"x\":1"), JsonLimits.DEFAULTS).getMessage())
        .isEqualTo("duplicate key at $.x");
    assertThat(rejection(body("\"IntentData\":{},\"x\":{\"a\":1,\"a\":2}"), JsonLimits.DEFAULTS).field())
        .isEqualTo("$.x.a");
  }

  @Test
  void enforcesEachLimitNamingThePath() {
    assertThat(rejection(body("\"IntentData\":{\"a\":[\"1234567890123456\",\"12345678901234567\"]}"), SMALL).getMessage())
        .isEqualTo("string longer than 16 chars at $.IntentData.a[1]");
    assertThat(rejection(body("\"IntentData\":{\"a\":[12345678901234]}"), SMALL).getMessage())
        .isEqualTo("number longer than 13 chars at $.IntentData.a[0]");
    assertThat(rejection(body("\"IntentData\":{\"12345678901234567\":1}"), SMALL).getMessage())
        .isEqualTo("key longer than 16 chars at $.IntentData");
    assertThat(rejection(body("\"IntentData\":{\"a\":[[[1]]]}"), SMALL).getMessage())
        .isEqualTo("nesting deeper than 4 at $.IntentData.a[0][0]");
    assertThat(rejection(body("\"u\":[1,[2,\"12345678901234567\"]],\"IntentData\":{}"), SMALL).getMessage())
        .isEqualTo("string longer than 16 chars at $.u[1][1]");
    assertThat(rejection(body("\"IntentName\":\"12345678901234567\",\"IntentData\":{}"), SMALL).getMessage())
        .isEqualTo("string longer than 16 chars at $.IntentName");
    // Length is counted in UTF-16 chars: eight emoji are sixteen chars, a ninth is too many.
    String eight = "\ud83d\ude00".repeat(8);
    assertThat(parse(body("\"IntentData\":{\"a\":\"" + eight + "\"}"), SMALL).intentData().getString("a")).hasSize(16);
    assertThat(rejection(body("\"IntentData\":{\"a\":\"" + eight + "\ud83d\ude00\"}"), SMALL).field())
        .isEqualTo("$.IntentData.a");
  }

  @Test
  void namesTheContractFieldOfTheWrongType() {
    assertThat(rejection(body("\"IntentData\":[]"), JsonLimits.DEFAULTS).getMessage())
        .isEqualTo("expected a JSON object but found an array at $.IntentData");
    assertThat(rejection(body("\"IntentData\":{},\"From\":1"), JsonLimits.DEFAULTS).getMessage())
        .isEqualTo("expected a string but found a number at $.From");
    assertThat(rejection("{\"RequestId\":\"r\",\"IntentCode\":\"\",\"IntentData\":{},\"Timestamp\":1}",
        JsonLimits.DEFAULTS).getMessage()).isEqualTo("required field is missing at $.IntentCode");
    assertThat(rejection("[]", JsonLimits.DEFAULTS).getMessage()).isEqualTo("expected a JSON object but found an array at $");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e2147483647", "1e-2147483647", "1.5", "-1", "1e3", "9223372036854775808", "1e2147483648"})
  void refusesATimestampThatIsNotWholeNonNegativeMilliseconds(String timestamp) {
    String body = "{\"RequestId\":\"r\",\"IntentCode\":\"C\",\"IntentData\":{},\"Timestamp\":" + timestamp + "}";
    MalformedPayloadException e = rejection(body, JsonLimits.DEFAULTS);
    assertThat(e.field()).isEqualTo("$.Timestamp");
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
    IntentCall call = parse(body("\"IntentData\":{\"orderId\":\"A-1001\",\"count\":3,\"extra\":[true,null]}"));
    assertThat(call.data(Query.class)).isEqualTo(new Query("A-1001", 3));
    assertThat(call.intentData().size()).isEqualTo(3);
    assertThat(call.intentData().toJson()).isEqualTo("{\"orderId\":\"A-1001\",\"count\":3,\"extra\":[true,null]}");
    assertThat(call.intentData().asMap()).isEqualTo(Map.of("orderId", "A-1001", "count", 3L,
        "extra", Arrays.asList(true, null)));
    assertThat(call.intentData().hashCode()).isEqualTo(call.intentData().asMap().hashCode());
  }

  // ---- numbers: kept exactly, never expanded ----

  record Amounts(BigDecimal amount) {}

  record Counts(int count) {}

  record Totals(long total) {}

  record Ratios(double ratio) {}

  record Bigs(BigInteger big) {}

  record Texts(String text) {}

  @Test
  void anExponentBombInIntentDataIsKeptCompactAndNeverExpanded() {
    IntentCall call = parse(body("\"IntentData\":{\"n\":1e2147483647,\"m\":-1E-2147483647}"));
    assertThat(call.intentData().get("n")).isEqualTo(new BigDecimal("1e2147483647"));
    assertThat(call.intentData().getString("n")).isEqualTo("1E+2147483647");
    assertThat(call.intentData().getString("m")).isEqualTo("-1E-2147483647");
    assertThat(call.intentData().toJson()).isEqualTo("{\"n\":1E+2147483647,\"m\":-1E-2147483647}");
  }

  @Test
  void anExponentBombNeverBindsAndNeverThrowsAnythingButMalformedPayload() {
    Map<String, Class<?>> types = Map.of("amount", Amounts.class, "count", Counts.class, "total", Totals.class,
        "ratio", Ratios.class, "big", Bigs.class);
    for (String literal : List.of("1e2147483647", "-1e2147483647", "12e1000000")) {
      types.forEach((key, type) -> {
        IntentCall call = parse(body("\"IntentData\":{\"" + key + "\":" + literal + "}"));
        assertThatThrownBy(() -> call.data(type)).as("%s as %s", literal, type.getSimpleName())
            .isInstanceOf(MalformedPayloadException.class)
            .hasMessage("cannot bind to " + type.getSimpleName() + " at $." + key);
      });
      IntentCall call = parse(body("\"IntentData\":{\"text\":" + literal + "}"));
      assertThat(call.data(Texts.class).text()).hasSizeLessThanOrEqualTo(literal.length() + 3);
    }
  }

  @Test
  void aLargeButBoundedNumberBindsOnlyToTypesThatHoldIt() {
    IntentCall call = parse(body("\"IntentData\":{\"amount\":1e400,\"big\":1e400,\"count\":1e400,"
        + "\"total\":1e400,\"ratio\":1e400}"));
    assertThat(call.data(Amounts.class).amount()).isEqualByComparingTo(BigDecimal.TEN.pow(400));
    assertThat(call.data(Bigs.class).big()).isEqualTo(BigInteger.TEN.pow(400));
    for (Class<?> type : List.of(Counts.class, Totals.class, Ratios.class)) {
      assertThatThrownBy(() -> call.data(type)).isInstanceOf(MalformedPayloadException.class);
    }
  }

  @Test
  void aTinyNumberBindsToZeroOrIsRefusedButIsNeverExpanded() {
    for (String literal : List.of("1e-2147483647", "-1e-400")) {
      Map<String, Class<?>> types = Map.of("amount", Amounts.class, "count", Counts.class, "total", Totals.class,
          "ratio", Ratios.class, "big", Bigs.class);
      types.forEach((key, type) -> {
        IntentCall call = parse(body("\"IntentData\":{\"" + key + "\":" + literal + "}"));
        try {
          Object bound = call.data(type);
          assertThat(bound.toString()).as("%s as %s", literal, type.getSimpleName()).hasSizeLessThan(40);
        } catch (MalformedPayloadException e) {
          assertThat(e.field()).isEqualTo("$." + key);
        }
      });
    }
  }

  @Test
  void aLongFloatKeepsItsExactValue() {
    IntentCall call = parse(body("\"IntentData\":{\"id\":2023078469463703123.0,\"ratio\":0.1}"));
    assertThat(call.intentData().get("id")).isEqualTo(new BigDecimal("2023078469463703123.0"));
    assertThat(call.intentData().get("ratio")).isEqualTo(0.1);
    assertThat(call.intentData().as(Amounts.class)).isEqualTo(new Amounts(null));
    assertThat(JsonCorpusValues.bigDecimalOf(call, "id")).isEqualTo(new BigDecimal("2023078469463703123.0"));
  }

  /** Binding a plain value to BigDecimal. */
  static final class JsonCorpusValues {
    record Id(BigDecimal id) {}

    static BigDecimal bigDecimalOf(IntentCall call, String key) {
      return call.data(Id.class).id();
    }
  }
}
