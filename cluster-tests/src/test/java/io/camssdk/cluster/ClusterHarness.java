package io.camssdk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.duplicate.DuplicateStore;
import io.camssdk.intent.IntentCall;
import io.camssdk.json.JsonObject;
import io.camssdk.samples.jetty.SampleApp;
import io.camssdk.samples.jetty.SampleServer;
import io.camssdk.signature.Signer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.AfterEach;

/**
 * Instances of the servlet sample on loopback ports, a "platform" that signs and sends intent calls and retries
 * them, and a {@code SLOW} intent whose handler blocks until the test opens its instance's gate.
 *
 * <p>The platform waits 3 s for a reply, then retries with the same request id. The tests do not wait 3 s: the
 * client gives up after {@link #PLATFORM_WAIT} instead, which is the same event seen from the instances.
 */
abstract class ClusterHarness {
  static final String TOKEN = "cluster-token-7d41c0e2";
  /** Stands for the platform's 3 s: how long the client waits for the first attempt before retrying. */
  static final Duration PLATFORM_WAIT = Duration.ofMillis(300);
  /** A lease that outlasts every stall in these tests. */
  static final Duration LEASE = Duration.ofSeconds(20);

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final List<Instance> instances = new ArrayList<>();
  /** Handler runs of the SLOW intent per request id, over every instance. */
  final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();

  /** A new store object for one instance: shared stores return a new object over the same backend each time. */
  protected abstract DuplicateStore newStore() throws Exception;

  /** Closes a store object made by {@link #newStore()}; idempotent. */
  protected void closeStore(DuplicateStore store) throws Exception {
    if (store instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  @AfterEach
  final void stopInstances() throws Exception {
    for (Instance instance : instances) {
      instance.gate.countDown();
    }
    for (Instance instance : instances) {
      instance.close();
    }
  }

  /** Starts an instance with a store object of its own and the given lease. */
  final Instance start(String name, Duration lease) throws Exception {
    Instance instance = new Instance(name, newStore(), lease);
    instances.add(instance);
    return instance;
  }

  /** One running instance of the sample, with the SLOW intent added. */
  final class Instance implements AutoCloseable {
    final String name;
    final DuplicateStore store;
    final SampleServer server;
    /** Closed: SLOW handlers on this instance wait. */
    final CountDownLatch gate = new CountDownLatch(1);
    final AtomicInteger slowRuns = new AtomicInteger();
    private final CountDownLatch firstEntry = new CountDownLatch(1);
    private volatile boolean storeClosed;
    private volatile Thread stopper;

    private Instance(String name, DuplicateStore store, Duration lease) throws Exception {
      this.name = name;
      this.store = store;
      this.server = SampleServer.start(0, List.of(TOKEN), store,
          endpoint -> endpoint.lease(lease).onIntent("SLOW", this::slow));
    }

    private Object slow(IntentCall call) throws InterruptedException {
      runs.computeIfAbsent(call.requestId(), id -> new AtomicInteger()).incrementAndGet();
      slowRuns.incrementAndGet();
      firstEntry.countDown();
      if (!gate.await(20, TimeUnit.SECONDS)) {
        throw new IllegalStateException("the test never opened the gate of instance " + name);
      }
      // A value that differs on every run: equal replies prove the reply was stored, not computed again.
      return Map.of("orderId", UUID.randomUUID().toString(), "instance", name);
    }

    /** Waits until a SLOW handler has started on this instance. */
    void awaitHandlerStarted() throws InterruptedException {
      assertThat(firstEntry.await(10, TimeUnit.SECONDS)).as("a SLOW handler started on " + name).isTrue();
    }

    /**
     * The instance dies mid-handler: its store connections go first (a dead process cannot release its claim or
     * store a reply), then its server stops, in the background (Jetty waits for the blocked handler).
     */
    void kill() throws Exception {
      closeStoreOnce();
      Thread thread = new Thread(server::close, "stop-" + name);
      thread.setDaemon(true);
      thread.start();
      stopper = thread;
    }

    int port() {
      return server.port();
    }

    private void closeStoreOnce() throws Exception {
      if (!storeClosed) {
        storeClosed = true;
        closeStore(store);
      }
    }

    @Override
    public void close() throws Exception {
      gate.countDown();
      try {
        if (stopper != null) {
          stopper.join(10_000);
        }
        server.close();
      } finally {
        closeStoreOnce();
      }
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Sends a signed SLOW call for {@code requestId} to {@code to}, without waiting. */
  final CompletableFuture<HttpResponse<byte[]>> send(Instance to, String requestId) {
    byte[] body = body(requestId);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to.port()
            + SampleApp.INTENTS_PATH))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    Signer.of(TOKEN).sign(requestId, body).asMap().forEach(request::header);
    return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** Sends a signed SLOW call and waits for the reply. */
  final HttpResponse<byte[]> call(Instance to, String requestId) throws Exception {
    return send(to, requestId).get(30, TimeUnit.SECONDS);
  }

  /**
   * The platform's retries: sends the call to {@code to} until the reply's status is not {@code retryOn} (409
   * and 5xx by default), pausing {@code pause} between attempts, for at most {@code within}.
   */
  final HttpResponse<byte[]> retryUntilAnswered(Instance to, String requestId, Duration pause, Duration within)
      throws Exception {
    return retryUntil(to, requestId, status -> status == 409 || status >= 500, pause, within);
  }

  final HttpResponse<byte[]> retryUntil(Instance to, String requestId, IntPredicate retryOn, Duration pause,
      Duration within) throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      HttpResponse<byte[]> response = call(to, requestId);
      if (!retryOn.test(response.statusCode()) || System.nanoTime() > deadline) {
        return response;
      }
      Thread.sleep(pause.toMillis());
    }
  }

  static String code(HttpResponse<byte[]> response) {
    return JsonObject.parse(new String(response.body(), StandardCharsets.UTF_8)).getString("Code");
  }

  static String text(HttpResponse<byte[]> response) {
    return new String(response.body(), StandardCharsets.UTF_8);
  }

  final int runsOf(String requestId) {
    AtomicInteger n = runs.get(requestId);
    return n == null ? 0 : n.get();
  }

  final int totalRuns() {
    return runs.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  static String newId() {
    return "req-" + UUID.randomUUID();
  }

  private static byte[] body(String requestId) {
    return ("{\"RequestId\":\"" + requestId + "\",\"IntentCode\":\"SLOW\",\"IntentData\":{\"orderRef\":\""
        + requestId + "\"},\"ChannelType\":\"whatsapp\",\"Timestamp\":1732420000000}")
        .getBytes(StandardCharsets.UTF_8);
  }
}
