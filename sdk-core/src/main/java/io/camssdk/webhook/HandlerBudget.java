package io.camssdk.webhook;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Warns about handlers slower than the budget: the platform gives up after 3 s and retries. */
final class HandlerBudget {
  private static final Logger log = LoggerFactory.getLogger(CamsEndpoint.class);

  private final long budgetNanos;

  HandlerBudget(long budgetNanos) {
    this.budgetNanos = budgetNanos;
  }

  /** Logs when {@code nanos} is over the budget; {@code what} and {@code name} say which handler. */
  void check(String what, String name, String requestId, long nanos) {
    if (nanos > budgetNanos) {
      log.warn("{} {} took {} ms, over its budget of {} ms; the platform waits 3000 ms (request id {})", what, name,
          TimeUnit.NANOSECONDS.toMillis(nanos), TimeUnit.NANOSECONDS.toMillis(budgetNanos), requestId);
    }
  }
}
