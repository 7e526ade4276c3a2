package io.camssdk.management;

/**
 * A request parameter breaks a rule of the management API; thrown before anything is sent. The message names the
 * parameter (as on the wire, e.g. {@code IntentCode}) and the rule, so the fix is clear:
 * {@code "IntentCode must match [A-Za-z0-9_.-]{1,64} but was 'order status'"}.
 *
 * @since 0.1
 */
public final class CamsValidationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;
  private final String rule;

  public CamsValidationException(String field, String rule, String message) {
    super(message);
    this.field = field;
    this.rule = rule;
  }

  /** The parameter's name on the wire, such as {@code SystemName} or {@code Countries}. */
  public String field() {
    return field;
  }

  /** The rule that was broken, such as {@code "1-64 characters"}. */
  public String rule() {
    return rule;
  }
}
