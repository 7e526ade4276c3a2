package io.camssdk.spring.autoconfigure;

import io.camssdk.spring.CamsConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports a {@link CamsConfigurationException} anywhere in the cause chain with its description and action.
 * Ordered first, so that Boot's generic binding analysis (which prints property values) never describes a CAMS
 * property in its place.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class CamsConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<CamsConfigurationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, CamsConfigurationException cause) {
    return new FailureAnalysis(cause.description(), cause.action(), cause);
  }
}
