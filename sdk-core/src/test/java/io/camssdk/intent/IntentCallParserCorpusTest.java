package io.camssdk.intent;

import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.internal.Rfc8259;
import io.camssdk.internal.TreeValues;
import io.camssdk.json.JsonLimits;
import io.camssdk.json.JsonObject;
import io.camssdk.json.MalformedPayloadException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link IntentCallParser} on a seeded corpus of random bodies, mostly well formed, and random damages of them,
 * checked against {@link Rfc8259}, a reference reader written from the RFC's grammar alone. Reproduce a failure
 * with {@code -Dcams.corpus.seed=<seed>}.
 */
class IntentCallParserCorpusTest {
  static final int BODIES = Integer.getInteger("cams.corpus.bodies", 20_000);

  /** Limits that no body of the corpus reaches, so that only the grammar and the contract decide. */
  static final JsonLimits UNREACHED = new JsonLimits(1000, 1 << 20, 1000, 1000);

  static final List<JsonLimits> LIMITS = List.of(
      JsonLimits.DEFAULTS, new JsonLimits(5, 16, 13, 10), new JsonLimits(300, 64, 40, 10), new JsonLimits(1, 3, 2, 10));

  record Texts(String name, String note) {}

  record Flat(String k0, int k1, Long k2, boolean k3, Boolean k4, String k5, @com.squareup.moshi.Json(name = "x1") Integer x) {}

  record Numbers(int count, long total, double ratio, Integer boxed, BigDecimal k0, BigInteger k1) {}

  record Mixed(String a, int b, boolean c, List<String> d, Map<String, Object> e, Texts f) {}

  /** Records the SDK binds straight from the bytes: nested records and lists of them, at any depth. */
  record Deep(Flat k0, List<Flat> k1, List<String> k2, List<Integer> k3, Deeper k4, List<Boolean> k5) {}

  record Deeper(List<Long> k0, Flat k1, List<Deeper> k2, String k3, int k4, Boolean k5) {}

  static final List<Class<?>> TYPES = List.of(Texts.class, Flat.class, Numbers.class, Mixed.class, Map.class,
      Deep.class);

  @Test
  void acceptsExactlyTheRfcJsonOfTheContractsShape() {
    long seed = Long.getLong("cams.corpus.seed", 20261124L);
    Random random = new Random(seed);
    IntentCallParser parser = new IntentCallParser(UNREACHED);
    int accepted = 0;
    int rejected = 0;
    for (int i = 0; i < BODIES; i++) {
      byte[] body = JsonCorpus.body(random);
      if (random.nextBoolean()) {
        body = JsonCorpus.mutate(random, body);
      }
      String expected = expectedShape(body);
      IntentCall call = null;
      String actual;
      try {
        call = parser.parse(body);
        actual = "OK";
      } catch (MalformedPayloadException e) {
        actual = "REJECTED";
      }
      String text = new String(body, StandardCharsets.UTF_8);
      assertThat(actual).as("seed %d, body #%d (%s): %s", seed, i, expected, text)
          .isEqualTo(expected.equals("OK") ? "OK" : "REJECTED");
      if (call != null) {
        accepted++;
        assertSameValues(call, body, text);
        assertBindsTheSameFromBytesAndFromTree(call, text);
      } else {
        rejected++;
      }
    }
    System.out.printf("IntentCallParserCorpusTest: seed %d, %d bodies, %d accepted, %d rejected%n",
        seed, BODIES, accepted, rejected);
    assertThat(accepted).isGreaterThan(BODIES / 20);
    assertThat(rejected).isGreaterThan(BODIES / 10);
  }

  @Test
  void underAnyLimitsRefusesWhatTheRfcRefusesAndThrowsNothingElse() {
    long seed = Long.getLong("cams.corpus.seed", 20261124L) + 1;
    Random random = new Random(seed);
    for (int i = 0; i < BODIES / 2; i++) {
      JsonLimits limits = LIMITS.get(random.nextInt(LIMITS.size()));
      byte[] body = JsonCorpus.body(random);
      if (random.nextBoolean()) {
        body = JsonCorpus.mutate(random, body);
      }
      boolean valid = !expectedShape(body).startsWith("INVALID JSON");
      try {
        IntentCall call = new IntentCallParser(limits).parse(body);
        assertThat(valid).as("seed %d, body #%d: %s", seed, i, new String(body, StandardCharsets.UTF_8)).isTrue();
        for (Class<?> type : TYPES) {
          try {
            call.data(type);
          } catch (MalformedPayloadException expected) {
            // a value that does not fit the type
          }
        }
      } catch (MalformedPayloadException e) {
        assertThat(e.getMessage()).doesNotContain("\n");
      }
    }
  }

  /** What the contract says of {@code body}: "OK", or why not. */
  static String expectedShape(byte[] body) {
    Object root;
    try {
      root = Rfc8259.parse(body);
    } catch (Rfc8259.Invalid e) {
      return "INVALID JSON: " + e.getMessage();
    }
    if (!(root instanceof Map<?, ?> map)) {
      return "not an object";
    }
    for (String key : JsonCorpus.CONTRACT_KEYS) {
      Object value = map.get(key);
      boolean required = key.equals("RequestId") || key.equals("IntentCode") || key.equals("IntentData")
          || key.equals("Timestamp");
      if (value == null) {
        if (required) {
          return key + " missing";
        }
      } else if (key.equals("IntentData")) {
        if (!(value instanceof Map)) {
          return "IntentData not an object";
        }
      } else if (key.equals("Timestamp")) {
        if (!(value instanceof BigDecimal millis) || !isWholeLong(millis)) {
          return "Timestamp not milliseconds";
        }
      } else if (!(value instanceof String s)) {
        return key + " not a string";
      } else if (required && s.isEmpty()) {
        return key + " empty";
      }
    }
    return "OK";
  }

  private static boolean isWholeLong(BigDecimal millis) {
    // An integer literal (no fraction, no exponent) between 0 and Long.MAX_VALUE.
    if (millis.scale() != 0) {
      return false;
    }
    BigInteger value = millis.toBigIntegerExact();
    return value.signum() >= 0 && value.bitLength() < 64;
  }

  @SuppressWarnings("unchecked")
  private static void assertSameValues(IntentCall call, byte[] body, String text) {
    Map<String, Object> root = (Map<String, Object>) Rfc8259.parse(body);
    assertThat(call.requestId()).as(text).isEqualTo(root.get("RequestId"));
    assertThat(call.intentCode()).as(text).isEqualTo(root.get("IntentCode"));
    assertThat(call.intentName()).as(text).isEqualTo(root.get("IntentName"));
    assertThat(call.from()).as(text).isEqualTo(root.get("From"));
    assertThat(call.timestamp().toEpochMilli()).as(text).isEqualTo(((BigDecimal) root.get("Timestamp")).longValueExact());
    assertThat(decimals(call.intentData().asMap())).as(text).isEqualTo(decimals(root.get("IntentData")));
  }

  static Object decimals(Object value) {
    return TreeValues.decimals(value);
  }

  /** The lazily kept data binds exactly as a copy of its tree does (the copy is always bound from the tree). */
  private static void assertBindsTheSameFromBytesAndFromTree(IntentCall call, String text) {
    JsonObject tree = JsonObject.of(new LinkedHashMap<>(call.intentData().asMap()));
    for (Class<?> type : TYPES) {
      assertThat(bound(call.intentData(), type)).as("%s as %s", text, type.getSimpleName())
          .isEqualTo(bound(tree, type));
    }
  }

  private static String bound(JsonObject data, Class<?> type) {
    try {
      return "OK " + data.as(type);
    } catch (MalformedPayloadException e) {
      return "REJECTED " + e.field() + " | " + e.getMessage();
    }
  }
}
