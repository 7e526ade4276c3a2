package io.camssdk.management;

import io.camssdk.CamsCode;
import io.camssdk.CamsException;

/**
 * A management call failed: the platform refused it ({@link CamsApiException}, code {@link CamsCode#API_ERROR}),
 * no usable reply arrived ({@link CamsTransportException}, {@link CamsCode#TRANSPORT_ERROR}), or a parameter broke
 * a rule and nothing was sent ({@link CamsValidationException}, {@link CamsCode#INVALID_PARAMETER}).
 *
 * <pre>{@code
 * try {
 *   cams.listBusinessSystems(space);
 * } catch (CamsManagementException e) {
 *   switch (e.code()) { case API_ERROR -> ...; case TRANSPORT_ERROR -> ...; default -> throw e; }
 * }
 * }</pre>
 *
 * <p>Unlike endpoint rejections these failures keep their stack trace, and a retried call attaches the failures of
 * its earlier attempts as suppressed exceptions. Messages are one line and never hold a secret.
 *
 * @since 0.1
 */
public abstract sealed class CamsManagementException extends CamsException
    permits CamsApiException, CamsTransportException, CamsValidationException {
  private static final long serialVersionUID = 1L;

  CamsManagementException(CamsCode code, String message, Throwable cause) {
    super(code, message, cause, true);
  }
}
