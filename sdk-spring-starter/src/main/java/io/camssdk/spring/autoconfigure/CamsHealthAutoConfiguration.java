package io.camssdk.spring.autoconfigure;

import io.camssdk.duplicate.DuplicateStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * A health indicator {@code camsDuplicateStore} (Spring Boot 4, module {@code spring-boot-health}): {@code UP}
 * while the duplicate store answers a ping within its timeout, {@code DOWN} otherwise (the endpoint then answers
 * calls {@code 503 StoreUnavailable}), with the store's type, the ping's duration and, when down, why.
 * {@code management.health.cams.enabled=false} turns it off.
 *
 * <p>On Spring Boot 3.5 this configuration does not apply (its health API lives in another package); write a
 * five-line {@code HealthIndicator} calling {@code DuplicateStore.ping()} instead (see the starter's README).
 *
 * @since 0.1
 */
@AutoConfiguration(after = CamsEndpointAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBean(DuplicateStore.class)
public final class CamsHealthAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(name = "camsDuplicateStoreHealthIndicator")
  @ConditionalOnProperty(prefix = "management.health.cams", name = "enabled", havingValue = "true",
      matchIfMissing = true)
  HealthIndicator camsDuplicateStoreHealthIndicator(DuplicateStore store) {
    DuplicateStoreHealth health = new DuplicateStoreHealth(store);
    return () -> {
      DuplicateStoreHealth.Result result = health.check();
      return (result.up() ? Health.up() : Health.down()).withDetails(result.details()).build();
    };
  }
}
