package io.camssdk.spring.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * {@code cams.signature.tokens} binds to a non-empty list, in any form: one comma-separated value, indexed
 * entries, YAML list, or the environment variable {@code CAMS_SIGNATURE_TOKENS}.
 */
final class OnSignatureTokensCondition extends SpringBootCondition {

  static boolean tokensSet(ConditionContext context) {
    return Binder.get(context.getEnvironment())
        .bind("cams.signature.tokens", Bindable.listOf(String.class))
        .map(list -> !list.isEmpty())
        .orElse(false);
  }

  @Override
  public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
    return tokensSet(context)
        ? ConditionOutcome.match("cams.signature.tokens is set")
        : ConditionOutcome.noMatch("cams.signature.tokens is not set");
  }
}
