package io.camssdk.spring.autoconfigure;

import io.camssdk.signature.SignatureVerifier;
import io.camssdk.webhook.CamsEndpoint;
import java.util.List;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The endpoint is wanted when signature tokens are configured, or when the application defines its own verifier or
 * endpoint. An application that only uses the management client thus needs no token; one with handlers but no
 * token fails at start-up, naming the property ({@link io.camssdk.spring.CamsHandlerDiscovery}).
 */
final class OnCamsEndpointCondition extends SpringBootCondition implements ConfigurationCondition {

  @Override
  public ConfigurationPhase getConfigurationPhase() {
    return ConfigurationPhase.REGISTER_BEAN;
  }

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    if (OnSignatureTokensCondition.tokensSet(context)) {
      return ConditionOutcome.match("cams.signature.tokens is set");
    }
    ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
    if (beanFactory == null) {
      return ConditionOutcome.noMatch("no bean factory");
    }
    for (Class<?> type : List.of(CamsEndpoint.class, SignatureVerifier.class)) {
      if (beanFactory.getBeanNamesForType(type, true, false).length > 0) {
        return ConditionOutcome.match("a " + type.getSimpleName() + " bean is defined");
      }
    }
    // Handler beans are not looked for here: that would inspect every bean class while conditions are evaluated.
    // CamsHandlerDiscovery stops start-up later when handlers exist but no token does.
    return ConditionOutcome.noMatch("no cams.signature.tokens and no CamsEndpoint or SignatureVerifier bean");
  }
}
