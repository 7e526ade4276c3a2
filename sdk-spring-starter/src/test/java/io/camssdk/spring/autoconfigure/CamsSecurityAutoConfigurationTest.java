package io.camssdk.spring.autoconfigure;

import static io.camssdk.spring.autoconfigure.TestHandlers.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.spring.autoconfigure.security.CamsSecurityAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

class CamsSecurityAutoConfigurationTest {
  private static final String CHAIN = CamsSecurityAutoConfiguration.SECURITY_FILTER_CHAIN_BEAN_NAME;

  @Configuration(proxyBeanMethods = false)
  @EnableWebSecurity
  static class WebSecurity {}

  private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(CamsEndpointAutoConfiguration.class,
          CamsSecurityAutoConfiguration.class))
      .withUserConfiguration(WebSecurity.class)
      .withPropertyValues("cams.signature.tokens=" + TOKEN);

  @Test
  void contributesTheChainForTheCamsPathsWhenSpringSecurityIsEnabled() {
    runner.run(context -> assertThat(context).hasNotFailed().hasBean(CHAIN)
        .getBean(CHAIN, SecurityFilterChain.class).isNotNull());
  }

  @Test
  void backsOffWhenDisabledByProperty() {
    runner.withPropertyValues("cams.security.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CHAIN));
  }

  @Test
  void staysOffWithoutTheEndpoint() {
    runner.withPropertyValues("cams.endpoint.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CHAIN));
  }

  @Test
  void staysOffWithoutSpringSecurity() {
    new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CamsEndpointAutoConfiguration.class,
            CamsSecurityAutoConfiguration.class))
        .withClassLoader(new FilteredClassLoader(SecurityFilterChain.class))
        .withPropertyValues("cams.signature.tokens=" + TOKEN)
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CHAIN));
  }
}
