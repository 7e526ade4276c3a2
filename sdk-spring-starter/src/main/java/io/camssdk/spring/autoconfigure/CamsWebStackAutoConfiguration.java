package io.camssdk.spring.autoconfigure;

import io.camssdk.spring.CamsConfigurationException;
import io.camssdk.spring.CamsHandlerMethods;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * Fails the start of an application that declares CAMS handler methods but has no web stack to serve them
 * (neither the servlet API nor Spring WebFlux on the class path): without it, the handlers would be ignored
 * silently and the platform's calls lost. {@code cams.endpoint.enabled=false} says that this is meant.
 *
 * @since 0.1
 */
@AutoConfiguration
@ConditionalOnProperty(prefix = "cams.endpoint", name = "enabled", havingValue = "true", matchIfMissing = true)
@Conditional(CamsWebStackAutoConfiguration.HandlersWithoutWebStack.class)
public final class CamsWebStackAutoConfiguration {

  @Bean
  Object camsWebStackRequired() {
    throw new CamsConfigurationException(
        "CAMS handler methods are declared, but neither a servlet nor a reactive web stack is on the class path: "
            + "nothing would serve them.",
        "Add spring-boot-starter-web (or spring-boot-starter-tomcat and spring-web) for the servlet stack, or "
            + "spring-boot-starter-webflux for the reactive one; set cams.endpoint.enabled=false if the "
            + "application is not meant to receive CAMS calls.");
  }

  /** Handler methods are declared and neither web stack's classes are present. */
  static final class HandlersWithoutWebStack extends SpringBootCondition implements ConfigurationCondition {
    private static final String[] SERVLET_STACK = {"jakarta.servlet.http.HttpServlet",
        "org.springframework.boot.web.servlet.ServletRegistrationBean"};
    private static final String[] REACTIVE_STACK = {
        "org.springframework.web.reactive.function.server.RouterFunction", "reactor.core.publisher.Mono"};

    @Override
    public ConfigurationPhase getConfigurationPhase() {
      return ConfigurationPhase.REGISTER_BEAN;
    }

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
      ClassLoader loader = context.getClassLoader();
      if (allPresent(SERVLET_STACK, loader)) {
        return ConditionOutcome.noMatch("the servlet stack is present");
      }
      if (allPresent(REACTIVE_STACK, loader)) {
        return ConditionOutcome.noMatch("the reactive stack is present");
      }
      ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
      if (beanFactory == null || !CamsHandlerMethods.declaredIn(beanFactory)) {
        return ConditionOutcome.noMatch("no CAMS handler methods");
      }
      return ConditionOutcome.match("CAMS handler methods but no web stack");
    }

    private static boolean allPresent(String[] classNames, ClassLoader loader) {
      for (String name : classNames) {
        if (!ClassUtils.isPresent(name, loader)) {
          return false;
        }
      }
      return true;
    }
  }
}
