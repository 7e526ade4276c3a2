package io.camssdk;

import java.util.Objects;

/**
 * The root of every failure the SDK raises: a rejected platform call, a configuration rule broken at start-up, a
 * management call refused by the platform or lost in transport. It carries a {@link CamsCode}; its message is one
 * line and never holds a token, a secret, a header value or a body.
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

  /**
   * For failures raised in the application, where a stack trace and suppressed earlier failures (such as the
   * attempts of a retried management call) help the caller; endpoint rejections keep neither.
   */
  protected CamsException(CamsCode code, String message, Throwable cause, boolean keepTrace) {
    super(message, cause, keepTrace, keepTrace);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** The code of the reply this failure produces. */
  public CamsCode code() {
    return code;
  }
}
