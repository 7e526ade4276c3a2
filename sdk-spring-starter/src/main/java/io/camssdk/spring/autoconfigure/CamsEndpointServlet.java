package io.camssdk.spring.autoconfigure;

import io.camssdk.servlet.ServletCallHandler;
import io.camssdk.webhook.CamsEndpoint;
import io.camssdk.webhook.EndpointResponse;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The endpoint on the servlet stack: {@link ServletCallHandler} reads the body without holding a thread (the
 * registration is async-supported by default), within its read deadline and the endpoint's limit, hands it to
 * {@link CamsEndpoint} and writes its reply, every failure in JSON. Every HTTP method comes here, so that the
 * endpoint answers {@code 405 MethodNotAllowed} in its own format.
 */
final class CamsEndpointServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  /** What each servlet path serves: {@code intent} or a receipt kind. */
  private final transient Map<String, String> kinds;
  private final transient CamsEndpoint endpoint;
  private final transient List<CamsCallListener> listeners;
  private final transient ServletCallHandler calls;

  CamsEndpointServlet(CamsEndpoint endpoint, Map<String, String> kinds, List<CamsCallListener> listeners,
      Duration readDeadline) {
    this.calls = ServletCallHandler.builder().readDeadline(readDeadline).build();
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
    calls.serve(request, response, endpoint, in -> {
      EndpointResponse out = CamsEndpointKinds.handle(endpoint, kind, in);
      for (CamsCallListener listener : listeners) {
        listener.onCall(kind, out); // before the reply leaves, so a client that saw it also sees the metrics
      }
      return out;
    });
  }

  @Override
  public void destroy() {
    calls.close();
  }
}
