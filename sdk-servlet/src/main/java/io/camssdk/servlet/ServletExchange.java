package io.camssdk.servlet;

import io.camssdk.webhook.EndpointRequest;
import io.camssdk.webhook.EndpointResponse;
import io.camssdk.webhook.HeaderSource;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The two halves of serving {@link io.camssdk.webhook.CamsEndpoint} from a servlet: the request as the endpoint
 * reads it, and its reply written back.
 *
 * <p>{@link #adapt} hands the endpoint the container's stream, which it reads with blocking reads: a slow sender
 * then holds the thread for as long as the container's idle timeout allows between two bytes. A servlet of an
 * application's own should rather use {@link ServletCallHandler}, which reads the body without holding a thread,
 * within a read deadline, and answers every failure in JSON; this module's servlets do.
 *
 * <pre>{@code
 * protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
 *   ServletExchange.write(endpoint.handleIntent(ServletExchange.adapt(request)), response);
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class ServletExchange {
  private ServletExchange() {}

  /**
   * The servlet request as the endpoint reads it. The body stream is passed as is: the endpoint reads it once, up
   * to its limit plus one byte, so a too-large (or chunked, endless) body is never buffered whole.
   */
  public static EndpointRequest adapt(HttpServletRequest request) throws IOException {
    return EndpointRequest.builder(request.getMethod())
        .contentType(request.getContentType())
        .headers(headers(request))
        .queryString(request.getQueryString())
        .body(request.getInputStream(), request.getContentLengthLong())
        .build();
  }

  /** The request's headers, names included (diagnose mode lists the names that arrived, never their values). */
  static HeaderSource headers(HttpServletRequest request) {
    return new HeaderSource() {
      @Override
      public List<String> values(String name) {
        return headerValues(request, name);
      }

      @Override
      public Set<String> names() {
        Enumeration<String> names = request.getHeaderNames();
        return names == null ? Set.of() : new LinkedHashSet<>(Collections.list(names));
      }
    };
  }

  static List<String> headerValues(HttpServletRequest request, String name) {
    Enumeration<String> values = request.getHeaders(name);
    return values == null ? List.of() : Collections.list(values);
  }

  /**
   * Writes status, media type and body. Rejections made before the body was read (405, 415, 413) close the
   * connection and are flushed at once: a container draining the unread, possibly endless, body must not hold the
   * reply back, nor keep a connection whose framing it would have to skip.
   */
  public static void write(EndpointResponse reply, HttpServletResponse response) throws IOException {
    int status = reply.status();
    boolean bodyMayBeUnread = status == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE
        || status == HttpServletResponse.SC_METHOD_NOT_ALLOWED
        || status == HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE;
    response.setStatus(status);
    response.setContentType(EndpointResponse.CONTENT_TYPE);
    response.setContentLength(reply.bodyLength());
    if (status == HttpServletResponse.SC_METHOD_NOT_ALLOWED) {
      response.setHeader("Allow", "POST");
    }
    if (bodyMayBeUnread) {
      response.setHeader("Connection", "close");
    }
    reply.writeTo(response.getOutputStream());
    if (bodyMayBeUnread) {
      response.flushBuffer();
    }
  }

}
