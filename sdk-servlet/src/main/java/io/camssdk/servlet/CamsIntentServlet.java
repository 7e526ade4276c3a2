package io.camssdk.servlet;

import io.camssdk.webhook.CamsEndpoint;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * Serves the platform's intent calls: verifies, de-duplicates, routes to the endpoint's handlers and writes the
 * reply. Every method reaches the endpoint, so a {@code GET} is answered {@code 405 MethodNotAllowed} in the
 * contract's JSON form. The body is read without holding a thread while it arrives, within a read deadline
 * (default 10 s; {@code 408 RequestTimeout} after it) and the endpoint's size limit; anything thrown on the way is
 * answered in JSON (see {@link ServletCallHandler}). Register it async-supported
 * ({@code ServletHolder.setAsyncSupported(true)}, {@code <async-supported>true</async-supported>}): otherwise it
 * falls back to blocking reads, and slow senders can again take every thread of the container.
 *
 * <p>From code, pass the endpoint:
 *
 * <pre>{@code
 * CamsEndpoint endpoint = CamsEndpoint.builder()
 *     .verifier(SignatureVerifier.builder().tokens(List.of(System.getenv("CAMS_SIGNATURE_TOKENS").split(","))).build())
 *     .onIntent("ORDER_STATUS", call -> Map.of("status", "SHIPPED"))
 *     .handlerBudget(Duration.ofSeconds(2))
 *     .build();
 * ServletHolder holder = new ServletHolder(new CamsIntentServlet(endpoint));
 * holder.setAsyncSupported(true);
 * context.addServlet(holder, "/cams/intents");
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
  private transient Duration readDeadline;
  private transient ServletCallHandler calls;

  /** For {@code web.xml}: the endpoint is built from init parameters in {@link #init()}. */
  public CamsIntentServlet() {}

  /** Serves {@code endpoint} with the default read deadline; init parameters are ignored. */
  public CamsIntentServlet(CamsEndpoint endpoint) {
    this(endpoint, ServletCallHandler.DEFAULT_READ_DEADLINE);
  }

  /** Serves {@code endpoint}, reading each body within {@code readDeadline}; init parameters are ignored. */
  public CamsIntentServlet(CamsEndpoint endpoint, Duration readDeadline) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.readDeadline = ServletEndpoints.positive(readDeadline, "readDeadline");
  }

  @Override
  public void init() throws ServletException {
    if (endpoint == null) {
      ServletEndpoints.InitSource params = new ServletEndpoints.InitSource(
          "servlet " + getServletName(), this::getInitParameter, getServletContext());
      endpoint = ServletEndpoints.fromInitParameters(params);
      readDeadline = ServletEndpoints.readDeadline(params);
    }
    calls = ServletCallHandler.builder().readDeadline(readDeadline).build();
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) {
    CamsEndpoint served = endpoint();
    calls.serve(request, response, served, served::handleIntent);
  }

  @Override
  public void destroy() {
    if (calls != null) {
      calls.close();
    }
  }

  /** The endpoint served. */
  public CamsEndpoint endpoint() {
    if (endpoint == null || calls == null) {
      throw new IllegalStateException("servlet not initialised: the container has not called init()");
    }
    return endpoint;
  }
}
