package io.camssdk.management;

import io.camssdk.CamsCode;
import java.io.IOException;

/**
 * A management call got no usable reply: the connection failed, was closed, timed out or was cancelled, on every
 * attempt allowed ({@link CamsCode#TRANSPORT_ERROR}). The cause is the last {@link IOException} (for example a
 * {@link java.net.SocketTimeoutException}); failures of earlier attempts are attached as suppressed exceptions.
 *
 * <p>Whether the platform performed the action is unknown: read it back ({@code List*} or {@code Get*}) before
 * repeating a non-idempotent action such as {@code CreateIntent}.
 *
 * @since 0.1
 */
public final class CamsTransportException extends CamsManagementException {
  private static final long serialVersionUID = 1L;

  private final String action;
  private final int attempts;

  CamsTransportException(String action, int attempts, IOException cause) {
    super(CamsCode.TRANSPORT_ERROR, action + " failed after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ")
        + describe(cause) + "; the platform may or may not have performed it: read it back before repeating a"
        + " create", cause);
    this.action = action;
    this.attempts = attempts;
  }

  private static String describe(IOException cause) {
    String message = cause.getMessage();
    return cause.getClass().getSimpleName() + (message == null ? "" : " (" + message.replace('\n', ' ') + ")");
  }

  /** The API action, such as {@code CreateIntent}. */
  public String action() {
    return action;
  }

  /** How many attempts were made. */
  public int attempts() {
    return attempts;
  }

  /** The last attempt's failure. */
  @Override
  public synchronized IOException getCause() {
    return (IOException) super.getCause();
  }
}
