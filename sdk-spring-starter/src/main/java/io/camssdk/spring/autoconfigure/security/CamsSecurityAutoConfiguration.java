package io.camssdk.spring.autoconfigure.security;

import io.camssdk.spring.CamsProperties;
import io.camssdk.spring.autoconfigure.CamsEndpointAutoConfiguration;
import io.camssdk.webhook.CamsEndpoint;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Lets signed CAMS calls through Spring Security. Without it, an application with
 * {@code spring-boot-starter-security} on its defaults answers every intent call and receipt push {@code 401}
 * with an empty body, which the platform treats as final: the calls are lost.
 *
 * <p>Contributes one {@link SecurityFilterChain}, named {@value #SECURITY_FILTER_CHAIN_BEAN_NAME} and ordered
 * {@link #ORDER} (before the application's own chains), that matches the four {@code cams.paths.*} and nothing
 * else. The signature the endpoint verifies is these paths' authentication, so the chain permits every request,
 * has no CSRF protection (the platform holds no CSRF token), creates no session and keeps no request cache. Every
 * other path stays under the application's chains, or Boot's default one, exactly as before: this
 * auto-configuration runs after Boot's security auto-configuration, so Boot's default chain is still registered
 * when the application defines none.
 *
 * <p>It backs off when the application
 *
 * <ul>
 *   <li>sets {@code cams.security.enabled=false}, or
 *   <li>defines a bean named {@value #SECURITY_FILTER_CHAIN_BEAN_NAME}: its own rules for the CAMS paths, or
 *   <li>defines a chain for the CAMS paths, one that matches the intent path but not a path outside them (such as
 *       {@code securityMatcher("/cams/**")}): the starter's chain then matches nothing, and logs so once.
 * </ul>
 *
 * <p>A catch-all chain ({@code anyRequest()}, the common case, Boot's default among them) also covers the CAMS
 * paths but does not make it back off: that is the very chain that rejects the platform's calls today.
 *
 * <pre>{@code
 * @Bean(CamsSecurityAutoConfiguration.SECURITY_FILTER_CHAIN_BEAN_NAME) // replaces the starter's chain
 * @Order(1)
 * SecurityFilterChain camsSecurityFilterChain(HttpSecurity http) throws Exception {
 *   return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/cams/**"))
 *       .authorizeHttpRequests(requests -> requests.anyRequest().hasIpAddress("10.0.0.0/8"))
 *       .csrf(csrf -> csrf.disable())
 *       .build();
 * }
 * }</pre>
 *
 * @since 0.1
 */
@AutoConfiguration(after = CamsEndpointAutoConfiguration.class, afterName = {
    // Boot 3.5, then Boot 4: their default chains back off when any SecurityFilterChain exists, so they must be
    // registered before this one.
    "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
    "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
@ConditionalOnClass({CamsEndpoint.class, SecurityFilterChain.class, HttpSecurity.class,
    PathPatternRequestMatcher.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "cams.security", name = "enabled", havingValue = "true", matchIfMissing = true)
@ConditionalOnBean({CamsEndpoint.class, HttpSecurity.class})
public final class CamsSecurityAutoConfiguration {

  /** The name of the starter's chain; an application bean of this name replaces it. */
  public static final String SECURITY_FILTER_CHAIN_BEAN_NAME = "camsSecurityFilterChain";

  /**
   * The order of the starter's chain: before the application's chains (which are {@code LOWEST_PRECEDENCE} unless
   * ordered), leaving a little room for an application chain that must come first.
   */
  public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

  @Bean(SECURITY_FILTER_CHAIN_BEAN_NAME)
  @ConditionalOnMissingBean(name = SECURITY_FILTER_CHAIN_BEAN_NAME)
  @Order(ORDER)
  SecurityFilterChain camsSecurityFilterChain(HttpSecurity http, CamsProperties properties,
      ObjectProvider<SecurityFilterChain> chains) throws Exception {
    CamsPathsMatcher matcher = new CamsPathsMatcher(camsPaths(properties.paths()), properties.paths().intents(),
        chains::orderedStream);
    return http.securityMatcher(matcher)
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .build();
  }

  /** Exactly the paths the endpoint serves (path-within-application, so a context path changes nothing). */
  static RequestMatcher camsPaths(CamsProperties.Paths paths) {
    Set<String> distinct = new LinkedHashSet<>(List.of(paths.intents(), paths.status(), paths.inbound(),
        paths.audit()));
    PathPatternRequestMatcher.Builder matchers = PathPatternRequestMatcher.withDefaults();
    return new OrRequestMatcher(distinct.stream().map(path -> (RequestMatcher) matchers.matcher(path)).toList());
  }
}
