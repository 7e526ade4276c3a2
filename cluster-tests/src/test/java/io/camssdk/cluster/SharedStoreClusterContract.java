package io.camssdk.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two instances of the servlet sample, each with a store object of its own over one shared backend, as two
 * instances behind a load balancer run. Every request id's handler runs exactly once, whichever instance the
 * platform's retry lands on, and both instances answer the identical reply.
 */
@Timeout(60)
abstract class SharedStoreClusterContract extends ClusterHarness {
  static final int PAIRS = 50;
  static final Duration SHORT_LEASE = Duration.ofMillis(1_500);

  /** Stops the shared backend (the store becomes unreachable). */
  protected abstract void stopBackend() throws Exception;

  /** Starts the backend again, with the data it had. */
  protected abstract void startBackend() throws Exception;

  @Test
  void aCallStalledOnAAndRetriedOnBRunsItsHandlerOnceAndBothAnswerTheSameReply() throws Exception {
    Instance a = start("A", LEASE);
    Instance b = start("B", LEASE);
    stalledThenRetriedOnTheOther(a, b);
  }

  @Test
  void aCallStalledOnBAndRetriedOnARunsItsHandlerOnceAndBothAnswerTheSameReply() throws Exception {
    Instance a = start("A", LEASE);
    Instance b = start("B", LEASE);
    stalledThenRetriedOnTheOther(b, a);
  }

  private void stalledThenRetriedOnTheOther(Instance first, Instance other) throws Exception {
    String id = newId();
    CompletableFuture<HttpResponse<byte[]>> firstAttempt = send(first, id);
    first.awaitHandlerStarted();
    // No reply within the platform's wait: it gives up on this attempt and retries on the other instance.
    assertThatThrownBy(() -> firstAttempt.get(PLATFORM_WAIT.toMillis(), TimeUnit.MILLISECONDS))
        .isInstanceOf(TimeoutException.class);

    HttpResponse<byte[]> whileRunning = call(other, id);
    assertThat(whileRunning.statusCode()).isEqualTo(409);
    assertThat(code(whileRunning)).isEqualTo("InProgress");

    first.gate.countDown();
    HttpResponse<byte[]> original = firstAttempt.get(10, TimeUnit.SECONDS);
    assertThat(original.statusCode()).as(text(original)).isEqualTo(200);
    HttpResponse<byte[]> retry = call(other, id);
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(retry.body()).isEqualTo(original.body());
    assertThat(call(first, id).body()).isEqualTo(original.body());

    assertThat(runsOf(id)).isEqualTo(1);
    assertThat(other.slowRuns).hasValue(0);
  }

  @Test
  void fiftyConcurrentPairsRunEachHandlerOnceAndBothInstancesAnswerTheSameReply() throws Exception {
    Instance a = start("A", LEASE);
    Instance b = start("B", LEASE);
    List<String> ids = new ArrayList<>();
    List<CompletableFuture<HttpResponse<byte[]>>> toA = new ArrayList<>();
    List<CompletableFuture<HttpResponse<byte[]>>> toB = new ArrayList<>();
    for (int i = 0; i < PAIRS; i++) {
      String id = newId();
      ids.add(id);
      toA.add(send(a, id));
      toB.add(send(b, id));
    }
    // Of each pair, one call claims the id and its handler waits at the gate; the other is answered at once.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!everyPairHasOneAnswer(toA, toB) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(everyPairHasOneAnswer(toA, toB)).as("one call of each pair answered while the other runs").isTrue();
    assertThat(a.slowRuns.get() + b.slowRuns.get()).isEqualTo(PAIRS);

    boolean[] aAnsweredFirst = new boolean[PAIRS];
    for (int i = 0; i < PAIRS; i++) {
      aAnsweredFirst[i] = toA.get(i).isDone();
    }
    a.gate.countDown();
    b.gate.countDown();
    for (int i = 0; i < PAIRS; i++) {
      Instance loserInstance = aAnsweredFirst[i] ? a : b;
      HttpResponse<byte[]> loser = (aAnsweredFirst[i] ? toA : toB).get(i).get();
      HttpResponse<byte[]> winner = (aAnsweredFirst[i] ? toB : toA).get(i).get(10, TimeUnit.SECONDS);
      // 409 InProgress normally; 503 if a pool was exhausted for a moment: the platform retries either.
      assertThat(loser.statusCode()).as(text(loser)).isIn(409, 503);
      assertThat(winner.statusCode()).as(text(winner)).isEqualTo(200);
      HttpResponse<byte[]> retry = retryUntilAnswered(loserInstance, ids.get(i), Duration.ofMillis(50),
          Duration.ofSeconds(10));
      assertThat(retry.statusCode()).isEqualTo(200);
      assertThat(retry.body()).as(ids.get(i)).isEqualTo(winner.body());
    }
    for (String id : ids) {
      assertThat(runsOf(id)).as(id).isEqualTo(1);
    }
    assertThat(totalRuns()).isEqualTo(PAIRS);
  }

  private static boolean everyPairHasOneAnswer(List<CompletableFuture<HttpResponse<byte[]>>> toA,
      List<CompletableFuture<HttpResponse<byte[]>>> toB) {
    for (int i = 0; i < toA.size(); i++) {
      if (toA.get(i).isDone() == toB.get(i).isDone()) {
        return false;
      }
    }
    return true;
  }

  @Test
  void anInstanceKilledMidHandlerBlocksTheIdOnlyUntilTheLeaseEndsThenTheRetryRunsOnce() throws Exception {
    Instance a = start("A", SHORT_LEASE);
    Instance b = start("B", SHORT_LEASE);
    b.gate.countDown();
    String id = newId();
    send(a, id);
    a.awaitHandlerStarted();
    long claimed = System.nanoTime();
    a.kill();

    HttpResponse<byte[]> early = call(b, id);
    long earlyAt = System.nanoTime();
    if (Duration.ofNanos(earlyAt - claimed).compareTo(SHORT_LEASE) < 0) {
      assertThat(early.statusCode()).as("retry within the lease").isEqualTo(409);
    }
    HttpResponse<byte[]> answered = retryUntilAnswered(b, id, Duration.ofMillis(100), Duration.ofSeconds(15));
    assertThat(answered.statusCode()).as(text(answered)).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - claimed)).isGreaterThanOrEqualTo(SHORT_LEASE);
    assertThat(b.slowRuns).hasValue(1);
    assertThat(call(b, id).body()).isEqualTo(answered.body());
    // A's handler started, then A died; B's ran once after the lease.
    assertThat(runsOf(id)).isEqualTo(2);
  }

  @Test
  void duringAStoreOutageCallsGet503AndNoHandlerRunsAndRetriesAfterItSucceedOnce() throws Exception {
    Instance a = start("A", LEASE);
    Instance b = start("B", LEASE);
    a.gate.countDown();
    b.gate.countDown();
    List<Instance> both = List.of(a, b);
    List<String> before = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String id = newId();
      before.add(id);
      assertThat(call(both.get(i % 2), id).statusCode()).isEqualTo(200);
    }

    stopBackend();
    List<String> during = new ArrayList<>();
    List<CompletableFuture<HttpResponse<byte[]>>> duringReplies = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String id = newId();
      during.add(id);
      duringReplies.add(send(both.get(i % 2), id));
    }
    for (int i = 0; i < 10; i++) {
      String id = during.get(i);
      HttpResponse<byte[]> response = duringReplies.get(i).get(30, TimeUnit.SECONDS);
      assertThat(response.statusCode()).as(text(response)).isEqualTo(503);
      assertThat(code(response)).isEqualTo("StoreUnavailable");
      assertThat(text(response)).doesNotContain(id);
    }
    assertThat(totalRuns()).isEqualTo(10);

    startBackend();
    for (int i = 0; i < during.size(); i++) {
      // The platform's retry lands on the other instance.
      HttpResponse<byte[]> retry = retryUntilAnswered(both.get((i + 1) % 2), during.get(i), Duration.ofMillis(200),
          Duration.ofSeconds(20));
      assertThat(retry.statusCode()).as(text(retry)).isEqualTo(200);
    }
    for (String id : during) {
      assertThat(runsOf(id)).as(id).isEqualTo(1);
    }
    assertThat(totalRuns()).isEqualTo(before.size() + during.size());
  }
}
