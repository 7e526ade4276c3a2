package io.camssdk.webhook;

import io.camssdk.CamsCode;
import io.camssdk.signature.VerifiedSignature;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The reply to write back, plus what happened, for logs and metrics. The body is always JSON:
 * {@code {"Code":"OK","Message":"","Data":{...}}} for a handled intent call, {@code {"Code":..,"Message":..}}
 * otherwise. Immutable: the body is handed out as a copy, a read-only view, or written to a stream.
 *
 * <pre>{@code
 * EndpointResponse reply = endpoint.handleIntent(request);
 * response.setStatus(reply.status());
 * response.setContentType(EndpointResponse.CONTENT_TYPE);
 * response.setContentLength(reply.bodyLength());
 * reply.writeTo(response.getOutputStream());
 * }</pre>
 *
 * @since 0.1
 */
public final class EndpointResponse {
  /** The media type of every reply. */
  public static final String CONTENT_TYPE = "application/json; charset=utf-8";

  private final int status;
  private final CamsCode code;
  private final byte[] body;
  private final String requestId;
  private final String intentCode;
  private final VerifiedSignature signature;
  private final boolean replayed;
  private final long handlerNanos;

  private EndpointResponse(int status, CamsCode code, byte[] body, String requestId, String intentCode,
      VerifiedSignature signature, boolean replayed, long handlerNanos) {
    this.status = status;
    this.code = Objects.requireNonNull(code, "code");
    this.body = Objects.requireNonNull(body, "body");
    this.requestId = requestId;
    this.intentCode = intentCode;
    this.signature = signature;
    this.replayed = replayed;
    this.handlerNanos = handlerNanos;
  }

  /** A reply the endpoint produced; {@code body} is owned by the response from now on (not copied). */
  static EndpointResponse of(int status, CamsCode code, byte[] body, String requestId, String intentCode,
      VerifiedSignature signature, boolean replayed, long handlerNanos) {
    return new EndpointResponse(status, code, body, requestId, intentCode, signature, replayed, handlerNanos);
  }

  /** A copy with the handler's run time set. */
  EndpointResponse withHandlerNanos(long nanos) {
    return new EndpointResponse(status, code, body, requestId, intentCode, signature, replayed, nanos);
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The outcome. */
  public CamsCode code() {
    return code;
  }

  /** A copy of the UTF-8 JSON body. Prefer {@link #writeTo} or {@link #bodyBuffer()} on hot paths. */
  public byte[] body() {
    return body.clone();
  }

  /** The body as a read-only view, without copying. */
  public ByteBuffer bodyBuffer() {
    return ByteBuffer.wrap(body).asReadOnlyBuffer();
  }

  /** The body's length in bytes, for {@code Content-Length}. */
  public int bodyLength() {
    return body.length;
  }

  /** Writes the body to {@code out} (which it does not close). */
  public void writeTo(OutputStream out) throws IOException {
    out.write(body);
  }

  /** The body as text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The call's request id when it was read and well formed, else {@code null}. */
  public String requestId() {
    return requestId;
  }

  /** The intent code when the body was parsed, else {@code null}. */
  public String intentCode() {
    return intentCode;
  }

  /** Which token verified the call, or {@code null} when not verified (or an unsigned receipt). */
  public VerifiedSignature signature() {
    return signature;
  }

  /** Whether this is the stored reply of a call handled before. */
  public boolean replayed() {
    return replayed;
  }

  /** How long the handler ran, or 0 when it did not run. */
  public long handlerNanos() {
    return handlerNanos;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof EndpointResponse o && status == o.status && code == o.code
        && Arrays.equals(body, o.body) && Objects.equals(requestId, o.requestId)
        && Objects.equals(intentCode, o.intentCode) && Objects.equals(signature, o.signature)
        && replayed == o.replayed && handlerNanos == o.handlerNanos;
  }

  @Override
  public int hashCode() {
    return Objects.hash(status, code, Arrays.hashCode(body), requestId, intentCode, signature, replayed,
        handlerNanos);
  }

  @Override
  public String toString() {
    return "EndpointResponse{status=" + status + ", code=" + code.wireName() + ", requestId=" + requestId
        + ", intentCode=" + intentCode + ", replayed=" + replayed + "}";
  }
}
