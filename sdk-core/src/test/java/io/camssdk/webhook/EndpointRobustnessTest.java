package io.camssdk.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.CamsCode;
import io.camssdk.duplicate.InMemoryDuplicateStore;
import io.camssdk.signature.CamsHeaders;
import io.camssdk.signature.SignatureVerifier;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Sends at least 100,000 seeded random mutations of valid signed calls through the entry point. Each must get a
 * documented status and Code, nothing may escape the entry point, and nothing whose signature is not valid for
 * the exact bytes may be accepted. Reproduce a run with {@code -Dcams.fuzz.seed=<seed>}.
 */
class EndpointRobustnessTest {
  static final int ITERATIONS = Integer.getInteger("cams.fuzz.iterations", 100_000);
  static final Set<CamsCode> DOCUMENTED = EnumSet.of(CamsCode.OK, CamsCode.METHOD_NOT_ALLOWED,
      CamsCode.UNSUPPORTED_MEDIA_TYPE, CamsCode.PAYLOAD_TOO_LARGE, CamsCode.MISSING_SIGNATURE,
      CamsCode.STALE_TIMESTAMP, CamsCode.INVALID_SIGNATURE, CamsCode.MALFORMED_PAYLOAD, CamsCode.UNKNOWN_INTENT);

  final CamsEndpoint endpoint = CamsEndpoint.builder()
      .verifier(SignatureVerifier.builder().token(TestCalls.TOKEN).clock(TestCalls.CLOCK).build())
      // Room for every call: under a fixed clock no key ever ages past the eviction floor, and a full store refuses.
      .duplicateStore(InMemoryDuplicateStore.builder().maxEntries(ITERATIONS + 1).clock(TestCalls.CLOCK).build())
      .maxBodyBytes(16 * 1024)
      .onIntent("ORDER_STATUS", call -> call.intentData())
      .onIntent("ECHO", call -> Map.of("echo", call.intentData()))
      .onIntent("BIND", call -> call.data(Order.class))
      .build();

  record Order(String orderId, int qty, String name, Double n) {}

  enum Mutation {
    NONE, FLIP_BODY_BIT, TRUNCATE_BODY, DUPLICATE_HEADER, REMOVE_HEADER, REORDER_HEADERS, FLIP_HEADER_CHAR,
    INVALID_UTF8, HUGE_NUMBER, DEEP_NESTING, WRONG_TYPE, ENORMOUS_STRING, WRONG_METHOD, WRONG_MEDIA_TYPE,
    RANDOM_BYTES
  }

  @Test
  void everyMutatedRequestGetsADocumentedAnswerAndNoForgeryIsAccepted() throws Exception {
    long seed = Long.getLong("cams.fuzz.seed", 20261124L);
    Random random = new Random(seed);
    Map<Mutation, Integer> mutations = new EnumMap<>(Mutation.class);
    Map<CamsCode, Integer> outcomes = new EnumMap<>(CamsCode.class);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(TestCalls.TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    long started = System.nanoTime();
    for (int i = 0; i < ITERATIONS; i++) {
      Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
      mutations.merge(mutation, 1, Integer::sum);
      Attempt attempt = mutate(mutation, "f-" + i, random);
      EndpointResponse response;
      try {
        response = endpoint.handleIntent(attempt.toRequest());
      } catch (Throwable t) {
        throw new AssertionError("seed " + seed + ", iteration " + i + ", " + mutation + ": threw " + t, t);
      }
      outcomes.merge(response.code(), 1, Integer::sum);
      String context = "seed " + seed + ", iteration " + i + ", " + mutation;
      assertThat(DOCUMENTED).as(context).contains(response.code());
      assertThat(response.status()).as(context).isEqualTo(response.code().httpStatus());
      assertThat(response.bodyText()).as(context).startsWith("{\"Code\":\"" + response.code().wireName() + "\"");
      if (response.code() == CamsCode.OK) {
        assertThat(signatureValidForExactBytes(mac, attempt)).as(context + ": accepted without a valid signature: "
                + attempt.headers)
            .isTrue();
      }
    }
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf("Robustness: seed=%d iterations=%d in %d ms%n  mutations=%s%n  outcomes=%s%n",
        seed, ITERATIONS, millis, mutations, outcomes);
    assertThat(outcomes.getOrDefault(CamsCode.OK, 0)).as("some unmutated calls pass").isPositive();
  }

  /** An independent check: HMAC over the exact header values and body bytes the endpoint saw. */
  private static boolean signatureValidForExactBytes(Mac mac, Attempt attempt) {
    Map<String, List<String>> byName = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    byName.putAll(attempt.headers);
    List<String> ids = byName.getOrDefault(CamsHeaders.REQUEST_ID, List.of());
    List<String> timestamps = byName.getOrDefault(CamsHeaders.TIMESTAMP, List.of());
    List<String> signatures = byName.getOrDefault(CamsHeaders.SIGNATURE, List.of());
    if (ids.size() != 1 || timestamps.size() != 1 || signatures.isEmpty()) {
      return false;
    }
    mac.update((ids.get(0) + "." + timestamps.get(0) + ".").getBytes(StandardCharsets.UTF_8));
    String expected = "v1=" + Base64.getEncoder().encodeToString(mac.doFinal(attempt.body));
    return String.join(" ", signatures).contains(expected);
  }

  private static final class Attempt {
    String method = "POST";
    String contentType = TestCalls.JSON;
    Map<String, List<String>> headers;
    byte[] body;

    EndpointRequest toRequest() {
      return new EndpointRequest(method, contentType, HeaderSource.ofMulti(headers), -1,
          new ByteArrayInputStream(body));
    }
  }

  private Attempt mutate(Mutation mutation, String requestId, Random random) {
    String intentCode = random.nextInt(10) == 0 ? "UNKNOWN_" + random.nextInt(3) : new String[] {"ORDER_STATUS", "ECHO", "BIND"}[random.nextInt(3)];
    String data = "{\"orderId\":\"A-" + random.nextInt(10_000) + "\",\"qty\":" + random.nextInt(100) + "}";
    Attempt attempt = new Attempt();
    attempt.body = TestCalls.body(requestId, intentCode, data).getBytes(StandardCharsets.UTF_8);
    attempt.headers = TestCalls.signedHeaders(requestId, attempt.body);
    switch (mutation) {
      case NONE:
        break;
      case FLIP_BODY_BIT: {
        byte[] flipped = attempt.body.clone();
        int at = random.nextInt(flipped.length);
        flipped[at] ^= (byte) (1 << random.nextInt(8));
        resign(attempt, requestId, flipped, random);
        break;
      }
      case TRUNCATE_BODY:
        resign(attempt, requestId, java.util.Arrays.copyOf(attempt.body, random.nextInt(attempt.body.length)), random);
        break;
      case DUPLICATE_HEADER: {
        String name = pick(random, CamsHeaders.REQUEST_ID, CamsHeaders.TIMESTAMP, CamsHeaders.SIGNATURE);
        List<String> values = attempt.headers.get(name);
        values.add(random.nextBoolean() ? values.get(0) : values.get(0) + "x");
        break;
      }
      case REMOVE_HEADER:
        attempt.headers.remove(pick(random, CamsHeaders.REQUEST_ID, CamsHeaders.TIMESTAMP, CamsHeaders.SIGNATURE));
        break;
      case REORDER_HEADERS: {
        List<String> names = new ArrayList<>(attempt.headers.keySet());
        java.util.Collections.shuffle(names, random);
        Map<String, List<String>> reordered = new LinkedHashMap<>();
        for (String name : names) {
          reordered.put(random.nextBoolean() ? name.toLowerCase() : name, attempt.headers.get(name));
        }
        attempt.headers = reordered;
        break;
      }
      case FLIP_HEADER_CHAR: {
        String name = pick(random, CamsHeaders.REQUEST_ID, CamsHeaders.TIMESTAMP, CamsHeaders.SIGNATURE);
        String value = attempt.headers.get(name).get(0);
        char[] chars = value.toCharArray();
        int at = random.nextInt(chars.length);
        chars[at] = (char) (chars[at] ^ (1 << random.nextInt(7)));
        attempt.headers.put(name, new ArrayList<>(List.of(new String(chars))));
        break;
      }
      case INVALID_UTF8: {
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xED, (byte) 0xA0, (byte) 0x80, (byte) 0xFF};
        String text = TestCalls.body(requestId, intentCode, "{\"name\":\"XX\"}");
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int at = text.indexOf("XX");
        bytes[at] = bad[random.nextInt(bad.length)];
        resign(attempt, requestId, bytes, random);
        break;
      }
      case HUGE_NUMBER:
        resign(attempt, requestId, TestCalls.body(requestId, intentCode,
            "{\"n\":" + "9".repeat(1 + random.nextInt(400)) + (random.nextBoolean() ? "e99999" : "") + "}"), random);
        break;
      case DEEP_NESTING: {
        int depth = 1 + random.nextInt(3000);
        resign(attempt, requestId, TestCalls.body(requestId, intentCode,
            "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}"), random);
        break;
      }
      case WRONG_TYPE: {
        String[] values = {"[]", "\"s\"", "1", "true", "null", "{}", "1.5"};
        String[] fields = {"RequestId", "IntentCode", "IntentData", "Timestamp", "From", "ChannelType"};
        String field = fields[random.nextInt(fields.length)];
        String json = TestCalls.body(requestId, intentCode, data)
            .replaceFirst("\"" + field + "\":(\"[^\"]*\"|\\{[^}]*\\}|[0-9]+)", "\"" + field + "\":"
                + values[random.nextInt(values.length)]);
        resign(attempt, requestId, json, random);
        break;
      }
      case ENORMOUS_STRING:
        resign(attempt, requestId, TestCalls.body(requestId, intentCode,
            "{\"s\":\"" + "x".repeat(random.nextInt(40_000)) + "\"}"), random);
        break;
      case WRONG_METHOD:
        attempt.method = pick(random, "GET", "PUT", "post", "DELETE", "");
        break;
      case WRONG_MEDIA_TYPE:
        attempt.contentType = pick(random, null, "text/plain", "application/json; charset=latin1", "multipart/form-data");
        break;
      case RANDOM_BYTES: {
        byte[] bytes = new byte[random.nextInt(512)];
        random.nextBytes(bytes);
        resign(attempt, requestId, bytes, random);
        break;
      }
      default:
        throw new IllegalStateException(mutation.name());
    }
    return attempt;
  }

  /** Half of the structurally bad bodies are validly signed, so they reach the parser. */
  private static void resign(Attempt attempt, String requestId, String body, Random random) {
    resign(attempt, requestId, body.getBytes(StandardCharsets.UTF_8), random);
  }

  private static void resign(Attempt attempt, String requestId, byte[] body, Random random) {
    attempt.body = body;
    if (random.nextBoolean()) {
      attempt.headers = TestCalls.signedHeaders(requestId, body);
    }
  }

  @SafeVarargs
  private static <T> T pick(Random random, T... options) {
    return options[random.nextInt(options.length)];
  }
}
