package io.camssdk.spring.autoconfigure;

import io.camssdk.spring.CamsConfigurationException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Reports every CAMS configuration failure in the cause chain: the starter's own
 * {@link CamsConfigurationException} (properties and handler methods) with its description and action, and a
 * builder's {@link io.camssdk.CamsConfigurationException} under the property the starter sets that builder
 * setting from ({@link io.camssdk.CamsConfigurationException#renamed}): the rule and the fix stay the builder's,
 * so each rule lives in one place. Neither names a value.
 *
 * <p>Ordered first, so that Boot's generic binding analysis (which prints property values) never describes a
 * CAMS property in its place.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
final class CamsConfigurationFailureAnalyzer implements FailureAnalyzer {

  /** The property each builder setting is configured from, for the builders the auto-configuration calls. */
  static final Map<String, String> PROPERTY_OF_SETTING = Map.ofEntries(
      Map.entry("tokens", "cams.signature.tokens"),
      Map.entry("token", "cams.signature.tokens"),
      Map.entry("tolerance", "cams.signature.tolerance"),
      Map.entry("scheme", "cams.signature.scheme"),
      Map.entry("tokenLocation", "cams.signature.token-location"),
      Map.entry("retention", "cams.duplicates.retention"),
      Map.entry("lease", "cams.duplicates.lease"),
      Map.entry("handlerBudget", "cams.handler-budget"),
      Map.entry("maxBodyBytes", "cams.body-limit"),
      Map.entry("maxEntries", "cams.duplicates.max-entries"),
      Map.entry("table", "cams.duplicates.jdbc.table"),
      Map.entry("purgeInterval", "cams.duplicates.jdbc.purge-interval"),
      Map.entry("keyPrefix", "cams.duplicates.redis.key-prefix"),
      Map.entry("endpoint", "cams.management.endpoint"),
      Map.entry("region", "cams.management.region"),
      Map.entry("connectTimeout", "cams.management.connect-timeout"),
      Map.entry("readTimeout", "cams.management.read-timeout"),
      Map.entry("callTimeout", "cams.management.call-timeout"),
      Map.entry("maxAttempts", "cams.management.retries.max-attempts"));

  /**
   * A builder message of the form {@code "<setting>[ (<value>)] <rule>[ but was <value>]"}, from builders that
   * still throw {@link IllegalArgumentException}/{@link IllegalStateException}: the setting, and the rule.
   */
  private static final Pattern LEGACY = Pattern.compile("^([a-zA-Z]+)(?:\\[\\d+])?(?: \\([^)]*\\))? (.+?)(?: but was .*)?$",
      Pattern.DOTALL);
  /** A value quoted in a rule, such as the tolerance {@code (PT5M)}: left out. */
  private static final Pattern QUOTED_VALUE = Pattern.compile(" ?\\((?:PT|-?\\d|')[^)]*\\)");

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CamsConfigurationException cams) {
        return new FailureAnalysis(cams.description(), cams.action(), cams);
      }
      if (t instanceof io.camssdk.CamsConfigurationException core) {
        return analyze(renamed(core), core);
      }
    }
    String beanName = null;
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BindException bind && bind.getName().toString().startsWith("cams.")) {
        return unbindable(bind);
      }
      if (t instanceof BeanCreationException creation && creation.getBeanName() != null) {
        beanName = creation.getBeanName();
      }
      if ((t instanceof IllegalArgumentException || t instanceof IllegalStateException) && beanName != null
          && beanName.startsWith("cams") && t.getMessage() != null) {
        FailureAnalysis legacy = legacy(t);
        if (legacy != null) {
          return legacy;
        }
      }
    }
    return null;
  }

  /** A {@code cams.*} value that cannot be converted: Boot's own analysis would print the value. */
  private static FailureAnalysis unbindable(BindException bind) {
    String property = bind.getName().toString();
    String type = bind.getTarget().getType().resolve(Object.class).getSimpleName();
    return new FailureAnalysis("Property " + property + " cannot be read as " + type + ".",
        "Change " + property + " (env " + envName(property) + ") to a valid " + type
            + " (see the starter's README for examples).", bind);
  }

  /** {@code failure} under the property name of its setting, when the setting is one the starter configures. */
  static io.camssdk.CamsConfigurationException renamed(io.camssdk.CamsConfigurationException failure) {
    String property = PROPERTY_OF_SETTING.get(failure.setting());
    return property == null ? failure : failure.renamed(property);
  }

  private static FailureAnalysis analyze(io.camssdk.CamsConfigurationException failure, Throwable cause) {
    String setting = failure.setting();
    boolean property = setting.startsWith("cams.");
    String description = (property ? "Property " : "CAMS setting ") + setting + " " + failure.rule() + ".";
    String fix = failure.fix().strip();
    String action = property ? fix.replaceAll("\\.$", "") + " (env " + envName(setting) + ")." : fix;
    return new FailureAnalysis(description, action, cause);
  }

  private static FailureAnalysis legacy(Throwable failure) {
    Matcher m = LEGACY.matcher(failure.getMessage());
    if (!m.matches() || !PROPERTY_OF_SETTING.containsKey(m.group(1))) {
      return null;
    }
    String property = PROPERTY_OF_SETTING.get(m.group(1));
    String rule = QUOTED_VALUE.matcher(m.group(2)).replaceAll("");
    return analyze(new io.camssdk.CamsConfigurationException(property, rule, "Change " + property), failure);
  }

  /** The environment variable that binds to {@code property} by relaxed binding. */
  static String envName(String property) {
    return property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
  }
}
