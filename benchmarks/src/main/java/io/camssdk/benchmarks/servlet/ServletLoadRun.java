package io.camssdk.benchmarks.servlet;

import io.camssdk.duplicate.InMemoryDuplicateStore;
import io.camssdk.samples.jetty.SampleApp;
import io.camssdk.signature.SignedHeaders;
import io.camssdk.signature.Signer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.ConnectionPool;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Load run of the servlet adapter: the sample's intent servlet ({@code /cams/intents}: verify, parse,
 * de-duplicate, run {@code ECHO}, reply) beside a bare servlet ({@code /bare}: read the body, reply {@code {}}) on
 * the same embedded Jetty 12 server on 127.0.0.1. N client threads send signed calls (a fresh request id each) for
 * T seconds to each side in turn; throughput and latency percentiles are printed per side.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.camssdk.benchmarks.servlet.ServletLoadRun \
 *     --threads 8 --seconds 10 --warmup 15 --rounds 4
 * </pre>
 *
 * Both sides get byte-identical requests (same size, same headers, same client work), so the ratio isolates what
 * the adapter and the endpoint cost. Loopback only; bounded by {@code 2 * (warmup + seconds)} plus start-up.
 * {@code --seconds} is per side, split over {@code --rounds} alternating slices.
 */
public final class ServletLoadRun {
  private static final String TOKEN = "load-run-token-6c1e0b7f";
  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  private ServletLoadRun() {}

  public static void main(String[] args) throws Exception {
    int threads = intOption(args, "--threads", 8);
    int seconds = intOption(args, "--seconds", 10);
    int warmup = intOption(args, "--warmup", 15);
    int rounds = intOption(args, "--rounds", 4);

    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    SampleApp app = new SampleApp(List.of(TOKEN), InMemoryDuplicateStore.create());
    app.mount(context);
    context.addServlet(new ServletHolder("bare", new BareServlet()), "/bare");
    server.setHandler(context);
    server.start();
    int port = connector.getLocalPort();

    OkHttpClient client = new OkHttpClient.Builder()
        .protocols(List.of(Protocol.HTTP_1_1))
        .connectionPool(new ConnectionPool(threads * 2, 1, TimeUnit.MINUTES))
        .retryOnConnectionFailure(false)
        .callTimeout(Duration.ofSeconds(10))
        .build();
    client.dispatcher().setMaxRequestsPerHost(threads * 2);
    Signer signer = Signer.of(TOKEN);
    String bare = "http://127.0.0.1:" + port + "/bare";
    String sample = "http://127.0.0.1:" + port + SampleApp.INTENTS_PATH;
    try {
      System.out.printf(Locale.ROOT,
          "servlet load run: Jetty 12 on 127.0.0.1:%d, %d client threads, %d cores, load average %.1f%n", port,
          threads, Runtime.getRuntime().availableProcessors(),
          ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      drive(client, signer, bare, threads, warmup, "warm");
      drive(client, signer, sample, threads, warmup, "warm");
      Result bareTotal = Result.EMPTY;
      Result sampleTotal = Result.EMPTY;
      double slice = (double) seconds / rounds;
      // Alternate which side goes first, so that load from elsewhere and late JIT work fall on both sides.
      for (int round = 0; round < rounds; round++) {
        if (round % 2 == 0) {
          bareTotal = bareTotal.plus(drive(client, signer, bare, threads, slice, "bare"));
          sampleTotal = sampleTotal.plus(drive(client, signer, sample, threads, slice, "sample"));
        } else {
          sampleTotal = sampleTotal.plus(drive(client, signer, sample, threads, slice, "sample"));
          bareTotal = bareTotal.plus(drive(client, signer, bare, threads, slice, "bare"));
        }
      }
      System.out.println();
      System.out.println("side    requests  errors    req/s   p50 ms   p99 ms   max ms");
      bareTotal.print("bare");
      sampleTotal.print("sample");
      System.out.printf(Locale.ROOT, "sample/bare throughput: %.1f %% (target >= 90 %%); ECHO handler runs: %d%n",
          100.0 * sampleTotal.throughput() / bareTotal.throughput(), app.handlerRuns());
    } finally {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
      server.stop();
    }
  }

  private static Result drive(OkHttpClient client, Signer signer, String url, int threads, double seconds,
      String label) throws InterruptedException {
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    AtomicLong errors = new AtomicLong();
    long[][] latencies = new long[threads][];
    int[] counts = new int[threads];
    CountDownLatch done = new CountDownLatch(threads);
    String runId = label + "-" + System.nanoTime() + "-";
    long started = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      int index = t;
      Thread worker = new Thread(() -> {
        long[] own = new long[1 << 14];
        int n = 0;
        long sequence = 0;
        try {
          while (System.nanoTime() < deadline) {
            String requestId = runId + index + "-" + sequence++;
            byte[] body = body(requestId);
            SignedHeaders signed = signer.sign(requestId, body);
            Request request = new Request.Builder().url(url)
                .header("X-Cams-Request-Id", signed.requestId())
                .header("X-Cams-Timestamp", signed.timestamp())
                .header("X-Cams-Signature", signed.signature())
                .post(RequestBody.create(body, JSON))
                .build();
            long start = System.nanoTime();
            try (Response response = client.newCall(request).execute()) {
              response.body().bytes();
              if (response.code() != 200) {
                errors.incrementAndGet();
              }
            } catch (java.io.IOException e) {
              errors.incrementAndGet();
            }
            if (n == own.length) {
              own = Arrays.copyOf(own, n * 2);
            }
            own[n++] = System.nanoTime() - start;
          }
        } finally {
          latencies[index] = own;
          counts[index] = n;
          done.countDown();
        }
      }, "load-" + label + "-" + t);
      worker.start();
    }
    done.await();
    double elapsed = (System.nanoTime() - started) / 1e9;
    int total = Arrays.stream(counts).sum();
    long[] all = new long[total];
    int offset = 0;
    for (int t = 0; t < threads; t++) {
      System.arraycopy(latencies[t], 0, all, offset, counts[t]);
      offset += counts[t];
    }
    Result result = new Result(all, errors.get(), elapsed);
    if (!label.equals("warm")) {
      result.print(label);
    }
    if (total == 0) {
      throw new IllegalStateException(label + ": no request completed; see the errors above");
    }
    return result;
  }

  private static byte[] body(String requestId) {
    return ("{\"RequestId\":\"" + requestId + "\",\"BusinessSystemId\":\"bs-7f3a2c\",\"CustSpaceId\":\"cams-83m8j9xxxxadc\","
        + "\"ChannelType\":\"whatsapp\",\"IntentCode\":\"ECHO\",\"IntentName\":\"Order status\","
        + "\"IntentData\":{\"orderId\":\"A-1001\",\"items\":3},\"From\":\"8613800000000\",\"To\":\"8613900000000\","
        + "\"MessageId\":\"2023078469463703123\",\"TemplateCode\":\"820561547132813184\",\"Timestamp\":1732420000000}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static int intOption(String[] args, String name, int fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        int value = Integer.parseInt(args[i + 1]);
        if (value < 1) {
          throw new IllegalArgumentException(name + " must be at least 1 but was " + value);
        }
        return value;
      }
    }
    return fallback;
  }

  /** Latencies (ns) of one or more slices of a side. */
  private record Result(long[] latencies, long errors, double seconds) {
    static final Result EMPTY = new Result(new long[0], 0, 0);

    Result plus(Result other) {
      long[] all = Arrays.copyOf(latencies, latencies.length + other.latencies.length);
      System.arraycopy(other.latencies, 0, all, latencies.length, other.latencies.length);
      return new Result(all, errors + other.errors, seconds + other.seconds);
    }

    double throughput() {
      return latencies.length / seconds;
    }

    void print(String label) {
      long[] sorted = latencies.clone();
      Arrays.sort(sorted);
      System.out.printf(Locale.ROOT, "%-6s %9d %7d %8.0f %8.2f %8.2f %8.2f%n", label, sorted.length, errors,
          throughput(), percentile(sorted, 0.50), percentile(sorted, 0.99), sorted.length == 0 ? 0
              : sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
      if (sorted.length == 0) {
        return 0;
      }
      int index = (int) Math.ceil(p * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
  }
}
