package io.camssdk.webhook;

import io.camssdk.CamsCode;
import io.camssdk.signature.VerifiedSignature;
import java.nio.charset.StandardCharsets;

/**
 * The reply to write back, plus what happened, for logs and metrics. The body is always JSON:
 * {@code {"Code":"OK","Message":"","Data":{...}}} for a handled intent call, {@code {"Code":..,"Message":..}}
 * otherwise.
 *
 * @param status the HTTP status
 * @param code the outcome
 * @param body the UTF-8 JSON body; do not modify
 * @param requestId the call's request id when it was read, else {@code null}
 * @param intentCode the intent code when the body was parsed, else {@code null}
 * @param signature which token verified the call, or {@code null} when not verified (or an unsigned receipt)
 * @param replayed whether this is the stored reply of a call handled before
 * @param handlerNanos how long the handler ran, or 0 when it did not run
 * @since 0.1
 */
public record EndpointResponse(
    int status,
    CamsCode code,
    byte[] body,
    String requestId,
    String intentCode,
    VerifiedSignature signature,
    boolean replayed,
    long handlerNanos) {

  /** The media type of every reply. */
  public static final String CONTENT_TYPE = "application/json; charset=utf-8";

  /** A copy with the handler's run time set. */
  EndpointResponse withHandlerNanos(long nanos) {
    return new EndpointResponse(status, code, body, requestId, intentCode, signature, replayed, nanos);
  }

  /** The body as text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "EndpointResponse{status=" + status + ", code=" + code.wireName() + ", requestId=" + requestId
        + ", intentCode=" + intentCode + ", replayed=" + replayed + "}";
  }
}
