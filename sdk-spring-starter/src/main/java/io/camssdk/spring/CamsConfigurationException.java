package io.camssdk.spring;

import java.util.Objects;

/**
 * Start-up stopped because the CAMS configuration is missing, invalid or contradictory: a property, or the handler
 * methods found on beans. Spring Boot reports it through a failure analysis with {@link #description()} and
 * {@link #action()}; neither ever holds a secret value.
 *
 * @since 0.1
 */
public final class CamsConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String action;

  /**
   * @param description what is wrong, naming the property or the bean and method
   * @param action what to do about it
   */
  public CamsConfigurationException(String description, String action) {
    super(Objects.requireNonNull(description, "description"));
    this.action = Objects.requireNonNull(action, "action");
  }

  /** What is wrong. */
  public String description() {
    return getMessage();
  }

  /** What to do about it. */
  public String action() {
    return action;
  }

  /** A property whose value is out of range; the message names the property, never its value. */
  static CamsConfigurationException invalid(String property, String rule) {
    return new CamsConfigurationException("Property " + property + " " + rule + ".",
        "Change " + property + " (env " + envName(property) + ").");
  }

  /** A property whose value still holds a {@code ${...}} placeholder: its variable is not set. */
  static CamsConfigurationException unresolved(String property) {
    return new CamsConfigurationException("Property " + property + " holds an unresolved ${...} placeholder: the "
        + "environment variable or property it names is not set, and the literal text would be used.",
        "Set the environment variable (or property) that the placeholder in " + property + " names before "
            + "starting the application, or set " + property + " directly.");
  }

  /** The environment variable that binds to {@code property} by relaxed binding. */
  static String envName(String property) {
    return property.replace('.', '_').replace("-", "").replace("[", "_").replace("]", "").toUpperCase(java.util.Locale.ROOT);
  }
}
