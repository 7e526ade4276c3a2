package io.camssdk.spring.autoconfigure;

import io.camssdk.servlet.ServletExchange;
import io.camssdk.webhook.CamsEndpoint;
import io.camssdk.webhook.EndpointResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The endpoint on the servlet stack: hands method, media type, headers and the body stream to {@link CamsEndpoint}
 * (which reads the body itself within the limit) and writes its reply. Every HTTP method comes here, so that the
 * endpoint answers {@code 405 MethodNotAllowed} in its own format.
 */
final class CamsEndpointServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** What each servlet path serves: {@code intent} or a receipt kind. */
  private final transient Map<String, String> kinds;
  private final transient CamsEndpoint endpoint;
  private final transient List<CamsCallListener> listeners;

  CamsEndpointServlet(CamsEndpoint endpoint, Map<String, String> kinds, List<CamsCallListener> listeners) {
    this.endpoint = endpoint;
    this.kinds = Map.copyOf(kinds);
    this.listeners = List.copyOf(listeners);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String kind = kinds.get(request.getServletPath());
    if (kind == null) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return;
    }
    EndpointResponse out = CamsEndpointKinds.handle(endpoint, kind, ServletExchange.adapt(request));
    for (CamsCallListener listener : listeners) {
      listener.onCall(kind, out); // before the reply leaves, so a client that saw it also sees the metrics
    }
    ServletExchange.write(out, response);
  }
}
