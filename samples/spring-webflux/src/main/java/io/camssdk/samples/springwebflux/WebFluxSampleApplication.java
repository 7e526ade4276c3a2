package io.camssdk.samples.springwebflux;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The reactive Spring Boot sample business system (WebFlux on Netty). Same contract as the servlet samples:
 * {@code PORT} (default 8080), {@code CAMS_SIGNATURE_TOKENS} (comma-separated), intents at {@code /cams/intents},
 * receipts at {@code /cams/receipts/{status,inbound,audit}}; intents {@code ECHO} and {@code COUNT}.
 *
 * <pre>{@code
 * try (ConfigurableApplicationContext app = WebFluxSampleApplication.start(Map.of("cams.signature.tokens", token))) {
 *   int port = WebFluxSampleApplication.port(app);
 *   ...
 * }
 * }</pre>
 */
@SpringBootApplication
public class WebFluxSampleApplication {

  public static void main(String[] args) {
    SpringApplication.run(WebFluxSampleApplication.class, args);
  }

  /** Starts the sample on a free loopback port with extra properties; close the returned context to stop it. */
  public static ConfigurableApplicationContext start(Map<String, String> properties) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--server.address=127.0.0.1");
    properties.forEach((key, value) -> args.add("--" + key + "=" + value));
    return SpringApplication.run(WebFluxSampleApplication.class, args.toArray(String[]::new));
  }

  /** The port a started sample listens on. */
  public static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
  }
}
