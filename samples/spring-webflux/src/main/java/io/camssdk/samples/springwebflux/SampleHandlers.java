package io.camssdk.samples.springwebflux;

import io.camssdk.json.JsonObject;
import io.camssdk.receipt.StatusReceipt;
import io.camssdk.spring.CamsIntentHandler;
import io.camssdk.spring.CamsStatusHandler;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The sample's handlers: plain methods, as on the servlet stack. They may block (a database call, say): the
 * starter runs them on Reactor's bounded-elastic scheduler, never on Netty's event loop.
 *
 * <ul>
 *   <li>{@code ECHO}: replies with the received IntentData as Data.
 *   <li>{@code COUNT}: replies {@code {"count": n}}, n = runs since start (replays of a request id do not run it).
 * </ul>
 */
@Component
public class SampleHandlers {
  private static final Logger log = LoggerFactory.getLogger(SampleHandlers.class);
  private final AtomicLong counts = new AtomicLong();

  @CamsIntentHandler("ECHO")
  public JsonObject echo(JsonObject data) {
    return data;
  }

  @CamsIntentHandler("COUNT")
  public Map<String, Object> count() {
    return Map.of("count", counts.incrementAndGet());
  }

  @CamsStatusHandler
  public void status(StatusReceipt receipt) {
    log.info("status receipt: message {} is {}", receipt.messageId(), receipt.status());
  }
}
