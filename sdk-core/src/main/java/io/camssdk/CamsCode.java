package io.camssdk;

/**
 * Every outcome the SDK names: first the answers an endpoint gives to a platform call (an HTTP status and the
 * machine-readable {@code Code} of the reply body, in the order in which an endpoint checks a call), then the
 * failures it raises in the application (configuration, management calls). Every {@link CamsException} carries one.
 *
 * <pre>{@code
 * CamsCode code = CamsCode.INVALID_SIGNATURE;
 * code.httpStatus(); // 401
 * code.wireName();   // "InvalidSignature"
 * }</pre>
 *
 * @since 0.1
 */
public enum CamsCode {
  /** The call was handled. */
  OK(200, "OK"),
  /** The method is not {@code POST}. */
  METHOD_NOT_ALLOWED(405, "MethodNotAllowed"),
  /** The {@code Content-Type} is not JSON in UTF-8. */
  UNSUPPORTED_MEDIA_TYPE(415, "UnsupportedMediaType"),
  /** The body is larger than the configured limit. */
  PAYLOAD_TOO_LARGE(413, "PayloadTooLarge"),
  /** The whole body did not arrive within the adapter's read deadline (a slow or stalled sender). */
  REQUEST_TIMEOUT(408, "RequestTimeout"),
  /** The signature or request-id header is missing or cannot be parsed. */
  MISSING_SIGNATURE(401, "MissingSignature"),
  /** The timestamp header is missing, not a number, or outside the tolerance. */
  STALE_TIMESTAMP(401, "StaleTimestamp"),
  /** No signature entry matches any active token. */
  INVALID_SIGNATURE(401, "InvalidSignature"),
  /** The body is not JSON, has the wrong shape, lacks a required field or breaks a limit. */
  MALFORMED_PAYLOAD(400, "MalformedPayload"),
  /** No handler is registered for the intent code and there is no default handler. */
  UNKNOWN_INTENT(404, "UnknownIntent"),
  /** The same request id is still being handled. */
  IN_PROGRESS(409, "InProgress"),
  /** The handler threw; details are only in the logs. */
  HANDLER_ERROR(500, "HandlerError"),
  /** The duplicate store cannot be reached; the handler did not run and the platform will retry. */
  STORE_UNAVAILABLE(503, "StoreUnavailable"),
  /**
   * Something other than the handler or the store failed unexpectedly while answering (an adapter's header source
   * or body stream, or the SDK itself); details are only in the logs, and the platform retries.
   *
   * @since 0.2
   */
  INTERNAL_ERROR(500, "InternalError"),

  // Failures the SDK raises in the application rather than answers to the platform. Their HTTP status is the
  // one an application would answer with if it let the failure surface.

  /** A builder, property or init parameter breaks a rule; raised at start-up. */
  INVALID_CONFIGURATION(500, "InvalidConfiguration"),
  /** A management request breaks a documented rule and was not sent. */
  INVALID_PARAMETER(400, "InvalidParameter"),
  /** The CAMS OpenAPI answered a management call with an error; the platform's own code is on the exception. */
  API_ERROR(502, "ApiError"),
  /** A management call got no usable reply (connection, timeout, unreadable body). */
  TRANSPORT_ERROR(504, "TransportError");

  private final int httpStatus;
  private final String wireName;

  CamsCode(int httpStatus, String wireName) {
    this.httpStatus = httpStatus;
    this.wireName = wireName;
  }

  /** The HTTP status of a reply with this code. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The value of the {@code Code} field, as on the wire. */
  public String wireName() {
    return wireName;
  }

  /** Whether the platform retries a call answered with this code (408, 409, 429 or 5xx). */
  public boolean retriedByPlatform() {
    return httpStatus == 408 || httpStatus == 409 || httpStatus == 429 || httpStatus >= 500;
  }
}
