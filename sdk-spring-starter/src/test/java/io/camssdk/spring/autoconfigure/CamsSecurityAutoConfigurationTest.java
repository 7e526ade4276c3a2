package io.camssdk.spring.autoconfigure;

import static io.camssdk.spring.autoconfigure.TestHandlers.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.spring.autoconfigure.security.CamsReactiveSecurityAutoConfiguration;
import io.camssdk.spring.autoconfigure.security.CamsSecurityAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;

class CamsSecurityAutoConfigurationTest {
  private static final String CHAIN = CamsSecurityAutoConfiguration.SECURITY_FILTER_CHAIN_BEAN_NAME;

  @Configuration(proxyBeanMethods = false)
  @EnableWebSecurity
  static class WebSecurity {}

  private static final String REACTIVE_CHAIN = CamsReactiveSecurityAutoConfiguration.SECURITY_WEB_FILTER_CHAIN_BEAN_NAME;
  private static final String DEFAULT_CHAIN = CamsReactiveSecurityAutoConfiguration.DEFAULT_CHAIN_BEAN_NAME;

  @Configuration(proxyBeanMethods = false)
  @EnableWebFluxSecurity
  static class WebFluxSecurity {
    @Bean
    MapReactiveUserDetailsService users() {
      return new MapReactiveUserDetailsService(User.withUsername("u").password("{noop}p").roles("U").build());
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnReactiveChain {
    @Bean
    SecurityWebFilterChain applicationChain(ServerHttpSecurity http) {
      return http.authorizeExchange(exchanges -> exchanges.anyExchange().authenticated()).build();
    }
  }

  private final ReactiveWebApplicationContextRunner reactive = new ReactiveWebApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(CamsWebFluxAutoConfiguration.class,
          CamsReactiveSecurityAutoConfiguration.class))
      .withUserConfiguration(WebFluxSecurity.class)
      .withPropertyValues("cams.signature.tokens=" + TOKEN);

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

  @Test
  void onWebFluxContributesItsChainAndKeepsSpringSecuritysDefaultWhenTheApplicationHasNone() {
    reactive.run(context -> assertThat(context).hasNotFailed().hasBean(REACTIVE_CHAIN).hasBean(DEFAULT_CHAIN));
  }

  @Test
  void onWebFluxLeavesTheRestToTheApplicationsOwnChain() {
    reactive.withUserConfiguration(OwnReactiveChain.class).run(context -> assertThat(context).hasNotFailed()
        .hasBean(REACTIVE_CHAIN).hasBean("applicationChain").doesNotHaveBean(DEFAULT_CHAIN));
  }

  @Test
  void onWebFluxBacksOffWhenDisabledByProperty() {
    reactive.withPropertyValues("cams.security.enabled=false").run(context -> assertThat(context).hasNotFailed()
        .doesNotHaveBean(REACTIVE_CHAIN).doesNotHaveBean(DEFAULT_CHAIN));
  }
}
