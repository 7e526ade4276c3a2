package io.camssdk.management;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A management call got no reply: the connection failed, timed out or was cancelled, on every attempt allowed.
 * The cause is the last {@link IOException} (for example a {@link java.net.SocketTimeoutException}); failures of
 * earlier attempts are attached as suppressed exceptions. Whether the platform performed the action is unknown:
 * read it back (list or get) before repeating a non-idempotent action.
 *
 * @since 0.1
 */
public final class CamsTransportException extends UncheckedIOException {
  private static final long serialVersionUID = 1L;

  private final String action;
  private final int attempts;

  public CamsTransportException(String action, int attempts, IOException cause) {
    super(action + " failed after " + attempts + (attempts == 1 ? " attempt: " : " attempts: ")
        + describe(cause), cause);
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
}
