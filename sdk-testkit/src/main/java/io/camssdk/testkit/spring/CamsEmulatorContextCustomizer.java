package io.camssdk.testkit.spring;

import io.camssdk.management.CamsManagementClient;
import io.camssdk.management.CreateBusinessSystemRequest;
import io.camssdk.management.CreateIntentRequest;
import io.camssdk.management.CreatedBusinessSystem;
import io.camssdk.management.ModifyBusinessSystemRequest;
import io.camssdk.management.RetryPolicy;
import io.camssdk.testkit.CamsEmulator;
import io.camssdk.testkit.Delivery;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.util.ClassUtils;

/**
 * Starts the emulator, creates the business system, adds the properties and beans, and points the business system
 * at the web server once it listens. A record of the annotation's attributes: equal attributes share a cached
 * context (and its emulator).
 */
record CamsEmulatorContextCustomizer(List<String> intents, String custSpaceId, String systemName,
    long deliveryTimeoutMillis, long backoffBaseMillis, int maxAttempts) implements ContextCustomizer {

  static final String PROPERTY_SOURCE = "camsEmulator";
  /** Where the business system points until the web server listens: a loopback port nothing answers on. */
  private static final String UNREACHABLE = "http://127.0.0.1:9/cams/intents";
  private static final String STARTER_MANAGEMENT =
      "io.camssdk.spring.autoconfigure.CamsManagementAutoConfiguration";

  static CamsEmulatorContextCustomizer of(AutoConfigureCamsEmulator a) {
    return new CamsEmulatorContextCustomizer(List.of(a.intents()), a.custSpaceId(), a.systemName(),
        a.deliveryTimeoutMillis(), a.backoffBaseMillis(), a.maxAttempts());
  }

  @Override
  public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
    CamsEmulator emulator = CamsEmulator.builder()
        .deliveryTimeout(Duration.ofMillis(deliveryTimeoutMillis))
        .backoffBase(Duration.ofMillis(backoffBaseMillis))
        .maxAttempts(maxAttempts)
        .build()
        .start();
    context.addApplicationListener(event -> {
      if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
        emulator.close();
      }
    });
    CamsManagementClient client = emulator.managementClientBuilder().retryPolicy(RetryPolicy.none()).build();
    CreatedBusinessSystem created = client.createBusinessSystem(CreateBusinessSystemRequest.builder()
        .custSpaceId(custSpaceId).systemName(systemName).apiUrl(UNREACHABLE).build());
    for (String code : intents) {
      client.createIntent(CreateIntentRequest.builder().custSpaceId(custSpaceId)
          .businessSystemId(created.businessSystemId()).intentCode(code).intentName(code).build());
    }
    EmulatedBusinessSystem system = new EmulatedBusinessSystem(custSpaceId, created.businessSystemId());

    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("cams.signature.tokens", created.signature());
    properties.put("cams.management.endpoint", emulator.url().toString());
    properties.put("cams.management.access-key-id", emulator.accessKeyId());
    properties.put("cams.management.access-key-secret", emulator.accessKeySecret());
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));

    context.getBeanFactory().registerSingleton("camsEmulator", emulator);
    context.getBeanFactory().registerSingleton("camsEmulatedBusinessSystem", system);
    if (!ClassUtils.isPresent(STARTER_MANAGEMENT, context.getClassLoader())) {
      context.getBeanFactory().registerSingleton("camsEmulatorManagementClient", client);
    }
    context.addApplicationListener(event -> {
      if (event instanceof ContextRefreshedEvent refreshed && refreshed.getApplicationContext() == context) {
        pointAtServer(context.getEnvironment(), emulator, client, system);
      }
    });
  }

  /** Once the web server listens ({@code local.server.port} is set), calls and pushes go to it. */
  private static void pointAtServer(ConfigurableEnvironment env, CamsEmulator emulator, CamsManagementClient client,
      EmulatedBusinessSystem system) {
    String port = env.getProperty("local.server.port");
    if (port == null) {
      return; // a mock web environment: no server to call
    }
    String base = "http://127.0.0.1:" + port + env.getProperty("server.servlet.context-path", "");
    client.modifyBusinessSystem(ModifyBusinessSystemRequest.builder().custSpaceId(system.custSpaceId())
        .businessSystemId(system.businessSystemId())
        .apiUrl(base + env.getProperty("cams.paths.intents", "/cams/intents")).build());
    emulator.callbackUrl(Delivery.Kind.STATUS,
        URI.create(base + env.getProperty("cams.paths.status", "/cams/receipts/status")), null);
    emulator.callbackUrl(Delivery.Kind.INBOUND,
        URI.create(base + env.getProperty("cams.paths.inbound", "/cams/receipts/inbound")), null);
    emulator.callbackUrl(Delivery.Kind.AUDIT,
        URI.create(base + env.getProperty("cams.paths.audit", "/cams/receipts/audit")), null);
  }
}
