package io.camssdk.samples.quickstart;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP proxy in front of a business system that makes it misbehave on a seeded random share of
 * attempts: answers 503 without forwarding ({@link Fault#FAIL}), holds the call past the platform's timeout and then
 * forwards it ({@link Fault#STALL_BEFORE}), or forwards it and holds the reply past the timeout, so that the
 * handler ran but the platform never hears of it ({@link Fault#STALL_AFTER}).
 *
 * <p>The decision for an attempt depends only on the seed, the request id and the attempt's number for that id, so
 * thread interleaving does not change it. At most {@code maxFaultsPerCall} attempts of one call are faulted, so the
 * platform's attempt budget is never what ends a call: the runs test exactly-once handling, not the budget.
 */
final class FaultyProxy implements AutoCloseable {
  enum Fault { NONE, FAIL, STALL_BEFORE, STALL_AFTER }

  private final HttpServer server;
  private final ExecutorService executor;
  private final HttpClient client;
  private final URI target;
  private final long seed;
  private final double rate;
  private final int maxFaultsPerCall;
  private final Duration stall;
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> faultsPerCall = new ConcurrentHashMap<>();
  private final Map<Fault, AtomicLong> faults = new ConcurrentHashMap<>();

  FaultyProxy(URI target, long seed, double rate, int maxFaultsPerCall, Duration stall) throws IOException {
    this.target = target;
    this.seed = seed;
    this.rate = rate;
    this.maxFaultsPerCall = maxFaultsPerCall;
    this.stall = stall;
    for (Fault fault : Fault.values()) {
      faults.put(fault, new AtomicLong());
    }
    // Its own threads for the server: a forwarding thread blocks in send() while the client's threads read replies.
    executor = Executors.newCachedThreadPool();
    client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The proxy's URL for {@code path} of the target. */
  URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  long injected(Fault fault) {
    return faults.get(fault).get();
  }

  /** How many attempts of {@code requestId} reached the proxy. */
  int attemptsSeen(String requestId) {
    AtomicInteger n = attempts.get(requestId);
    return n == null ? 0 : n.get();
  }

  Fault decide(String requestId, int attempt) {
    // SplittableRandom mixes its seed (java.util.Random's first outputs for nearby seeds are correlated).
    double roll = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + requestId.hashCode() * 1_000_003L + attempt)
        .nextDouble();
    if (roll >= rate) {
      return Fault.NONE;
    }
    if (faultsPerCall.computeIfAbsent(requestId, k -> new AtomicInteger()).incrementAndGet() > maxFaultsPerCall) {
      return Fault.NONE;
    }
    return Fault.values()[1 + (int) (roll / rate * 3)];
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String requestId = exchange.getRequestHeaders().getFirst("X-Cams-Request-Id");
      int attempt = attempts.computeIfAbsent(String.valueOf(requestId), k -> new AtomicInteger()).incrementAndGet();
      Fault fault = requestId == null ? Fault.NONE : decide(requestId, attempt);
      faults.get(fault).incrementAndGet();
      if (fault == Fault.FAIL) {
        reply(exchange, 503, "{\"Code\":\"ProxyFault\",\"Message\":\"injected failure\"}".getBytes());
        return;
      }
      if (fault == Fault.STALL_BEFORE) {
        sleep();
      }
      HttpRequest.Builder forward = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().getRawPath()))
          .timeout(Duration.ofSeconds(10))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      for (String name : List.of("Content-Type", "X-Cams-Request-Id", "X-Cams-Timestamp", "X-Cams-Signature")) {
        String value = exchange.getRequestHeaders().getFirst(name);
        if (value != null) {
          forward.header(name, value);
        }
      }
      HttpResponse<byte[]> response;
      try {
        response = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (fault == Fault.STALL_AFTER) {
        sleep();
      }
      reply(exchange, response.statusCode(), response.body());
    } catch (IOException e) {
      // The platform gave up on this attempt and closed the connection: expected for stalls.
    }
  }

  private void sleep() {
    try {
      Thread.sleep(stall.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
