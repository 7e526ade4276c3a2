package io.camssdk;

import java.util.Objects;

/**
 * Base of the SDK's unchecked exceptions for a rejected platform call. It carries the {@link CamsCode} that the
 * endpoint answers with; its message is one line and never holds a token, a signature or a body.
 *
 * @since 0.1
 */
public class CamsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final CamsCode code;

  public CamsException(CamsCode code, String message) {
    super(message, null, false, false);
    this.code = Objects.requireNonNull(code, "code");
  }

  public CamsException(CamsCode code, String message, Throwable cause) {
    super(message, cause, false, false);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** The code of the reply this failure produces. */
  public CamsCode code() {
    return code;
  }
}
