package io.camssdk.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camssdk.internal.Json;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonObjectTest {
  record Envelope(String id, JsonObject payload) {}

  @Test
  void parsesStrictRfc8259Json() {
    assertThat(JsonObject.parse("{\"a\":[1,2.5,true,null,\"x\"],\"b\":{}}").toJson())
        .isEqualTo("{\"a\":[1,2.5,true,null,\"x\"],\"b\":{}}");
    for (String bad : List.of("{\"a\":True}", "{\"a\":\"\\'\"}", "{\"a\":\"\u0001\"}", "{'a':1}", "{\"a\":1,}",
        "{\"a\":01}", "{\"a\":1} x", "{\"a\":1,\"a\":2}", "[]", "")) {
      assertThatThrownBy(() -> JsonObject.parse(bad)).as(bad).isInstanceOf(MalformedPayloadException.class);
    }
  }

  @Test
  void appliesTheLimitsGiven() {
    JsonLimits limits = JsonLimits.DEFAULTS.withMaxDepth(2);
    assertThat(JsonObject.parse("{\"a\":{}}".getBytes(StandardCharsets.UTF_8), limits).size()).isEqualTo(1);
    assertThatThrownBy(() -> JsonObject.parse("{\"a\":{\"b\":[]}}".getBytes(StandardCharsets.UTF_8), limits))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessage("nesting deeper than 2 at $.a.b");
  }

  @Test
  void keepsNumbersExactAndTheirTextShort() {
    JsonObject object = JsonObject.parse("{\"id\":2023078469463703123.0,\"bomb\":1e2147483647,\"n\":42,\"r\":0.25}");
    assertThat(object.get("id")).isEqualTo(new BigDecimal("2023078469463703123.0"));
    assertThat(object.get("n")).isEqualTo(42L);
    assertThat(object.get("r")).isEqualTo(0.25);
    assertThat(object.getString("bomb")).isEqualTo("1E+2147483647");
    assertThat(object.toJson()).isEqualTo("{\"id\":2023078469463703123.0,\"bomb\":1E+2147483647,\"n\":42,\"r\":0.25}");
  }

  @Test
  void aRecordMayHoldAJsonObject() {
    Envelope envelope = JsonObject.parse("{\"id\":\"e-1\",\"payload\":{\"a\":[1,{\"b\":null}]}}").as(Envelope.class);
    assertThat(envelope.payload()).isEqualTo(JsonObject.parse("{\"a\":[1,{\"b\":null}]}"));
    assertThat(Json.adapter(Envelope.class).serializeNulls().toJson(envelope))
        .isEqualTo("{\"id\":\"e-1\",\"payload\":{\"a\":[1,{\"b\":null}]}}");
  }

  @Test
  void aJsonObjectInsideAMapIsWrittenAsItsMembers() {
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("data", JsonObject.parse("{\"x\":1}"));
    assertThat(Json.write(reply)).isEqualTo("{\"data\":{\"x\":1}}");
    assertThat(JsonObject.of(reply).toJson()).isEqualTo("{\"data\":{\"x\":1}}");
  }

  @Test
  void ofCopiesForeignMapsDeeplyAndNumbersAsJsonNumbers() {
    Map<String, Object> inner = new LinkedHashMap<>(Map.of("n", 1));
    Map<String, Object> outer = new LinkedHashMap<>(Map.of("inner", inner));
    JsonObject object = JsonObject.of(outer);
    inner.put("m", 2);
    assertThat(object.getObject("inner").asMap()).isEqualTo(Map.of("n", 1L));
    assertThatThrownBy(() -> JsonObject.of(Map.of("x", new Object()))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'x'");
  }
}
