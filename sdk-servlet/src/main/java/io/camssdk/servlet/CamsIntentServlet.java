package io.camssdk.servlet;

import io.camssdk.webhook.CamsEndpoint;
import io.camssdk.webhook.EndpointResponse;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * Serves the platform's intent calls: verifies, de-duplicates, routes to the endpoint's handlers and writes the
 * reply. Every method reaches the endpoint, so a {@code GET} is answered {@code 405 MethodNotAllowed} in the
 * contract's JSON form. The body is read once by the endpoint, with its size limit enforced while reading.
 *
 * <p>From code, pass the endpoint:
 *
 * <pre>{@code
 * CamsEndpoint endpoint = CamsEndpoint.builder()
 *     .verifier(SignatureVerifier.builder().tokens(List.of(System.getenv("CAMS_SIGNATURE_TOKENS").split(","))).build())
 *     .onIntent("ORDER_STATUS", call -> Map.of("status", "SHIPPED"))
 *     .handlerBudget(Duration.ofSeconds(2))
 *     .build();
 * context.addServlet(new ServletHolder(new CamsIntentServlet(endpoint)), "/cams/intents");
 * }</pre>
 *
 * <p>From {@code web.xml}, declare the class itself; it builds its endpoint from the init parameters listed in
 * {@link CamsInitParameters} when the container initialises it.
 *
 * <p>Thread-safe; the endpoint is shared by all requests.
 *
 * @since 0.1
 */
public final class CamsIntentServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private transient CamsEndpoint endpoint;

  /** For {@code web.xml}: the endpoint is built from init parameters in {@link #init()}. */
  public CamsIntentServlet() {}

  /** Serves {@code endpoint}; init parameters are ignored. */
  public CamsIntentServlet(CamsEndpoint endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
  }

  @Override
  public void init() throws ServletException {
    if (endpoint == null) {
      endpoint = ServletEndpoints.fromInitParameters(new ServletEndpoints.InitSource(
          "servlet " + getServletName(), this::getInitParameter, getServletContext()));
    }
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    EndpointResponse reply = endpoint().handleIntent(ServletExchange.adapt(request));
    ServletExchange.write(reply, response);
  }

  /** The endpoint served. */
  public CamsEndpoint endpoint() {
    if (endpoint == null) {
      throw new IllegalStateException("servlet not initialised: the container has not called init()");
    }
    return endpoint;
  }
}
