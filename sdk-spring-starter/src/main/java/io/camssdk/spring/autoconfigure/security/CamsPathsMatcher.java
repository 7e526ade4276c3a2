package io.camssdk.spring.autoconfigure.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.FilterInvocation;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The CAMS paths, unless the application has its own chain for them.
 *
 * <p>An application chain is "for the CAMS paths" when it matches the intent path and does not match a path
 * outside them: {@code securityMatcher("/cams/**")} is, a catch-all {@code anyRequest()} chain is not (that is the
 * chain that would reject the platform's calls). The decision is taken once, on the first request, when every
 * chain exists; a chain whose matcher cannot be asked outside a real request (it throws) counts as not for the CAMS
 * paths, so the starter's chain stays.
 */
final class CamsPathsMatcher implements RequestMatcher {
  private static final Logger log = LoggerFactory.getLogger(CamsPathsMatcher.class);
  /** A path no application serves, to tell a chain for the CAMS paths from a catch-all one. */
  private static final String UNRELATED_PATH = "/cams-sdk-probe-not-a-cams-path";

  private final RequestMatcher paths;
  private final String intentPath;
  private final Supplier<Stream<SecurityFilterChain>> chains;
  private volatile Boolean steppedAside;

  /** @param chains every chain of the application, this matcher's own among them (it is skipped) */
  CamsPathsMatcher(RequestMatcher paths, String intentPath, Supplier<Stream<SecurityFilterChain>> chains) {
    this.paths = Objects.requireNonNull(paths, "paths");
    this.intentPath = Objects.requireNonNull(intentPath, "intentPath");
    this.chains = Objects.requireNonNull(chains, "chains");
  }

  @Override
  public boolean matches(HttpServletRequest request) {
    return !steppedAside() && paths.matches(request);
  }

  /** Whether an application chain covers the CAMS paths, so that the starter's chain matches nothing. */
  boolean steppedAside() {
    Boolean decided = steppedAside;
    if (decided == null) {
      decided = chains.get().filter(chain -> !isOwn(chain)).anyMatch(this::isForCamsPaths);
      steppedAside = decided;
      if (decided) {
        log.info("The application has its own security filter chain for the CAMS paths; the starter's "
            + "chain steps aside (the application's rules now decide who may call {}).", intentPath);
      }
    }
    return decided;
  }

  private boolean isOwn(SecurityFilterChain chain) {
    return chain instanceof DefaultSecurityFilterChain own && own.getRequestMatcher() == this;
  }

  private boolean isForCamsPaths(SecurityFilterChain chain) {
    try {
      return chain.matches(probe(intentPath)) && !chain.matches(probe(UNRELATED_PATH));
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Spring Security's own stand-in request (as its privilege evaluators use: method and path), with attributes,
   * where path matchers cache the parsed path.
   */
  private static HttpServletRequest probe(String path) {
    Map<String, Object> attributes = new HashMap<>();
    return new HttpServletRequestWrapper(new FilterInvocation("", path, "POST").getRequest()) {
      @Override
      public Object getAttribute(String name) {
        return attributes.get(name);
      }

      @Override
      public Enumeration<String> getAttributeNames() {
        return Collections.enumeration(attributes.keySet());
      }

      @Override
      public void setAttribute(String name, Object value) {
        attributes.put(name, value);
      }

      @Override
      public void removeAttribute(String name) {
        attributes.remove(name);
      }
    };
  }
}
