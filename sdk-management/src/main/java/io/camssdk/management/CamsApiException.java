package io.camssdk.management;

import io.camssdk.CamsCode;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The management API answered with an error ({@link CamsCode#API_ERROR}): the HTTP status and the envelope's
 * {@code Code} (the platform's own code, {@link #errorCode()}), {@code Message}, {@code RequestId} and
 * {@code AccessDeniedDetail}. Branch on {@link #kind()} rather than on the code's text:
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
 * <p>The message is one line and holds the action, status, code, the platform's message, what to do next and the
 * request id (quote it to support); never credentials or signatures. {@link #accessDeniedDetail()} is kept out of
 * the message: it names the RAM policy that denied the call, which belongs in a diagnosis, not in every log line.
 *
 * @since 0.1
 */
public final class CamsApiException extends CamsManagementException {
  private static final long serialVersionUID = 1L;
  private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Z][A-Za-z0-9]{1,63}");

  /** The families of error codes a caller branches on. */
  public enum Kind {
    /** {@code *.NotFound} (the business system or intent does not exist). */
    NOT_FOUND,
    /** {@code *.AlreadyExists} (for example {@code Intent.AlreadyExists}). */
    ALREADY_EXISTS,
    /**
     * {@code System.LimitControl} (the platform's flow control, HTTP 400), {@code Throttling*} or HTTP 429: slow
     * down; retried automatically with backoff within the retry policy.
     */
    THROTTLED,
    /**
     * {@code SignatureDoesNotMatch}, {@code InvalidAccessKeyId.*}, {@code InvalidSecurityToken.*},
     * {@code IncompleteSignature}, {@code InvalidTimeStamp.*}, or HTTP 401/403 without a code: check the
     * credentials and the clock.
     */
    AUTH_FAILURE,
    /**
     * {@code Ram.PermissionDeny}, {@code Product.Unsubscript}, {@code Forbidden*}, {@code NoPermission*}: the
     * caller is authenticated but may not do this (grant the RAM permission, or subscribe to CAMS). Never retried;
     * see {@link CamsApiException#accessDeniedDetail()}.
     */
    PERMISSION_DENIED,
    /** {@code *.NotSupported} (for example {@code OtpScheduling.NotSupported} on a non-WhatsApp channel). */
    NOT_SUPPORTED,
    /**
     * {@code InvalidParameter*} or {@code MissingParameter*}: the platform refused a parameter, named by
     * {@link CamsApiException#parameter()} when the reply says which.
     */
    INVALID_PARAMETER,
    /** {@code ServiceUnavailable} or HTTP 503: try again later. */
    SERVICE_UNAVAILABLE,
    /** Any other code. */
    OTHER
  }

  private final String action;
  private final int httpStatus;
  private final String errorCode;
  private final String errorMessage;
  private final String requestId;
  private final String accessDeniedDetail;
  private final Kind kind;
  private final Duration retryAfter;

  /**
   * @param errorCode the envelope's {@code Code}; {@code "Unknown"} when the reply had no envelope
   * @param errorMessage the envelope's {@code Message}, or {@code ""}
   * @param requestId the envelope's {@code RequestId} (or the {@code x-acs-request-id} header), or {@code ""}
   * @param accessDeniedDetail the envelope's {@code AccessDeniedDetail}, or {@code null}
   * @param retryAfter the reply's {@code Retry-After}, or {@code null}
   */
  CamsApiException(String action, int httpStatus, String errorCode, String errorMessage, String requestId,
      String accessDeniedDetail, Duration retryAfter) {
    this(action, httpStatus, errorCode == null || errorCode.isEmpty() ? "Unknown" : errorCode,
        errorMessage == null ? "" : errorMessage, requestId == null ? "" : requestId,
        accessDeniedDetail == null || accessDeniedDetail.isEmpty() ? null : accessDeniedDetail, retryAfter, true);
  }

  private CamsApiException(String action, int httpStatus, String errorCode, String errorMessage, String requestId,
      String accessDeniedDetail, Duration retryAfter, boolean normalised) {
    super(CamsCode.API_ERROR, format(action, httpStatus, errorCode, errorMessage, requestId,
        kindOf(errorCode, httpStatus), accessDeniedDetail != null), null);
    this.action = action;
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
    this.errorMessage = errorMessage;
    this.requestId = requestId;
    this.accessDeniedDetail = accessDeniedDetail;
    this.kind = kindOf(errorCode, httpStatus);
    this.retryAfter = retryAfter;
  }

  private static String format(String action, int status, String code, String message, String requestId, Kind kind,
      boolean hasDetail) {
    StringBuilder out = new StringBuilder(action).append(" failed: HTTP ").append(status).append(' ').append(code);
    if (!message.isEmpty()) {
      String line = message.replaceAll("[\\r\\n\\t]+", " ");
      out.append(": ").append(line.length() > 300 ? line.substring(0, 300) + "…" : line);
    }
    String next = switch (kind) {
      case AUTH_FAILURE -> "check the AccessKey pair, the security token and the clock";
      case PERMISSION_DENIED -> "grant the RAM user cams:" + action + " or subscribe to CAMS"
          + (hasDetail ? " (see accessDeniedDetail())" : "");
      case THROTTLED -> "slow down: the platform's flow control refused the call";
      default -> null;
    };
    if (next != null) {
      out.append("; ").append(next);
    }
    if (!requestId.isEmpty()) {
      out.append(" (RequestId ").append(requestId).append(')');
    }
    return out.toString();
  }

  /** The family of {@code code}, falling back on the HTTP status when the code is not one we know. */
  public static Kind kindOf(String code, int httpStatus) {
    if (code.equals("SignatureDoesNotMatch") || code.startsWith("InvalidAccessKeyId")
        || code.startsWith("InvalidSecurityToken") || code.equals("IncompleteSignature")
        || code.startsWith("InvalidTimeStamp") || code.equals("SignatureNonceUsed")) {
      return Kind.AUTH_FAILURE;
    }
    if (code.equals("Ram.PermissionDeny") || code.equals("Product.Unsubscript") || code.startsWith("Forbidden")
        || code.startsWith("NoPermission")) {
      return Kind.PERMISSION_DENIED;
    }
    if (code.equals("System.LimitControl") || code.equals("Throttling") || code.startsWith("Throttling.")) {
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
    return switch (httpStatus) {
      case 429 -> Kind.THROTTLED;
      case 503 -> Kind.SERVICE_UNAVAILABLE;
      case 401, 403 -> code.equals("Unknown") ? Kind.AUTH_FAILURE : Kind.OTHER;
      default -> Kind.OTHER;
    };
  }

  /** The API action, such as {@code CreateIntent}. */
  public String action() {
    return action;
  }

  /** The HTTP status of the reply. */
  public int httpStatus() {
    return httpStatus;
  }

  /**
   * The platform's own {@code Code}, such as {@code Intent.NotFound} or {@code System.LimitControl};
   * {@code "Unknown"} without an envelope. ({@link #code()} is the SDK's {@link CamsCode#API_ERROR}.)
   */
  public String errorCode() {
    return errorCode;
  }

  /** The envelope's {@code Message}, or {@code ""}. */
  public String errorMessage() {
    return errorMessage;
  }

  /** The platform's request id, or {@code ""}; quote it when asking support. */
  public String requestId() {
    return requestId;
  }

  /**
   * The envelope's {@code AccessDeniedDetail}: on a permission failure, which RAM policy denied which action
   * (Alibaba Cloud's diagnosis text, as sent). Empty when the reply had none.
   */
  public Optional<String> accessDeniedDetail() {
    return Optional.ofNullable(accessDeniedDetail);
  }

  /**
   * For {@link Kind#INVALID_PARAMETER}: the refused parameter, from the code ({@code InvalidParameter.PageSize})
   * or, failing that, from the message when it starts with the parameter's name ({@code "ApiUrl must use
   * https"}). Empty for other kinds or when the reply does not say.
   */
  public Optional<String> parameter() {
    if (kind != Kind.INVALID_PARAMETER) {
      return Optional.empty();
    }
    int dot = errorCode.indexOf('.');
    if (dot > 0 && dot < errorCode.length() - 1) {
      return Optional.of(errorCode.substring(dot + 1));
    }
    int space = errorMessage.indexOf(' ');
    String first = space < 0 ? errorMessage : errorMessage.substring(0, space);
    return PARAMETER_NAME.matcher(first).matches() ? Optional.of(first) : Optional.empty();
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
