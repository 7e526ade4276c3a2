package io.camssdk.duplicate;

import java.time.Duration;

/**
 * Remembers which calls were already handled, so that a retried call does not run its handler twice.
 *
 * <p>An endpoint {@linkplain #claim claims} a key (a request id, or a receipt's dedup key) before it runs the
 * handler. Exactly one concurrent claimer of a key {@linkplain ClaimResult.Acquired acquires} it; the others see
 * it {@linkplain ClaimResult.InProgress in progress}. The winner then either {@linkplain #complete completes} the
 * key with the reply to repeat, or {@linkplain #release releases} it so that a retry runs the handler again.
 * A claim is a <em>lease</em>: when its holder dies before completing, the key is free again after the lease.
 *
 * <p>Implementations are thread-safe. Stores shared by several instances ({@link JdbcDuplicateStore},
 * {@code io.camssdk.redis.RedisDuplicateStore}) make the claim atomic in the store itself, so that a retry that
 * lands on another instance is recognised; {@link InMemoryDuplicateStore} serves one instance only. Every
 * implementation passes the same contract suite ({@code DuplicateStoreContract} in the core's test-jar). A store that cannot be reached throws {@link DuplicateStoreException}; the endpoint then
 * answers {@code 503 StoreUnavailable} without running the handler.
 *
 * <pre>{@code
 * DuplicateStore store = InMemoryDuplicateStore.builder().maxEntries(100_000).build();
 * }</pre>
 *
 * @since 0.1
 */
public interface DuplicateStore {

  /**
   * Claims {@code key} for {@code lease}, unless it is completed or claimed by someone else.
   *
   * @throws DuplicateStoreException when the store cannot be reached or fails
   */
  ClaimResult claim(String key, Duration lease);

  /**
   * Records the reply of a claimed key and keeps it for {@code retention}; later claims return it.
   *
   * @throws DuplicateStoreException when the store cannot be reached or fails
   */
  void complete(String key, StoredReply reply, Duration retention);

  /**
   * Gives a claimed key up without a reply (the handler failed), so that a retry runs the handler again.
   * Releasing a key that is not claimed does nothing.
   *
   * @throws DuplicateStoreException when the store cannot be reached or fails
   */
  void release(String key);

  /**
   * Checks that the store can be reached now, within the store's own timeout, for health checks (the Spring
   * starter's health indicator calls it). It changes nothing. The default does nothing: a store in this JVM's
   * memory is always reachable.
   *
   * <pre>{@code
   * try {
   *   store.ping();
   *   // reachable
   * } catch (DuplicateStoreException e) {
   *   // calls are being answered 503 StoreUnavailable; e.getMessage() says why (no keys, no secrets)
   * }
   * }</pre>
   *
   * @throws DuplicateStoreException when the store cannot be reached or does not answer in time
   * @since 0.1
   */
  default void ping() {}
}
