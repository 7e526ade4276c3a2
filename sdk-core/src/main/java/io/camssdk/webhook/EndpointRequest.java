package io.camssdk.webhook;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.Objects;

/**
 * An incoming HTTP request as the endpoint needs it: method, media type, headers and the body as a stream, which
 * the endpoint reads itself so that the size limit holds while reading.
 *
 * <pre>{@code
 * EndpointRequest request = new EndpointRequest(
 *     "POST", contentTypeHeader, name -> headersOf(name), contentLengthOrMinusOne, bodyStream);
 * }</pre>
 *
 * @param method the HTTP method
 * @param contentType the {@code Content-Type} header, or {@code null}
 * @param headers the request headers
 * @param contentLength the declared length, or {@code -1} when unknown (chunked); only used to reject early
 * @param body the body stream; the endpoint reads at most the limit plus one byte and does not close it
 * @since 0.1
 */
public record EndpointRequest(
    String method, String contentType, HeaderSource headers, long contentLength, InputStream body) {

  public EndpointRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
  }

  /** A {@code POST} with a body already in memory, for tests and frameworks that buffer bodies themselves. */
  public static EndpointRequest post(String contentType, Map<String, String> headers, byte[] body) {
    return new EndpointRequest("POST", contentType, HeaderSource.of(headers), body.length,
        new ByteArrayInputStream(body));
  }
}
