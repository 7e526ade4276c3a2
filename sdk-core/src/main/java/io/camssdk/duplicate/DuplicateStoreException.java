package io.camssdk.duplicate;

import io.camssdk.CamsCode;
import io.camssdk.CamsException;

/**
 * The duplicate store cannot be reached or failed. The endpoint answers {@code 503 StoreUnavailable} and does not
 * run the handler; the platform retries the call later. Check the store's connectivity and timeouts.
 *
 * @since 0.1
 */
public final class DuplicateStoreException extends CamsException {
  private static final long serialVersionUID = 1L;

  public DuplicateStoreException(String message, Throwable cause) {
    super(CamsCode.STORE_UNAVAILABLE, message, cause);
  }

  public DuplicateStoreException(String message) {
    super(CamsCode.STORE_UNAVAILABLE, message);
  }
}
