package io.camssdk.spring.autoconfigure;

import io.camssdk.signature.SignatureVerifier;
import io.camssdk.spring.CamsHandlerMethods;
import io.camssdk.webhook.CamsEndpoint;
import java.util.List;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The endpoint is wanted when signature tokens are configured, when some bean declares a CAMS handler method, or
 * when the application defines its own verifier or endpoint. An application that only uses the management client
 * thus needs no token; one with handlers but no token fails at start-up, naming the property.
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
    if (CamsHandlerMethods.declaredIn(beanFactory)) {
      return ConditionOutcome.match("a bean declares CAMS handler methods");
    }
    return ConditionOutcome.noMatch("no cams.signature.tokens, no CAMS handler methods and no CamsEndpoint bean");
  }
}
