package io.camssdk.benchmarks.servlet;

import io.camssdk.duplicate.InMemoryDuplicateStore;
import io.camssdk.samples.jetty.SampleServer;
import io.camssdk.servlet.ServletExchange;
import io.camssdk.signature.SignedHeaders;
import io.camssdk.signature.Signer;
import io.camssdk.webhook.CamsEndpoint;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Slow senders against a business system (Defect 4 of Issue 12): N connections each declare a 1000-byte intent
 * call and send one byte every G seconds, reconnecting when the server closes them; meanwhile one legitimate signed
 * call every 500 ms must be answered within the platform's 3 seconds.
 *
 * <pre>
 * # the Jetty sample in-process (mode: sample = as shipped; old = a servlet that hands the endpoint the
 * # container's blocking stream, as every servlet did before the read deadline)
 * java -cp benchmarks/target/benchmarks.jar io.camssdk.benchmarks.servlet.SlowSenderRun \
 *     --connections 250 --gap 5 --seconds 40 --mode sample
 * # any running sample, e.g. the Spring Boot one started with CAMS_SIGNATURE_TOKENS=slow-sender-token-5d0c1e7a
 * java -cp benchmarks/target/benchmarks.jar io.camssdk.benchmarks.servlet.SlowSenderRun \
 *     --connections 250 --gap 5 --seconds 40 --port 8080 --token slow-sender-token-5d0c1e7a
 * </pre>
 *
 * Prints, per second, the open slow connections and (in-process) the server's thread count, then the legitimate
 * calls' latency percentiles and failures, and how long slow connections lived before the server ended them.
 * Loopback only; bounded by {@code --seconds} plus a few seconds.
 */
public final class SlowSenderRun {
  private static final String DEFAULT_TOKEN = "slow-sender-token-5d0c1e7a";
  private static final String PATH = "/cams/intents";
  private static final int DECLARED = 1000;

  private SlowSenderRun() {}

  public static void main(String[] args) throws Exception {
    int connections = intOption(args, "--connections", 250);
    int gapSeconds = intOption(args, "--gap", 5);
    int seconds = intOption(args, "--seconds", 40);
    int externalPort = intOption(args, "--port", -1);
    String token = stringOption(args, "--token", DEFAULT_TOKEN);
    String mode = stringOption(args, "--mode", "sample");

    AutoCloseable server = null;
    int port = externalPort;
    if (externalPort < 0) {
      if (mode.equals("old")) {
        OldServer old = OldServer.start(token);
        server = old;
        port = old.port();
      } else {
        SampleServer sample = SampleServer.start(0, List.of(token), InMemoryDuplicateStore.create());
        server = sample;
        port = sample.port();
      }
    }
    System.out.printf(Locale.ROOT, "slow sender run: %s on 127.0.0.1:%d, %d slow connections, 1 byte / %d s, "
        + "%d s, %d cores%n", externalPort < 0 ? "in-process Jetty sample (" + mode + ")" : "external server", port,
        connections, gapSeconds, seconds, Runtime.getRuntime().availableProcessors());
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicLong open = new AtomicLong();
    List<Long> lifetimesMs = new CopyOnWriteArrayList<>();
    ConcurrentHashMap<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    AtomicBoolean running = new AtomicBoolean(true);
    List<Thread> slow = new ArrayList<>();
    int target = port;
    for (int i = 0; i < connections; i++) {
      long stagger = (long) i * gapSeconds * 1000 / connections;
      Thread thread = new Thread(() -> trickle(target, gapSeconds, stagger, running, open, lifetimesMs, statuses),
          "slow-" + i);
      thread.setDaemon(true);
      thread.start();
      slow.add(thread);
    }
    Thread.sleep(Math.min(seconds, gapSeconds + 1) * 1000L); // every slow sender connected and trickling

    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(3)).build();
    Signer signer = Signer.of(token);
    List<Long> latenciesMs = new ArrayList<>();
    int failures = 0;
    long sequence = 0;
    long nextReport = System.nanoTime();
    while (System.nanoTime() < end) {
      String requestId = "legit-" + System.nanoTime() + "-" + sequence++;
      byte[] body = body(requestId);
      SignedHeaders signed = signer.sign(requestId, body);
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PATH))
          .timeout(Duration.ofSeconds(3)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
          .header("Content-Type", "application/json; charset=utf-8");
      signed.asMap().forEach(request::header);
      long start = System.nanoTime();
      try {
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (response.statusCode() == 200) {
          latenciesMs.add(ms);
        } else {
          failures++;
          System.out.println("legitimate call answered " + response.statusCode() + " after " + ms + " ms");
        }
      } catch (IOException e) {
        failures++;
        System.out.println("legitimate call failed after " + (System.nanoTime() - start) / 1_000_000 + " ms: "
            + e.getClass().getSimpleName());
      }
      if (System.nanoTime() >= nextReport) {
        System.out.printf(Locale.ROOT, "t+%2ds open slow connections %3d, server threads %s%n",
            seconds - (end - System.nanoTime()) / 1_000_000_000L, open.get(), serverThreads(externalPort));
        nextReport += 5_000_000_000L;
      }
      Thread.sleep(500);
    }
    running.set(false);

    Collections.sort(latenciesMs);
    List<Long> lifetimes = new ArrayList<>(lifetimesMs);
    Collections.sort(lifetimes);
    System.out.println();
    System.out.printf(Locale.ROOT, "legitimate calls: %d answered 200, %d failed or over 3 s; latency ms p50 %s, "
        + "p99 %s, max %s%n", latenciesMs.size(), failures, percentile(latenciesMs, 50), percentile(latenciesMs, 99),
        latenciesMs.isEmpty() ? "-" : latenciesMs.get(latenciesMs.size() - 1));
    System.out.printf(Locale.ROOT, "slow connections ended by the server: %d; lifetime ms p50 %s, max %s; "
        + "answers %s%n", lifetimes.size(), percentile(lifetimes, 50),
        lifetimes.isEmpty() ? "-" : lifetimes.get(lifetimes.size() - 1), statuses);
    System.out.println(failures == 0 && !latenciesMs.isEmpty()
        && latenciesMs.get(latenciesMs.size() - 1) < 3000 ? "PASS: every legitimate call answered within 3 s"
        : "FAIL: legitimate calls missed the platform's 3 s");
    if (server != null) {
      server.close();
    }
    System.exit(0);
  }

  /** One slow sender: declares 1000 bytes, sends one every gap, reconnects when the server ends it. */
  private static void trickle(int port, int gapSeconds, long staggerMs, AtomicBoolean running, AtomicLong open,
      List<Long> lifetimesMs, ConcurrentHashMap<Integer, AtomicLong> statuses) {
    try {
      Thread.sleep(staggerMs);
    } catch (InterruptedException e) {
      return;
    }
    while (running.get()) {
      long started = System.nanoTime();
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 3000);
        open.incrementAndGet();
        try {
          OutputStream out = socket.getOutputStream();
          InputStream in = socket.getInputStream();
          String id = "slow-" + System.nanoTime();
          out.write(("POST " + PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "Content-Length: " + DECLARED + "\r\nX-Cams-Request-Id: " + id + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
          out.flush();
          socket.setSoTimeout(gapSeconds * 1000);
          for (int sent = 0; sent < DECLARED && running.get(); sent++) {
            try {
              int first = in.read(); // the server answered (or closed): this connection is over
              if (first >= 0) {
                byte[] line = new byte[11];
                int n = in.readNBytes(line, 0, 11);
                String status = new String(line, 0, n, StandardCharsets.US_ASCII);
                int code = status.length() >= 11 ? Integer.parseInt(status.substring(8, 11)) : -1;
                statuses.computeIfAbsent(code, c -> new AtomicLong()).incrementAndGet();
              }
              break;
            } catch (SocketTimeoutException nothingYet) {
              out.write('{');
              out.flush();
            }
          }
        } finally {
          open.decrementAndGet();
        }
      } catch (IOException | RuntimeException ended) {
        // reset by the server: counted below
      }
      if (running.get()) {
        lifetimesMs.add((System.nanoTime() - started) / 1_000_000);
      }
    }
  }

  private static String serverThreads(int externalPort) {
    if (externalPort >= 0) {
      return "(external: see the server)";
    }
    long jetty = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("qtp")).count();
    return jetty + " Jetty pool threads";
  }

  private static String percentile(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return "-";
    }
    return String.valueOf(sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)));
  }

  private static byte[] body(String requestId) {
    return ("{\"RequestId\":\"" + requestId + "\",\"BusinessSystemId\":\"bs-7f3a2c\",\"CustSpaceId\":\"cams-83m8j9\","
        + "\"ChannelType\":\"whatsapp\",\"IntentCode\":\"ECHO\",\"IntentName\":\"Echo\",\"IntentData\":{\"n\":1},"
        + "\"From\":\"8613800000000\",\"To\":\"8613900000000\",\"MessageId\":\"m-1\",\"TemplateCode\":\"t-1\","
        + "\"Timestamp\":1732420000000}").getBytes(StandardCharsets.UTF_8);
  }

  private static int intOption(String[] args, String name, int fallback) {
    String value = stringOption(args, name, null);
    return value == null ? fallback : Integer.parseInt(value);
  }

  private static String stringOption(String[] args, String name, String fallback) {
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }

  /** The servlet as every CAMS servlet was before the read deadline: the endpoint reads the blocking stream. */
  private static final class OldServer implements AutoCloseable {
    private final Server server;
    private final int port;

    private OldServer(Server server, int port) {
      this.server = server;
      this.port = port;
    }

    static OldServer start(String token) throws Exception {
      CamsEndpoint endpoint = CamsEndpoint.builder()
          .verifier(io.camssdk.signature.SignatureVerifier.builder().token(token).build())
          .onIntent("ECHO", call -> call.intentData())
          .build();
      Server server = new Server();
      ServerConnector connector = new ServerConnector(server);
      connector.setHost("127.0.0.1");
      connector.setPort(0);
      server.addConnector(connector);
      ServletContextHandler context = new ServletContextHandler("/");
      context.addServlet(new ServletHolder(new HttpServlet() {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
          ServletExchange.write(endpoint.handleIntent(ServletExchange.adapt(request)), response);
        }
      }), PATH);
      server.setHandler(context);
      server.start();
      return new OldServer(server, connector.getLocalPort());
    }

    int port() {
      return port;
    }

    @Override
    public void close() throws Exception {
      server.stop();
    }
  }
}
