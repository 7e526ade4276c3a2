package io.camssdk.webhook;

import io.camssdk.CamsCode;
import io.camssdk.CamsException;
import io.camssdk.duplicate.ClaimResult;
import io.camssdk.duplicate.DuplicateStore;
import io.camssdk.duplicate.StoredReply;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets one key be handled once: claim, then complete with the reply or release. One guard per key space (request
 * ids, receipt keys), each over its own store or its own prefix in a shared one.
 */
final class OnceGuard {
  private static final Logger log = LoggerFactory.getLogger(CamsEndpoint.class);

  private final DuplicateStore store;
  private final String keyPrefix;
  private final Duration lease;
  private final Duration retention;

  OnceGuard(DuplicateStore store, String keyPrefix, Duration lease, Duration retention) {
    this.store = store;
    this.keyPrefix = keyPrefix;
    this.lease = lease;
    this.retention = retention;
  }

  /** The store key of {@code id} in this guard's key space. */
  String key(String id) {
    return keyPrefix.concat(id);
  }

  /**
   * Claims {@code key}.
   *
   * @throws CamsException {@code StoreUnavailable} when the store fails in any way: nothing may run unrecorded
   */
  ClaimResult claim(String key, String requestId) {
    try {
      return store.claim(key, lease);
    } catch (Throwable e) {
      Failures.rethrowIfFatal(e);
      log.warn("Duplicate store unavailable; answering 503 so the platform retries (request id {}): {}", requestId,
          Failures.describe(e));
      throw new CamsException(CamsCode.STORE_UNAVAILABLE, "duplicate store unavailable; retry later");
    }
  }

  /** Stores the reply of a claimed key; a failure is logged, as the handler has run and its reply must go out. */
  void complete(String key, StoredReply reply, String requestId) {
    try {
      store.complete(key, reply, retention);
    } catch (Throwable e) {
      Failures.rethrowIfFatal(e);
      // The claim's lease keeps repeats out until it expires.
      log.warn("Could not store the reply of request id {}: {}", requestId, Failures.describe(e));
    }
  }

  /** Gives a claimed key up; a failure is logged, as the claim frees itself after the lease. */
  void release(String key, String requestId) {
    try {
      store.release(key);
    } catch (Throwable e) {
      Failures.rethrowIfFatal(e);
      log.warn("Could not release the claim of request id {}; it frees itself after the lease: {}", requestId,
          Failures.describe(e));
    }
  }

  @Override
  public String toString() {
    return "OnceGuard{" + keyPrefix + " in " + store + "}";
  }
}
