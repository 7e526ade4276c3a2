package io.camssdk.spring.autoconfigure;

import io.camssdk.webhook.CamsEndpoint;
import io.camssdk.webhook.EndpointResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Micrometer meters for the endpoint, when Micrometer and a {@link MeterRegistry} bean are present:
 *
 * <ul>
 *   <li>{@code cams.calls} (counter), tags {@code kind} ({@code intent}, {@code status}, {@code inbound},
 *       {@code audit}), {@code code} (the reply's wire code, e.g. {@code OK}, {@code InvalidSignature}) and
 *       {@code token} (the index of the token that verified the call, {@code none} when unverified: shows how far
 *       a token rotation has got, never the token);
 *   <li>{@code cams.intent.handler} (timer), tag {@code intent}: the run time of intent handlers (replays and
 *       rejected calls are not timed).
 * </ul>
 *
 * <p>Ordered after Boot's meter registry auto-configuration of Boot 3.5 and 4.0 (named, not linked, so either
 * may be absent).
 *
 * @since 0.1
 */
@AutoConfiguration(after = CamsEndpointAutoConfiguration.class, afterName = {
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({MeterRegistry.class, CamsEndpoint.class})
public final class CamsMetricsAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  CamsCallListener camsMetricsListener(MeterRegistry registry) {
    return new MicrometerListener(registry);
  }

  /** Records one reply. */
  static final class MicrometerListener implements CamsCallListener {
    private final MeterRegistry registry;

    MicrometerListener(MeterRegistry registry) {
      this.registry = registry;
    }

    @Override
    public void onCall(String kind, EndpointResponse response) {
      String token = response.signature() == null ? "none" : Integer.toString(response.signature().tokenIndex());
      Counter.builder("cams.calls")
          .description("CAMS calls and pushes answered, by outcome code")
          .tag("kind", kind)
          .tag("code", response.code().wireName())
          .tag("token", token)
          .register(registry)
          .increment();
      if (response.handlerNanos() > 0 && response.intentCode() != null && !response.replayed()) {
        Timer.builder("cams.intent.handler")
            .description("Run time of CAMS intent handler methods")
            .tag("intent", response.intentCode())
            .register(registry)
            .record(response.handlerNanos(), TimeUnit.NANOSECONDS);
      }
    }
  }
}
