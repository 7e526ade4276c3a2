package io.camssdk.samples.jetty;

import io.camssdk.duplicate.DuplicateStore;
import io.camssdk.duplicate.InMemoryDuplicateStore;
import io.camssdk.servlet.CamsIntentServlet;
import io.camssdk.webhook.CamsEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The sample on embedded Jetty 12: {@link SampleApp}'s servlets at {@code /cams/intents} and
 * {@code /cams/receipts/{status,inbound,audit}}.
 *
 * <p>Run it with {@code java -jar samples/servlet-jetty/target/cams-sample-servlet-jetty.jar}; it reads
 * {@code CAMS_SIGNATURE_TOKENS} (comma-separated active tokens, required), {@code PORT} (default 8080; 0 picks a
 * free port, printed at start) and {@code HOST} (default {@code 0.0.0.0}).
 *
 * <p>From tests and tools, start instances in-process; two instances given the same store behave as one cluster:
 *
 * <pre>{@code
 * try (SampleServer a = SampleServer.start(0, List.of(token), sharedStore);
 *      SampleServer b = SampleServer.start(0, List.of(token), sharedStore)) {
 *   // post to a.port(), retry the same call on b.port(): a.handlerRuns() + b.handlerRuns() == 1
 * }
 * }</pre>
 */
public final class SampleServer implements AutoCloseable {
  private final Server server;
  private final SampleApp app;
  private final int port;

  private SampleServer(Server server, SampleApp app, int port) {
    this.server = server;
    this.app = app;
    this.port = port;
  }

  /** Starts an instance on {@code 127.0.0.1:port} (0 for a free port). */
  public static SampleServer start(int port, List<String> tokens, DuplicateStore store) throws Exception {
    return start("127.0.0.1", port, tokens, store);
  }

  /**
   * Starts an instance on {@code 127.0.0.1:port} (0 for a free port) whose endpoint gets extra settings, applied
   * after the sample's own (see {@link SampleApp#SampleApp(List, DuplicateStore, Consumer)}).
   *
   * <pre>{@code
   * SampleServer a = SampleServer.start(0, List.of(token), sharedStore, e -> e.lease(Duration.ofSeconds(1)));
   * }</pre>
   */
  public static SampleServer start(int port, List<String> tokens, DuplicateStore store,
      Consumer<CamsEndpoint.Builder> customizer) throws Exception {
    return start("127.0.0.1", port, tokens, store, customizer);
  }

  /** Starts an instance on {@code host:port} (0 for a free port). */
  public static SampleServer start(String host, int port, List<String> tokens, DuplicateStore store)
      throws Exception {
    return start(host, port, tokens, store, builder -> { });
  }

  private static SampleServer start(String host, int port, List<String> tokens, DuplicateStore store,
      Consumer<CamsEndpoint.Builder> customizer) throws Exception {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535 but was " + port);
    }
    SampleApp app = new SampleApp(tokens, store, customizer);
    Server server = new Server();
    // No "Server: Jetty(12.x)" header and no version in error answers: nothing tells a scanner what to try.
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    http.setSendXPoweredBy(false);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    // Jetty's own refusals (malformed headers, unknown paths) answer JSON too, never an HTML page.
    JsonErrorHandler errors = new JsonErrorHandler();
    server.setErrorHandler(errors);
    ServletContextHandler context = new ServletContextHandler("/");
    context.setErrorHandler(errors);
    app.mount(context);
    server.setHandler(context);
    server.setStopAtShutdown(false);
    try {
      server.start();
    } catch (Exception e) {
      server.stop();
      throw e;
    }
    return new SampleServer(server, app, connector.getLocalPort());
  }

  /** The port bound. */
  public int port() {
    return port;
  }

  /** How many times this instance's intent handlers ({@code ECHO} and {@code COUNT}) have run. */
  public long handlerRuns() {
    return app.handlerRuns();
  }

  /** How many times this instance's {@code COUNT} handler has run. */
  public long countRuns() {
    return app.countRuns();
  }

  /** How many receipt items this instance's handlers have received. */
  public long receiptItems() {
    return app.receiptItems();
  }

  /** The application (endpoint and counters) this instance serves. */
  public SampleApp app() {
    return app;
  }

  /**
   * Stops the server; idempotent.
   *
   * @throws IllegalStateException when Jetty fails to stop
   */
  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception e) {
      throw new IllegalStateException("could not stop the sample server on port " + port, e);
    }
  }

  public static void main(String[] args) throws Exception {
    List<String> tokens = tokensFromEnvironment(System.getenv("CAMS_SIGNATURE_TOKENS"));
    if (tokens.isEmpty()) {
      System.err.println("CAMS_SIGNATURE_TOKENS is not set: give the business system's signature token(s), "
          + "comma-separated");
      System.exit(2);
    }
    int port = parsePort(System.getenv("PORT"));
    String host = Optional.ofNullable(System.getenv("HOST")).filter(h -> !h.isBlank()).orElse("0.0.0.0");
    SampleServer server = start(host, port, tokens, InMemoryDuplicateStore.create());
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (IllegalStateException e) {
        System.err.println("stop failed: " + e.getCause().getClass().getName());
      }
    }, "cams-sample-stop"));
    System.out.println("CAMS sample listening on port " + server.port() + " (" + tokens.size()
        + " signature token(s)); intents at " + SampleApp.INTENTS_PATH + ", receipts at "
        + SampleApp.RECEIPT_PATHS.values().stream().sorted().toList());
    server.server.join();
  }

  static int parsePort(String value) {
    if (value == null || value.isBlank()) {
      return 8080;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("PORT must be 0..65535 but was '" + value + "'");
  }

  static List<String> tokensFromEnvironment(String value) {
    List<String> tokens = new ArrayList<>();
    if (value != null) {
      for (String token : value.split(",")) {
        if (!token.isBlank()) {
          tokens.add(token.trim());
        }
      }
    }
    return List.copyOf(tokens);
  }

  @Override
  public String toString() {
    return "SampleServer{port=" + port + ", " + CamsIntentServlet.class.getSimpleName() + " at "
        + SampleApp.INTENTS_PATH + "}";
  }
}
