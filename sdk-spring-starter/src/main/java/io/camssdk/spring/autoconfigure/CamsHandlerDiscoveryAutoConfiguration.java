package io.camssdk.spring.autoconfigure;

import io.camssdk.spring.CamsHandlerDiscovery;
import io.camssdk.webhook.CamsEndpoint;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Role;

/**
 * Registers {@link CamsHandlerDiscovery}, which finds the handler beans once the bean definitions are final and
 * records them as the container creates them: handler discovery neither inspects bean classes while conditions
 * are evaluated nor calls {@code getBean} inside a {@code @Bean} method.
 *
 * @since 0.1
 */
@AutoConfiguration(before = CamsEndpointAutoConfiguration.class)
@ConditionalOnClass(CamsEndpoint.class)
public final class CamsHandlerDiscoveryAutoConfiguration {

  /** Static: a bean factory post-processor, created before the configuration classes' own beans. */
  @Bean(CamsHandlerDiscovery.BEAN_NAME)
  @ConditionalOnMissingBean(name = CamsHandlerDiscovery.BEAN_NAME)
  @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
  static CamsHandlerDiscovery camsHandlerDiscovery() {
    return new CamsHandlerDiscovery();
  }
}
