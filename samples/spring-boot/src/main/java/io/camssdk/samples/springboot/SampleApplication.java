package io.camssdk.samples.springboot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Spring Boot sample business system. Same contract as the servlet sample: {@code PORT} (default 8080),
 * {@code CAMS_SIGNATURE_TOKENS} (comma-separated), intents at {@code /cams/intents}, receipts at
 * {@code /cams/receipts/{status,inbound,audit}}; intents {@code ECHO}, {@code COUNT} and {@code FAIL_ONCE} (see
 * {@link SampleIntents}).
 *
 * <p>Other modules' tests start it in-process on a free port:
 *
 * <pre>{@code
 * try (ConfigurableApplicationContext app = SampleApplication.start(Map.of("cams.signature.tokens", token))) {
 *   int port = SampleApplication.port(app);
 *   ...
 * }
 * }</pre>
 */
@SpringBootApplication
public class SampleApplication {

  public static void main(String[] args) {
    SpringApplication.run(SampleApplication.class, args);
  }

  /**
   * Starts the sample on a free loopback port with extra properties (e.g. {@code cams.signature.tokens}); close
   * the returned context to stop it.
   */
  public static ConfigurableApplicationContext start(Map<String, String> properties) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--server.address=127.0.0.1");
    properties.forEach((key, value) -> args.add("--" + key + "=" + value));
    return SpringApplication.run(SampleApplication.class, args.toArray(String[]::new));
  }

  /** The port a started sample listens on. */
  public static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
  }
}
