package io.camssdk;

import java.util.Objects;

/**
 * A setting breaks one of the SDK's rules; raised when something is built (at start-up), never while serving.
 *
 * <p>The rule lives once, in the builder that checks it. {@link #setting()} is that builder's name for the setting
 * (for example {@code "retention"}); adapters that configure the builder from their own names (Spring properties,
 * servlet init parameters) map it onto theirs with {@link #renamed(String)} and keep the rule and the fix. Neither
 * the message nor any accessor ever holds the value that was set: it may be a secret.
 *
 * <pre>{@code
 * try {
 *   builder.retention(Duration.ofMinutes(1)).build();
 * } catch (CamsConfigurationException e) {
 *   throw e.renamed("cams.duplicates.retention");
 *   // "cams.duplicates.retention must be at least twice the timestamp tolerance (10m). Fix: ..."
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class CamsConfigurationException extends CamsException {
  private static final long serialVersionUID = 1L;

  private final String setting;
  private final String rule;
  private final String fix;

  /**
   * @param setting the builder's (or adapter's) name of the setting
   * @param rule what the setting must satisfy, phrased to follow the name ("must be at least 1 second")
   * @param fix what to do next
   */
  public CamsConfigurationException(String setting, String rule, String fix) {
    super(CamsCode.INVALID_CONFIGURATION, Objects.requireNonNull(setting, "setting") + " "
        + Objects.requireNonNull(rule, "rule") + ". Fix: " + Objects.requireNonNull(fix, "fix"));
    this.setting = setting;
    this.rule = rule;
    this.fix = fix;
  }

  /** The name of the setting that breaks the rule. */
  public String setting() {
    return setting;
  }

  /** What the setting must satisfy. */
  public String rule() {
    return rule;
  }

  /** What to do next. */
  public String fix() {
    return fix;
  }

  /** The same failure under an adapter's name for the setting (a Spring property, an init parameter). */
  public CamsConfigurationException renamed(String adapterSetting) {
    return new CamsConfigurationException(adapterSetting, rule, fix.replace(setting, adapterSetting));
  }
}
