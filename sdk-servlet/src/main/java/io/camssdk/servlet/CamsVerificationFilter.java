package io.camssdk.servlet;

import io.camssdk.CamsException;
import io.camssdk.signature.CamsHeaders;
import io.camssdk.webhook.CamsEndpoint;
import io.camssdk.webhook.VerifiedIntentCall;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * Verifies intent calls for applications that route requests themselves. A call that fails any check of the
 * contract (method, media type, size, signature headers, timestamp, signature, body) is answered by the filter with
 * the contract's status and JSON body and goes no further. A verified call goes down the chain with
 * <ul>
 *   <li>the parsed {@link VerifiedIntentCall} in the request attribute {@value #VERIFIED_CALL_ATTRIBUTE}
 *       (read it with {@link #verifiedCall(ServletRequest)}), and</li>
 *   <li>its body still readable: {@code getInputStream()} and {@code getReader()} serve the verified bytes exactly
 *       as received.</li>
 * </ul>
 *
 * <p>The filter neither routes nor de-duplicates: the application does both (use {@link CamsIntentServlet} to have
 * the endpoint do them). The endpoint's intent handlers are not used.
 *
 * <pre>{@code
 * context.addFilter(new FilterHolder(new CamsVerificationFilter(endpoint)), "/platform/*",
 *     EnumSet.of(DispatcherType.REQUEST));
 * // downstream, in the application's own servlet or controller:
 * IntentCall call = CamsVerificationFilter.verifiedCall(request).call();
 * }</pre>
 *
 * <p>From {@code web.xml}, declare the class itself; it builds its endpoint from the init parameters listed in
 * {@link CamsInitParameters} (a {@link CamsServletConfigurer} is still required there, and may add nothing).
 *
 * @since 0.1
 */
public final class CamsVerificationFilter implements Filter {
  /** The request attribute holding the {@link VerifiedIntentCall} of a verified request. */
  public static final String VERIFIED_CALL_ATTRIBUTE = "io.camssdk.servlet.VerifiedIntentCall";

  private CamsEndpoint endpoint;

  /** For {@code web.xml}: the endpoint is built from init parameters in {@link #init(FilterConfig)}. */
  public CamsVerificationFilter() {}

  /** Verifies with {@code endpoint}; init parameters are ignored. */
  public CamsVerificationFilter(CamsEndpoint endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
  }

  /**
   * The verified call of a request that passed this filter.
   *
   * @throws IllegalStateException when the request did not pass the filter
   */
  public static VerifiedIntentCall verifiedCall(ServletRequest request) {
    Object value = request.getAttribute(VERIFIED_CALL_ATTRIBUTE);
    if (value instanceof VerifiedIntentCall verified) {
      return verified;
    }
    throw new IllegalStateException("no verified CAMS call on this request: is CamsVerificationFilter mapped to "
        + "its path?");
  }

  @Override
  public void init(FilterConfig config) throws ServletException {
    if (endpoint == null) {
      endpoint = ServletEndpoints.fromInitParameters(new ServletEndpoints.InitSource(
          "filter " + config.getFilterName(), config::getInitParameter, config.getServletContext()));
    }
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse httpResponse)) {
      throw new ServletException("CamsVerificationFilter handles HTTP requests only");
    }
    if (endpoint == null) {
      throw new IllegalStateException("filter not initialised: the container has not called init()");
    }
    VerifiedIntentCall verified;
    try {
      verified = endpoint.verifyIntent(ServletExchange.adapt(http));
    } catch (CamsException rejection) {
      ServletExchange.write(endpoint.reject(rejection, http.getHeader(CamsHeaders.REQUEST_ID)), httpResponse);
      return;
    }
    VerifiedBodyRequest wrapped = new VerifiedBodyRequest(http, verified.body());
    wrapped.setAttribute(VERIFIED_CALL_ATTRIBUTE, verified);
    chain.doFilter(wrapped, response);
  }
}
