package io.camssdk.testkit;

import io.camssdk.management.CamsManagementClient;
import io.camssdk.management.RetryPolicy;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link CamsEmulatorTest}: starts a {@link CamsEmulator} per test class and
 * resolves parameters of type {@link CamsEmulator} and {@link CamsManagementClient}. Register it yourself to
 * configure the emulator:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final CamsEmulatorExtension CAMS = new CamsEmulatorExtension(CamsEmulator.builder()
 *     .channel(new EmulatorChannel("cams-shop", ChannelType.WHATSAPP))
 *     .backoffBase(Duration.ofMillis(5)));
 * }</pre>
 *
 * <p>Registered on a static field, one emulator serves the class; on an instance field, each test gets its own.
 *
 * @since 0.1
 */
public final class CamsEmulatorExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(CamsEmulatorExtension.class);
  private static final String KEY = "emulator";

  private final CamsEmulator.Builder builder;

  /** Configured from {@link CamsEmulatorTest} on the test class, or with its defaults. */
  public CamsEmulatorExtension() {
    this.builder = null;
  }

  /** Builds each emulator from {@code builder}. */
  public CamsEmulatorExtension(CamsEmulator.Builder builder) {
    this.builder = Objects.requireNonNull(builder, "builder");
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    emulator(context);
  }

  /**
   * The emulator of the current test class (or test), started on first use.
   */
  public CamsEmulator emulator(ExtensionContext context) {
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(KEY, key -> newEmulator(context), CamsEmulator.class);
  }

  private CamsEmulator newEmulator(ExtensionContext context) {
    CamsEmulator.Builder b = builder;
    if (b == null) {
      Optional<CamsEmulatorTest> settings = context.getTestClass()
          .flatMap(type -> AnnotationSupport.findAnnotation(type, CamsEmulatorTest.class));
      b = CamsEmulator.builder()
          .deliveryTimeout(Duration.ofMillis(settings.map(CamsEmulatorTest::deliveryTimeoutMillis).orElse(1000L)))
          .backoffBase(Duration.ofMillis(settings.map(CamsEmulatorTest::backoffBaseMillis).orElse(10L)))
          .maxAttempts(settings.map(CamsEmulatorTest::maxAttempts).orElse(CamsEmulator.PLATFORM_MAX_ATTEMPTS));
    }
    return b.build().start();
  }

  /**
   * A client for {@code emulator}: its URL and AccessKey pair, and no retries (so that tests see every reply).
   */
  public static CamsManagementClient managementClient(CamsEmulator emulator) {
    return emulator.managementClientBuilder().retryPolicy(RetryPolicy.none()).build();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == CamsEmulator.class || type == CamsManagementClient.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    CamsEmulator emulator = emulator(context);
    if (parameter.getParameter().getType() == CamsEmulator.class) {
      return emulator;
    }
    return context.getStore(NAMESPACE).getOrComputeIfAbsent("client", key -> managementClient(emulator),
        CamsManagementClient.class);
  }
}
