package io.camssdk.intent;

import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.json.JsonLimits;
import io.camssdk.json.MalformedPayloadException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Compares {@link IntentCallParser} (the byte scanner) with {@link MoshiIntentCallParser} (Moshi's strict reader,
 * the SDK's former parser) on a seeded corpus of random valid bodies and random mutations of them, under several
 * limits: the same accept/reject decision, the same field and message on rejection, equal calls on acceptance, and
 * the same outcome when the intent data is bound to typed records. Reproduce with {@code -Dcams.diff.seed=<seed>}.
 */
class IntentCallScannerDifferentialTest {
  static final int BODIES = Integer.getInteger("cams.diff.bodies", 60_000);

  static final List<JsonLimits> LIMITS = List.of(
      JsonLimits.DEFAULTS,
      JsonLimits.DEFAULTS,
      new JsonLimits(5, 16, 13, 10),
      new JsonLimits(300, 64, 40, 10),
      new JsonLimits(1, 3, 2, 10));

  record Texts(String name, String note) {}

  record Flat(String k0, int k1, Long k2, boolean k3, Boolean k4, String k5, @com.squareup.moshi.Json(name = "x1") Integer x) {}

  record Numbers(int count, long total, double ratio, Integer boxed) {}

  record Mixed(String a, int b, boolean c, List<String> d, Map<String, Object> e, Texts f) {}

  @Test
  void scannerDecidesAndReportsExactlyAsMoshiOnASeededCorpus() {
    long seed = Long.getLong("cams.diff.seed", 20261124L);
    Random random = new Random(seed);
    int accepted = 0;
    int rejected = 0;
    Map<String, Integer> reasons = new java.util.TreeMap<>();
    int boundFlat = 0;
    for (int i = 0; i < BODIES; i++) {
      JsonLimits limits = LIMITS.get(random.nextInt(LIMITS.size()));
      byte[] body = JsonCorpus.body(random);
      if (random.nextBoolean()) {
        body = JsonCorpus.mutate(random, body);
      }
      String expected = outcome(new MoshiIntentCallParser(limits), body);
      String actual = outcome(new IntentCallParser(limits), body);
      assertThat(actual).as("seed %d, body #%d under %s: %s", seed, i, limits,
          new String(body, StandardCharsets.UTF_8)).isEqualTo(expected);
      if (expected.startsWith("OK")) {
        accepted++;
        boundFlat += expected.contains("as Flat=Flat[") ? 1 : 0;
      } else {
        rejected++;
        reasons.merge(expected.substring(expected.indexOf(" | ") + 3).replaceAll(" at [\\s\\S]*", ""), 1, Integer::sum);
      }
    }
    System.out.printf("IntentCallScannerDifferentialTest: seed %d, %d bodies, %d accepted (%d bound to Flat),"
        + " %d rejected %s%n", seed, BODIES, accepted, boundFlat, rejected, reasons);
    assertThat(accepted).as(reasons.toString()).isGreaterThan(BODIES / 20);
    assertThat(rejected).isGreaterThan(BODIES / 20);
  }

  @Test
  void deepNestingBeyondMoshisOwnLimitIsRejectedAlike() {
    JsonLimits deep = new JsonLimits(1000, 64, 40, 10);
    for (int depth : new int[] {250, 253, 254, 255, 256, 300}) {
      String nested = "[".repeat(depth) + "]".repeat(depth);
      for (String body : new String[] {
          JsonCorpus.envelope("\"IntentData\":{\"x\":" + nested + "}"),
          JsonCorpus.envelope("\"IntentData\":{},\"Extra\":" + nested)}) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        assertThat(outcome(new IntentCallParser(deep), bytes)).as("depth %d", depth)
            .isEqualTo(outcome(new MoshiIntentCallParser(deep), bytes));
      }
    }
  }

  static String outcome(Object parser, byte[] body) {
    IntentCall call;
    try {
      call = parser instanceof IntentCallParser p ? p.parse(body) : ((MoshiIntentCallParser) parser).parse(body);
    } catch (MalformedPayloadException e) {
      return "REJECTED " + e.field() + " | " + e.getMessage();
    } catch (RuntimeException e) {
      return "THREW " + e.getClass().getName();
    }
    StringBuilder out = new StringBuilder("OK ").append(call.toString().replace(call.intentData().toString(), ""));
    out.append(" data=").append(call.intentData().asMap()).append(" size=").append(call.intentData().size());
    for (Class<?> type : List.of(Texts.class, Flat.class, Numbers.class, Mixed.class, Map.class)) {
      out.append(" as ").append(type.getSimpleName()).append('=');
      try {
        out.append(call.data(type));
      } catch (MalformedPayloadException e) {
        out.append("REJECTED ").append(e.field()).append(" | ").append(e.getMessage());
      } catch (RuntimeException | AssertionError e) {
        out.append("THREW ").append(e.getClass().getName());
      }
    }
    return out.toString();
  }
}
