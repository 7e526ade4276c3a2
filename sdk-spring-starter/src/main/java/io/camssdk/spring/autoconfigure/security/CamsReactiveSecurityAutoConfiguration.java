package io.camssdk.spring.autoconfigure.security;

import io.camssdk.spring.CamsProperties;
import io.camssdk.spring.autoconfigure.CamsWebFluxAutoConfiguration;
import io.camssdk.webhook.CamsEndpoint;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * The reactive counterpart of {@link CamsSecurityAutoConfiguration}: a {@link SecurityWebFilterChain} named
 * {@value #SECURITY_WEB_FILTER_CHAIN_BEAN_NAME}, ordered {@link CamsSecurityAutoConfiguration#ORDER}, matching the
 * four {@code cams.paths.*} only and permitting every exchange there (the endpoint verifies the signature), with
 * no CSRF protection, no security context kept and no request cache. Same back-off rules: {@code
 * cams.security.enabled=false}, or a bean of that name.
 *
 * <p>Spring Security's reactive default (every exchange authenticated, HTTP Basic and form login) applies only
 * while the application has no {@link SecurityWebFilterChain} at all; adding the starter's would silently drop it.
 * So when the application (and Boot) define none, the starter also registers that default, as
 * {@value #DEFAULT_CHAIN_BEAN_NAME}: every other path stays as protected as before.
 *
 * @since 0.1
 */
@AutoConfiguration(after = CamsWebFluxAutoConfiguration.class, afterName = {
    // Boot 3.5, then Boot 4: their chains (e.g. Actuator's) must be registered before the default is decided.
    "org.springframework.boot.autoconfigure.security.reactive.ReactiveSecurityAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.security.reactive.ReactiveManagementWebSecurityAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration"})
@ConditionalOnClass({CamsEndpoint.class, SecurityWebFilterChain.class, ServerHttpSecurity.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnProperty(prefix = "cams.security", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnBean({CamsEndpoint.class, ServerHttpSecurity.class})
public final class CamsReactiveSecurityAutoConfiguration {

  /** The name of the starter's chain; an application bean of this name replaces it. */
  public static final String SECURITY_WEB_FILTER_CHAIN_BEAN_NAME = "camsSecurityWebFilterChain";

  /** The name of Spring Security's default chain, registered by the starter when the application has no chain. */
  public static final String DEFAULT_CHAIN_BEAN_NAME = "camsDefaultSecurityWebFilterChain";

  @Bean(SECURITY_WEB_FILTER_CHAIN_BEAN_NAME)
  @ConditionalOnMissingBean(name = SECURITY_WEB_FILTER_CHAIN_BEAN_NAME)
  @Order(CamsSecurityAutoConfiguration.ORDER)
  SecurityWebFilterChain camsSecurityWebFilterChain(ServerHttpSecurity http, CamsProperties properties) {
    CamsProperties.Paths paths = properties.paths();
    String[] camsPaths = new LinkedHashSet<>(List.of(paths.intents(), paths.status(), paths.inbound(),
        paths.audit())).toArray(String[]::new);
    return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(camsPaths))
        .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
        .csrf(csrf -> csrf.disable())
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .build();
  }

  /**
   * Spring Security's own default, kept: member classes are processed before the outer class's beans, so this
   * condition sees only the application's and Boot's chains.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingBean(SecurityWebFilterChain.class)
  static final class DefaultChainKept {

    @Bean(DEFAULT_CHAIN_BEAN_NAME)
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityWebFilterChain camsDefaultSecurityWebFilterChain(ServerHttpSecurity http) {
      return http.authorizeExchange(exchanges -> exchanges.anyExchange().authenticated())
          .httpBasic(Customizer.withDefaults())
          .formLogin(Customizer.withDefaults())
          .build();
    }
  }
}
