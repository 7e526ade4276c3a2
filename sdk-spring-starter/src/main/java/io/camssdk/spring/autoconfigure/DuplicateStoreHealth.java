package io.camssdk.spring.autoconfigure;

import io.camssdk.duplicate.DuplicateStore;
import io.camssdk.duplicate.DuplicateStoreException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Whether the duplicate store answers, apart from any Boot version's health API: {@link #check()} pings the store
 * (within its own timeout) and reports up or down with details that name the store and, when down, why (store
 * messages never hold keys or secrets).
 */
final class DuplicateStoreHealth {
  private final DuplicateStore store;

  DuplicateStoreHealth(DuplicateStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** The outcome of one check. */
  record Result(boolean up, Map<String, Object> details) {}

  Result check() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("store", store.getClass().getSimpleName());
    long start = System.nanoTime();
    try {
      store.ping();
      details.put("millis", (System.nanoTime() - start) / 1_000_000);
      return new Result(true, details);
    } catch (DuplicateStoreException e) {
      details.put("millis", (System.nanoTime() - start) / 1_000_000);
      details.put("error", e.getMessage());
      details.put("effect", "intent calls and receipt pushes are answered 503 StoreUnavailable; the platform "
          + "retries them");
      return new Result(false, details);
    }
  }
}
