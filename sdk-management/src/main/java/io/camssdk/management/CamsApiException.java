package io.camssdk.management;

import java.time.Duration;
import java.util.Optional;

/**
 * The management API answered with an error: an HTTP status and the envelope's {@code Code}, {@code Message} and
 * {@code RequestId}. Branch on {@link #kind()} rather than on the code's text:
 *
 * <pre>{@code
 * try {
 *   client.createIntent(request);
 * } catch (CamsApiException e) {
 *   if (e.kind() != CamsApiException.Kind.ALREADY_EXISTS) throw e;
 *   client.modifyIntent(ModifyIntentRequest.from(request));
 * }
 * }</pre>
 *
 * <p>The message is one line and holds the action, status, code, the platform's message and the request id (quote
 * it to support); never credentials or signatures.
 *
 * @since 0.1
 */
public final class CamsApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The families of error codes a caller branches on. */
  public enum Kind {
    /** {@code *.NotFound} (the business system or intent does not exist). */
    NOT_FOUND,
    /** {@code *.AlreadyExists} (for example {@code Intent.AlreadyExists}). */
    ALREADY_EXISTS,
    /** {@code Throttling*} or HTTP 429: slow down; retried automatically within the retry policy. */
    THROTTLED,
    /**
     * {@code SignatureDoesNotMatch}, {@code InvalidAccessKeyId.*}, {@code InvalidSecurityToken.*},
     * {@code IncompleteSignature}, or HTTP 401/403 without a code: check the credentials and the clock.
     */
    AUTH_FAILURE,
    /** {@code *.NotSupported} (for example {@code OtpScheduling.NotSupported} on a non-WhatsApp channel). */
    NOT_SUPPORTED,
    /** {@code InvalidParameter*} or {@code MissingParameter*}: the platform refused a parameter. */
    INVALID_PARAMETER,
    /** {@code ServiceUnavailable} or HTTP 503: try again later. */
    SERVICE_UNAVAILABLE,
    /** Any other code. */
    OTHER
  }

  private final String action;
  private final int httpStatus;
  private final String code;
  private final String errorMessage;
  private final String requestId;
  private final Kind kind;
  private final Duration retryAfter;

  /**
   * @param code the envelope's {@code Code}; {@code "Unknown"} when the reply had no envelope
   * @param errorMessage the envelope's {@code Message}, or {@code ""}
   * @param requestId the envelope's {@code RequestId} (or the {@code x-acs-request-id} header), or {@code ""}
   * @param retryAfter the reply's {@code Retry-After}, or {@code null}
   */
  public CamsApiException(String action, int httpStatus, String code, String errorMessage, String requestId,
      Duration retryAfter) {
    super(format(action, httpStatus, code, errorMessage, requestId));
    this.action = action;
    this.httpStatus = httpStatus;
    this.code = code == null || code.isEmpty() ? "Unknown" : code;
    this.errorMessage = errorMessage == null ? "" : errorMessage;
    this.requestId = requestId == null ? "" : requestId;
    this.kind = kindOf(this.code, httpStatus);
    this.retryAfter = retryAfter;
  }

  private static String format(String action, int status, String code, String message, String requestId) {
    StringBuilder out = new StringBuilder(action).append(" failed: HTTP ").append(status).append(' ')
        .append(code == null || code.isEmpty() ? "Unknown" : code);
    if (message != null && !message.isEmpty()) {
      String line = message.replaceAll("[\\r\\n\\t]+", " ");
      out.append(": ").append(line.length() > 300 ? line.substring(0, 300) + "…" : line);
    }
    if (requestId != null && !requestId.isEmpty()) {
      out.append(" (RequestId ").append(requestId).append(')');
    }
    return out.toString();
  }

  /** The family of {@code code}, falling back on the HTTP status when the code is not one we know. */
  public static Kind kindOf(String code, int httpStatus) {
    if (code.equals("SignatureDoesNotMatch") || code.startsWith("InvalidAccessKeyId")
        || code.startsWith("InvalidSecurityToken") || code.equals("IncompleteSignature")) {
      return Kind.AUTH_FAILURE;
    }
    if (code.equals("Throttling") || code.startsWith("Throttling.")) {
      return Kind.THROTTLED;
    }
    if (code.endsWith(".NotFound") || code.equals("NotFound")) {
      return Kind.NOT_FOUND;
    }
    if (code.endsWith(".AlreadyExists") || code.equals("AlreadyExists")) {
      return Kind.ALREADY_EXISTS;
    }
    if (code.endsWith(".NotSupported") || code.equals("NotSupported")) {
      return Kind.NOT_SUPPORTED;
    }
    if (code.equals("InvalidParameter") || code.startsWith("InvalidParameter.")
        || code.equals("MissingParameter") || code.startsWith("MissingParameter.")) {
      return Kind.INVALID_PARAMETER;
    }
    if (code.equals("ServiceUnavailable") || code.startsWith("ServiceUnavailable.")) {
      return Kind.SERVICE_UNAVAILABLE;
    }
    switch (httpStatus) {
      case 429: return Kind.THROTTLED;
      case 503: return Kind.SERVICE_UNAVAILABLE;
      case 401:
      case 403: return code.equals("Unknown") ? Kind.AUTH_FAILURE : Kind.OTHER;
      default: return Kind.OTHER;
    }
  }

  /** The API action, such as {@code CreateIntent}. */
  public String action() {
    return action;
  }

  /** The HTTP status of the reply. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The envelope's {@code Code}, such as {@code Intent.NotFound}; {@code "Unknown"} without an envelope. */
  public String code() {
    return code;
  }

  /** The envelope's {@code Message}, or {@code ""}. */
  public String errorMessage() {
    return errorMessage;
  }

  /** The platform's request id, or {@code ""}; quote it when asking support. */
  public String requestId() {
    return requestId;
  }

  /** The family of the code. */
  public Kind kind() {
    return kind;
  }

  /** The delay the platform asked for with {@code Retry-After}, if any. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
