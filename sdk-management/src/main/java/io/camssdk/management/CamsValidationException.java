package io.camssdk.management;

import io.camssdk.CamsCode;

/**
 * A request parameter breaks a rule of the management API; thrown before anything is sent, with the code
 * {@link CamsCode#INVALID_PARAMETER}. The message names the parameter (as on the wire, e.g. {@code IntentCode}) and
 * the rule, so the fix is clear: {@code "IntentCode must match [A-Za-z0-9_.-]{1,64} but was 'order status'"}.
 *
 * <pre>{@code
 * try {
 *   CreateIntentRequest.builder().intentCode("order status")...build();
 * } catch (CamsValidationException e) {
 *   e.parameter(); // "IntentCode"
 * }
 * }</pre>
 *
 * <p>A parameter the platform itself refuses is a {@link CamsApiException} of kind
 * {@link CamsApiException.Kind#INVALID_PARAMETER}, whose {@link CamsApiException#parameter()} names it when it can.
 *
 * @since 0.1
 */
public final class CamsValidationException extends CamsManagementException {
  private static final long serialVersionUID = 1L;

  private final String parameter;
  private final String rule;

  CamsValidationException(String parameter, String rule, String message) {
    super(CamsCode.INVALID_PARAMETER, message, null);
    this.parameter = parameter;
    this.rule = rule;
  }

  /** The parameter's name on the wire, such as {@code SystemName} or {@code Countries}. */
  public String parameter() {
    return parameter;
  }

  /** The rule that was broken, such as {@code "1-64 characters"}. */
  public String rule() {
    return rule;
  }
}
