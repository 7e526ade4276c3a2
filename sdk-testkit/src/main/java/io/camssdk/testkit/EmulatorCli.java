package io.camssdk.testkit;

import io.camssdk.json.JsonObject;
import io.camssdk.json.MalformedPayloadException;
import io.camssdk.signature.SignatureScheme;
import io.camssdk.signature.Signer;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * The emulator's command line ({@code java -jar cams-emulator.jar}):
 *
 * <pre>
 * serve                          run the emulator until stopped (Ctrl-C); env CAMS_EMULATOR_PORT (default 8787),
 *                                CAMS_EMULATOR_ACCESS_KEY_ID, CAMS_EMULATOR_ACCESS_KEY_SECRET, CAMS_EMULATOR_STATE
 *                                (a JSON file to keep state in), CAMS_EMULATOR_HOST (default 127.0.0.1)
 * trigger --url URL --token T --intent CODE [--data JSON] [--request-id ID] [--token T2]
 *                                send one signed intent call to any URL and print the reply
 * </pre>
 *
 * @since 0.1
 */
public final class EmulatorCli {
  /** The port {@code serve} binds without {@code CAMS_EMULATOR_PORT}. */
  public static final int DEFAULT_PORT = 8787;

  private EmulatorCli() {}

  public static void main(String[] args) throws Exception {
    int code = run(args, System.out, System.err, System.getenv(), true);
    if (code != 0) {
      System.exit(code);
    }
  }

  static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, boolean block)
      throws InterruptedException {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
      usage(out);
      return args.length == 0 ? 2 : 0;
    }
    Map<String, List<String>> options;
    try {
      options = options(args);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    switch (args[0]) {
      case "serve":
        return serve(out, err, env, block);
      case "trigger":
        return trigger(options, out, err);
      default:
        err.println("error: unknown command '" + args[0] + "'");
        usage(err);
        return 2;
    }
  }

  private static void usage(PrintStream out) {
    out.println("usage: cams-emulator serve");
    out.println("       cams-emulator trigger --url URL --token TOKEN --intent CODE [--data JSON] [--request-id ID]");
    out.println("serve reads CAMS_EMULATOR_PORT (default " + DEFAULT_PORT + "), CAMS_EMULATOR_HOST, "
        + "CAMS_EMULATOR_ACCESS_KEY_ID, CAMS_EMULATOR_ACCESS_KEY_SECRET, CAMS_EMULATOR_STATE");
  }

  private static Map<String, List<String>> options(String[] args) {
    Map<String, List<String>> options = new LinkedHashMap<>();
    for (int i = 1; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + arg + "'");
      }
      String name;
      String value;
      int eq = arg.indexOf('=');
      if (eq > 0) {
        name = arg.substring(2, eq);
        value = arg.substring(eq + 1);
      } else {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("option " + arg + " needs a value");
        }
        name = arg.substring(2);
        value = args[++i];
      }
      options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return options;
  }

  private static int serve(PrintStream out, PrintStream err, Map<String, String> env, boolean block)
      throws InterruptedException {
    CamsEmulator.Builder builder = CamsEmulator.builder().onDelivery(d -> out.println("delivery: " + d.summary()));
    try {
      String port = env.get("CAMS_EMULATOR_PORT");
      builder.port(port == null || port.isBlank() ? DEFAULT_PORT : Integer.parseInt(port.trim()));
      String host = env.get("CAMS_EMULATOR_HOST");
      if (host != null && !host.isBlank()) {
        builder.host(host.trim());
      }
      String id = env.get("CAMS_EMULATOR_ACCESS_KEY_ID");
      String secret = env.get("CAMS_EMULATOR_ACCESS_KEY_SECRET");
      if ((id == null) != (secret == null)) {
        err.println("error: set both CAMS_EMULATOR_ACCESS_KEY_ID and CAMS_EMULATOR_ACCESS_KEY_SECRET, or neither");
        return 2;
      }
      if (id != null) {
        builder.accessKey(id, secret);
      }
      String state = env.get("CAMS_EMULATOR_STATE");
      if (state != null && !state.isBlank()) {
        builder.stateFile(Path.of(state));
      }
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    }
    CamsEmulator emulator;
    try {
      emulator = builder.build().start();
    } catch (RuntimeException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      stopped.countDown();
    }, "cams-emulator-shutdown"));
    out.println("CAMS emulator listening on " + emulator.url());
    out.println("Console: " + emulator.consoleUrl());
    out.println("  management API: POST " + emulator.url() + "/ (ACS3-HMAC-SHA256, AccessKey id "
        + emulator.accessKeyId() + (env.get("CAMS_EMULATOR_ACCESS_KEY_SECRET") == null
            ? ", the default secret: see the README)" : ")"));
    for (EmulatorChannel channel : emulator.channels()) {
      out.println("  channel " + channel.custSpaceId() + " (" + channel.channelType() + ")");
    }
    out.println("  delivery log: POST " + emulator.url() + AdminApi.PATH + "deliveries (Content-Type: application/json)");
    out.flush();
    if (block) {
      stopped.await();
    } else {
      emulator.close();
    }
    return 0;
  }

  private static int trigger(Map<String, List<String>> options, PrintStream out, PrintStream err) {
    String url = single(options, "url");
    List<String> tokens = options.getOrDefault("token", List.of());
    String intent = single(options, "intent");
    if (url == null || tokens.isEmpty() || intent == null) {
      err.println("error: trigger needs --url, --token and --intent");
      return 2;
    }
    JsonObject data;
    try {
      String text = single(options, "data");
      data = text == null ? JsonObject.empty() : JsonObject.parse(text);
    } catch (MalformedPayloadException e) {
      err.println("error: --data must be a JSON object");
      return 2;
    }
    String requestId = single(options, "request-id");
    if (requestId == null) {
      requestId = UUID.randomUUID().toString();
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("RequestId", requestId);
    body.put("BusinessSystemId", valueOr(options, "business-system-id", "bs-cli"));
    body.put("CustSpaceId", valueOr(options, "cust-space-id", CamsEmulator.DEFAULT_WHATSAPP_CUST_SPACE_ID));
    body.put("ChannelType", valueOr(options, "channel-type", "whatsapp"));
    body.put("IntentCode", intent);
    body.put("IntentName", valueOr(options, "intent-name", intent));
    body.put("IntentData", data.asMap());
    body.put("From", "8613800000000");
    body.put("To", "8613900000000");
    body.put("Timestamp", System.currentTimeMillis());
    byte[] bytes = ManagementApi.write(body);
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
          .timeout(CamsEmulator.PLATFORM_TIMEOUT)
          .header("Content-Type", "application/json; charset=utf-8")
          .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
      Signer.of(tokens, Clock.systemUTC(), SignatureScheme.V1).sign(requestId, bytes).asMap()
          .forEach(request::header);
      HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(CamsEmulator.PLATFORM_TIMEOUT).build();
      long started = System.nanoTime();
      HttpResponse<String> response = client.send(request.build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
      out.println("POST " + url + " " + intent + " (request id " + requestId + ")");
      out.println("HTTP " + response.statusCode() + " in " + millis + " ms");
      out.println(response.body());
      return response.statusCode() >= 200 && response.statusCode() < 300 ? 0 : 1;
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (java.io.IOException e) {
      err.println("error: no reply from " + url + ": " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()));
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }

  private static String single(Map<String, List<String>> options, String name) {
    List<String> values = options.get(name);
    return values == null ? null : values.get(values.size() - 1);
  }

  private static String valueOr(Map<String, List<String>> options, String name, String fallback) {
    String value = single(options, name);
    return value == null ? fallback : value;
  }
}
