package io.camssdk.signature;

import io.camssdk.CamsCode;
import io.camssdk.CamsException;

/**
 * A call's signature headers are missing, stale or do not match any active token. The {@link #code()} is
 * {@link CamsCode#MISSING_SIGNATURE}, {@link CamsCode#STALE_TIMESTAMP} or {@link CamsCode#INVALID_SIGNATURE};
 * the message is a fixed sentence that never repeats a header value.
 *
 * @since 0.1
 */
public final class SignatureVerificationException extends CamsException {
  private static final long serialVersionUID = 1L;

  public SignatureVerificationException(CamsCode code, String message) {
    super(code, message);
  }
}
