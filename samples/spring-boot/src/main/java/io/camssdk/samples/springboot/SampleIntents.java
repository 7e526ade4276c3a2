package io.camssdk.samples.springboot;

import io.camssdk.intent.IntentCall;
import io.camssdk.json.JsonObject;
import io.camssdk.spring.CamsIntentHandler;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * The sample's intent handlers.
 *
 * <ul>
 *   <li>{@code ECHO}: replies with the received IntentData as Data.
 *   <li>{@code COUNT}: replies {@code {"count": n}}, n = runs of this handler since start (replays of a request id
 *       do not run it).
 *   <li>{@code FAIL_ONCE}: throws on the first call of each request id (answered 500 HandlerError), and echoes
 *       the data on the platform's retry with the same id; lets retry logic be tested end to end.
 * </ul>
 */
@Component
public class SampleIntents {
  private final AtomicLong counts = new AtomicLong();
  private final Set<String> failedOnce = ConcurrentHashMap.newKeySet();

  @CamsIntentHandler("ECHO")
  public JsonObject echo(JsonObject data) {
    return data;
  }

  @CamsIntentHandler("COUNT")
  public Map<String, Object> count() {
    return Map.of("count", counts.incrementAndGet());
  }

  @CamsIntentHandler("FAIL_ONCE")
  public JsonObject failOnce(IntentCall call) {
    if (failedOnce.add(call.requestId())) {
      throw new IllegalStateException("FAIL_ONCE: failing the first call of " + call.requestId() + " on purpose");
    }
    return call.intentData();
  }
}
