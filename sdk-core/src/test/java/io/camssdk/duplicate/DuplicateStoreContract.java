package io.camssdk.duplicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link DuplicateStore} must show, run by each store's test class. A subclass says how to
 * make a store object over its backend; stores shared by several instances return a <em>new</em> object over the
 * <em>same</em> backend on each call, so that two objects stand for two instances of a business system.
 *
 * <p>Stores that take the {@link Clock} given to {@link #newStore(Clock)} are tested on a {@link MutableClock};
 * stores whose backend times entries itself (Redis) return false from {@link #usesGivenClock()} and the suite
 * waits for real, with short leases.
 */
public abstract class DuplicateStoreContract {
  /** A lease or retention that the test lets run out. */
  protected static final Duration SHORT = Duration.ofMillis(300);
  /** A lease or retention that does not run out during a test. */
  protected static final Duration LONG = Duration.ofMinutes(10);
  private static final StoredReply OK = reply(200, "{\"Code\":\"OK\",\"Message\":\"\",\"Data\":{\"eta\":\"明天\"}}");
  private static final int THREADS = 16;

  protected final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final String prefix = "test-" + UUID.randomUUID() + ":";
  private final List<DuplicateStore> created = new ArrayList<>();
  private DuplicateStore store;

  /**
   * A new store object over the backend. Shared stores: a new object on each call, over the same backend.
   * The memory store: a store over its own map.
   */
  protected abstract DuplicateStore newStore(Clock clock);

  /** Whether two objects from {@link #newStore} share their entries, as instances sharing a database do. */
  protected boolean sharedBetweenObjects() {
    return true;
  }

  /** Whether the store times leases and retention with the clock it was given (else the suite waits). */
  protected boolean usesGivenClock() {
    return true;
  }

  /** Makes the backend unreachable for the rest of the test; stores that cannot be stopped keep the default. */
  protected void stopBackend() throws Exception {
    Assumptions.abort("this store's backend cannot be stopped in a test");
  }

  /** Closes a store object after the test, if it needs closing. */
  protected void close(DuplicateStore store) throws Exception {
    if (store instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  @BeforeEach
  final void createStore() {
    store = store();
  }

  @AfterEach
  final void closeStores() throws Exception {
    for (DuplicateStore s : created) {
      close(s);
    }
  }

  /** Another instance of the business system, on the same backend. */
  private DuplicateStore otherInstance() {
    assumeTrue(sharedBetweenObjects(), "the store is not shared between instances");
    return store();
  }

  private DuplicateStore store() {
    DuplicateStore s = newStore(clock);
    created.add(s);
    return s;
  }

  private String key(String name) {
    return prefix + name;
  }

  private void passTime(Duration duration) throws InterruptedException {
    clock.advance(duration);
    if (!usesGivenClock()) {
      Thread.sleep(duration.toMillis() + 150);
    }
  }

  private static StoredReply reply(int status, String body) {
    return new StoredReply(status, body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void firstClaimWins() {
    assertThat(store.claim(key("r1"), LONG)).isEqualTo(ClaimResult.acquired());
    assertThat(store.claim(key("r1"), LONG)).isEqualTo(ClaimResult.inProgress());
  }

  @Test
  void aClaimIsSeenByAnotherInstance() {
    DuplicateStore other = otherInstance();
    assertThat(store.claim(key("r1"), LONG)).isEqualTo(ClaimResult.acquired());
    assertThat(other.claim(key("r1"), LONG)).isEqualTo(ClaimResult.inProgress());
  }

  @Test
  void concurrentClaimsFromManyThreadsHaveExactlyOneWinner() throws Exception {
    List<DuplicateStore> instances = new ArrayList<>();
    instances.add(store);
    for (int i = 1; i < 4 && sharedBetweenObjects(); i++) {
      instances.add(store());
    }
    for (int round = 0; round < 8; round++) {
      String key = key("race-" + round);
      List<ClaimResult> results = race(THREADS, i -> instances.get(i % instances.size()).claim(key, LONG));
      assertThat(results).filteredOn(r -> r instanceof ClaimResult.Acquired).hasSize(1);
      assertThat(results).filteredOn(r -> r instanceof ClaimResult.InProgress).hasSize(THREADS - 1);
    }
  }

  @Test
  void aCompletedClaimReturnsTheStoredStatusAndBody() {
    store.claim(key("r1"), LONG);
    store.complete(key("r1"), OK, LONG);

    assertThat(store.claim(key("r1"), LONG)).isEqualTo(ClaimResult.completed(OK));
    if (sharedBetweenObjects()) {
      assertThat(otherInstance().claim(key("r1"), LONG)).isEqualTo(ClaimResult.completed(OK));
    }
  }

  @Test
  void storedBodiesComeBackByteForByte() {
    byte[] binary = new byte[70_000];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) i;
    }
    StoredReply large = new StoredReply(500, binary);
    StoredReply empty = new StoredReply(204, new byte[0]);
    store.claim(key("large"), LONG);
    store.complete(key("large"), large, LONG);
    store.claim(key("empty"), LONG);
    store.complete(key("empty"), empty, LONG);

    assertThat(store.claim(key("large"), LONG)).isEqualTo(ClaimResult.completed(large));
    assertThat(store.claim(key("empty"), LONG)).isEqualTo(ClaimResult.completed(empty));
  }

  @Test
  void anInstanceThatDiesBetweenClaimAndReplyBlocksTheIdOnlyForItsLease() throws Exception {
    DuplicateStore dying = store;
    DuplicateStore survivor = sharedBetweenObjects() ? otherInstance() : store;
    assertThat(dying.claim(key("r1"), SHORT)).isEqualTo(ClaimResult.acquired());
    // The instance dies here: it never completes nor releases.
    assertThat(survivor.claim(key("r1"), LONG)).isEqualTo(ClaimResult.inProgress());

    passTime(SHORT);

    assertThat(survivor.claim(key("r1"), LONG)).isEqualTo(ClaimResult.acquired());
    survivor.complete(key("r1"), OK, LONG);
    assertThat(dying.claim(key("r1"), LONG)).isEqualTo(ClaimResult.completed(OK));
  }

  @Test
  void anExpiredLeaseIsTakenOverByExactlyOneOfManyConcurrentClaimers() throws Exception {
    List<DuplicateStore> instances = new ArrayList<>();
    instances.add(store);
    for (int i = 1; i < 4 && sharedBetweenObjects(); i++) {
      instances.add(store());
    }
    List<String> keys = List.of(key("t0"), key("t1"), key("t2"), key("t3"));
    for (String key : keys) {
      store.claim(key, SHORT);
    }
    passTime(SHORT);

    for (String key : keys) {
      List<ClaimResult> results = race(THREADS, i -> instances.get(i % instances.size()).claim(key, LONG));
      assertThat(results).filteredOn(r -> r instanceof ClaimResult.Acquired).hasSize(1);
    }
  }

  @Test
  void aReplyIsForgottenAfterItsRetention() throws Exception {
    store.claim(key("r1"), LONG);
    store.complete(key("r1"), OK, SHORT);
    assertThat(store.claim(key("r1"), LONG)).isEqualTo(ClaimResult.completed(OK));

    passTime(SHORT);

    assertThat(store.claim(key("r1"), LONG)).isEqualTo(ClaimResult.acquired());
  }

  @Test
  void aReplyStoredAfterTheLeaseRanOutIsStillKept() throws Exception {
    store.claim(key("slow"), SHORT);
    passTime(SHORT);
    store.complete(key("slow"), OK, LONG);

    assertThat(store.claim(key("slow"), LONG)).isEqualTo(ClaimResult.completed(OK));
  }

  @Test
  void releaseLetsARetryClaimAgain() {
    store.claim(key("r1"), LONG);
    store.release(key("r1"));

    assertThat(store.claim(key("r1"), LONG)).isEqualTo(ClaimResult.acquired());
  }

  @Test
  void releaseLetsARetryOnAnotherInstanceClaimAgain() {
    DuplicateStore other = otherInstance();
    store.claim(key("r1"), LONG);
    store.release(key("r1"));

    assertThat(other.claim(key("r1"), LONG)).isEqualTo(ClaimResult.acquired());
  }

  @Test
  void releasingAnUnclaimedOrCompletedKeyDoesNothing() {
    store.release(key("never-claimed"));
    store.claim(key("done"), LONG);
    store.complete(key("done"), OK, LONG);

    store.release(key("done"));

    assertThat(store.claim(key("done"), LONG)).isEqualTo(ClaimResult.completed(OK));
    assertThat(store.claim(key("never-claimed"), LONG)).isEqualTo(ClaimResult.acquired());
  }

  @Test
  void anInstanceCannotReleaseAClaimItDoesNotHold() {
    DuplicateStore other = otherInstance();
    store.claim(key("r1"), LONG);

    other.release(key("r1"));

    assertThat(other.claim(key("r1"), LONG)).isEqualTo(ClaimResult.inProgress());
  }

  @Test
  void receiptDedupKeysOfAnyLengthAndCharacterAreDistinctKeys() {
    List<String> keys = List.of(
        "ChatAppStatus:2023078469463703123:Delivered",
        "ChatAppStatus:2023078469463703123:Read",
        "ChatAppStatus:2023078469463703123:read",
        "ChatAppInbound:wamid.HBgLODYxMzgwMDAwMDAwFQIAEhgg",
        "ChatAppAudit:waba-1:820561547132813184:zh_CN:fail:模板内容不符合规范 🙂",
        "ChatAppAudit:" + "x:".repeat(3_000),
        "with spaces\tand\nnewlines and 'quotes' and \"double quotes\" and \\ and %_");
    for (int i = 0; i < keys.size(); i++) {
      assertThat(store.claim(key(keys.get(i)), LONG)).as(keys.get(i)).isEqualTo(ClaimResult.acquired());
      store.complete(key(keys.get(i)), reply(200, "{\"n\":" + i + "}"), LONG);
    }
    for (int i = 0; i < keys.size(); i++) {
      assertThat(store.claim(key(keys.get(i)), LONG)).as(keys.get(i))
          .isEqualTo(ClaimResult.completed(reply(200, "{\"n\":" + i + "}")));
    }
  }

  @Test
  void pingSucceedsWhileTheStoreIsReachable() {
    assertThat(store.claim(key("ping-1"), LONG)).isEqualTo(ClaimResult.acquired());
    long start = System.nanoTime();

    org.assertj.core.api.Assertions.assertThatCode(store::ping).doesNotThrowAnyException();
    org.assertj.core.api.Assertions.assertThatCode(store::ping).doesNotThrowAnyException();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3_000));
    // A ping neither claims nor releases anything: the store's state is as before.
    assertThat(store.claim(key("ping-1"), LONG)).isEqualTo(ClaimResult.inProgress());
    assertThat(store.claim(key("ping-2"), LONG)).isEqualTo(ClaimResult.acquired());
  }

  @Test
  void pingOfAnUnreachableStoreThrowsDuplicateStoreExceptionPromptly() throws Exception {
    stopBackend();

    long start = System.nanoTime();
    assertThatThrownBy(store::ping).isInstanceOf(DuplicateStoreException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3_000));
  }

  @Test
  void anUnreachableStoreThrowsDuplicateStoreExceptionPromptly() throws Exception {
    store.claim(key("before"), LONG);
    stopBackend();

    long start = System.nanoTime();
    assertThatThrownBy(() -> store.claim(key("r1"), LONG)).isInstanceOf(DuplicateStoreException.class)
        .hasMessageNotContaining(key("r1"));
    assertThatThrownBy(() -> store.complete(key("before"), OK, LONG))
        .isInstanceOf(DuplicateStoreException.class);
    assertThatThrownBy(() -> store.release(key("before"))).isInstanceOf(DuplicateStoreException.class);
    // Three calls, each well under the 3 s the platform waits for the whole call.
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(6_000));
  }

  private interface Call {
    ClaimResult run(int thread) throws Exception;
  }

  private static List<ClaimResult> race(int threads, Call call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<ClaimResult>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int thread = i;
        futures.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          return call.run(thread);
        }));
      }
      ready.await();
      go.countDown();
      List<ClaimResult> results = new ArrayList<>();
      for (Future<ClaimResult> f : futures) {
        results.add(f.get(20, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
