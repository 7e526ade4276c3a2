package io.camssdk.webhook;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An incoming HTTP request as the endpoint needs it: method, media type, headers, the raw query string, and the
 * body, either as a stream (which the endpoint reads itself, so that the size limit holds while reading) or as bytes
 * the framework already holds. Immutable apart from the stream, which the endpoint reads once.
 *
 * <pre>{@code
 * EndpointRequest request = EndpointRequest.builder("POST")
 *     .contentType(contentTypeHeader)
 *     .headers(name -> headersOf(name))
 *     .queryString(rawQueryString)
 *     .body(bodyStream, contentLengthOrMinusOne)
 *     .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class EndpointRequest {
  private static final byte[] EMPTY = new byte[0];

  private final String method;
  private final String contentType;
  private final HeaderSource headers;
  private final long contentLength;
  private final InputStream body;
  private final byte[] bodyBytes;
  private final String queryString;

  /**
   * A request whose body is read from a stream.
   *
   * @param method the HTTP method
   * @param contentType the {@code Content-Type} header, or {@code null}
   * @param headers the request headers
   * @param contentLength the declared length, or {@code -1} when unknown (chunked); only used to reject early
   * @param body the body stream; the endpoint reads at most the limit plus one byte and does not close it
   */
  public EndpointRequest(String method, String contentType, HeaderSource headers, long contentLength,
      InputStream body) {
    this(method, contentType, headers, contentLength, Objects.requireNonNull(body, "body"), null, null);
  }

  private EndpointRequest(String method, String contentType, HeaderSource headers, long contentLength,
      InputStream body, byte[] bodyBytes, String queryString) {
    this.method = Objects.requireNonNull(method, "method");
    this.contentType = contentType;
    this.headers = Objects.requireNonNull(headers, "headers");
    this.contentLength = contentLength;
    this.body = body;
    this.bodyBytes = bodyBytes;
    this.queryString = queryString;
  }

  /** Starts a request of {@code method}; the body defaults to empty. */
  public static Builder builder(String method) {
    return new Builder(method);
  }

  /** A {@code POST} with a body already in memory, for tests and frameworks that buffer bodies themselves. */
  public static EndpointRequest post(String contentType, Map<String, String> headers, byte[] body) {
    return builder("POST").contentType(contentType).headers(HeaderSource.of(headers)).body(body).build();
  }

  /** The HTTP method. */
  public String method() {
    return method;
  }

  /** The {@code Content-Type} header, or {@code null}. */
  public String contentType() {
    return contentType;
  }

  /** The request headers. */
  public HeaderSource headers() {
    return headers;
  }

  /** The declared body length, or {@code -1} when unknown. */
  public long contentLength() {
    return bodyBytes != null ? bodyBytes.length : contentLength;
  }

  /** The body as a stream (a new stream over the bytes when the request holds them). */
  public InputStream body() {
    return body != null ? body : new ByteArrayInputStream(bodyBytes);
  }

  /** The raw query string (without {@code ?}, still percent-encoded), or {@code null} when there is none. */
  public String queryString() {
    return queryString;
  }

  /** Every value of query parameter {@code name} (case-sensitive), decoded; empty when absent. */
  public List<String> queryParameter(String name) {
    List<String> values = queryParameters().get(name);
    return values == null ? List.of() : values;
  }

  /** Every query parameter, decoded, in order of first appearance; a malformed escape keeps the raw text. */
  public Map<String, List<String>> queryParameters() {
    if (queryString == null || queryString.isEmpty()) {
      return Map.of();
    }
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    for (String pair : queryString.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      parameters.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value);
    }
    parameters.replaceAll((name, values) -> List.copyOf(values));
    return parameters;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text; // a malformed escape: what arrived is compared as it is
    }
  }

  /** The bytes the framework handed over, or {@code null} when the body is a stream. */
  byte[] bodyBytes() {
    return bodyBytes;
  }

  @Override
  public String toString() {
    // Header values and the body may carry credentials: only the shape is printed.
    return "EndpointRequest{method=" + method + ", contentType=" + contentType + ", contentLength="
        + contentLength() + "}";
  }

  /** Builds an {@link EndpointRequest}. */
  public static final class Builder {
    private final String method;
    private String contentType;
    private HeaderSource headers = name -> List.of();
    private long contentLength = 0;
    private InputStream body;
    private byte[] bodyBytes = EMPTY;
    private String queryString;

    private Builder(String method) {
      this.method = Objects.requireNonNull(method, "method");
    }

    /** The {@code Content-Type} header, or {@code null}. */
    public Builder contentType(String contentType) {
      this.contentType = contentType;
      return this;
    }

    /** The request headers (default: none). */
    public Builder headers(HeaderSource headers) {
      this.headers = Objects.requireNonNull(headers, "headers");
      return this;
    }

    /**
     * The headers from a map whose values are a {@code String} or a collection of them (names ignore case), the
     * way many frameworks hold them.
     */
    public Builder headers(Map<String, ?> headers) {
      Objects.requireNonNull(headers, "headers");
      Map<String, List<String>> multi = new LinkedHashMap<>();
      headers.forEach((name, value) -> {
        List<String> values = multi.computeIfAbsent(name, n -> new ArrayList<>(1));
        if (value instanceof Collection<?> many) {
          many.forEach(v -> values.add(String.valueOf(v)));
        } else if (value != null) {
          values.add(value.toString());
        }
      });
      this.headers = HeaderSource.ofMulti(multi);
      return this;
    }

    /** The raw query string, without {@code ?} and still percent-encoded (as servlets' getQueryString()). */
    public Builder queryString(String queryString) {
      this.queryString = queryString;
      return this;
    }

    /** A body the framework already holds; it is not copied, so do not change it while the call is handled. */
    public Builder body(byte[] body) {
      this.bodyBytes = Objects.requireNonNull(body, "body");
      this.body = null;
      return this;
    }

    /** A body to read from {@code stream}, with its declared length ({@code -1} when unknown). */
    public Builder body(InputStream stream, long contentLength) {
      this.body = Objects.requireNonNull(stream, "stream");
      this.bodyBytes = null;
      this.contentLength = contentLength;
      return this;
    }

    public EndpointRequest build() {
      return new EndpointRequest(method, contentType, headers, contentLength, body, bodyBytes, queryString);
    }
  }
}
