package io.camssdk.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camssdk.duplicate.DuplicateStore;
import io.camssdk.duplicate.InMemoryDuplicateStore;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The reason to switch: two instances, each with its own {@link InMemoryDuplicateStore} (the default), behind a
 * load balancer. The platform's retry lands on the instance that has never seen the request id, and the handler
 * runs a second time: two orders, two OTPs.
 */
@Timeout(30)
class MemoryStoreClusterTest extends ClusterHarness {

  @Override
  protected DuplicateStore newStore() {
    return InMemoryDuplicateStore.create();
  }

  @Test
  void aCallStalledOnAAndRetriedOnBRunsItsHandlerTwiceWithMemoryStores() throws Exception {
    Instance a = start("A", LEASE);
    Instance b = start("B", LEASE);
    String id = newId();
    CompletableFuture<HttpResponse<byte[]>> firstAttempt = send(a, id);
    a.awaitHandlerStarted();
    assertThatThrownBy(() -> firstAttempt.get(PLATFORM_WAIT.toMillis(), TimeUnit.MILLISECONDS))
        .isInstanceOf(TimeoutException.class);

    CompletableFuture<HttpResponse<byte[]>> retry = send(b, id);
    b.awaitHandlerStarted();
    a.gate.countDown();
    b.gate.countDown();

    assertThat(firstAttempt.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(retry.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(runsOf(id)).as("the handler ran on both instances").isEqualTo(2);
    assertThat(retry.get().body()).as("two different replies: two orders")
        .isNotEqualTo(firstAttempt.get().body());
  }

  @Test
  void aRetryOfAnAnsweredCallRunsItsHandlerAgainOnTheOtherInstanceWithMemoryStores() throws Exception {
    Instance a = start("A", LEASE);
    Instance b = start("B", LEASE);
    a.gate.countDown();
    b.gate.countDown();
    String id = newId();
    // A answered, but the reply was lost on the way (or came after 3 s): the platform retries on B.
    HttpResponse<byte[]> first = call(a, id);
    HttpResponse<byte[]> retry = call(b, id);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(runsOf(id)).isEqualTo(2);
    assertThat(retry.body()).isNotEqualTo(first.body());
    // The same instance does recognise its own repeat.
    assertThat(call(a, id).body()).isEqualTo(first.body());
  }
}
