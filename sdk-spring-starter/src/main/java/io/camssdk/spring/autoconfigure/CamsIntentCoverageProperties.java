package io.camssdk.spring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cams.intent-coverage.*}: whether start-up checks that every intent code called by the channel's template
 * buttons has a handler method.
 *
 * <pre>
 * cams.intent-coverage.mode=warn
 * cams.intent-coverage.cust-space-id=cams-83m8j9xxxxadc
 * </pre>
 *
 * @param mode Off (default), warn (log the intents without a handler) or fail (stop start-up).
 * @param custSpaceId The channel whose templates are read; required unless the mode is off.
 * @since 0.1
 */
@ConfigurationProperties("cams.intent-coverage")
public record CamsIntentCoverageProperties(@DefaultValue("off") Mode mode, String custSpaceId) {

  /** What start-up does with intents that no handler answers. */
  public enum Mode {
    /** No check (no management call at start-up). */
    OFF,
    /** Log one warning naming the intent codes and the template buttons that call them. */
    WARN,
    /** Fail start-up with the same description. */
    FAIL
  }
}
