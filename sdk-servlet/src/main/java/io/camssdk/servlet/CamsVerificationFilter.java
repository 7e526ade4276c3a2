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
import io.camssdk.CamsCode;
import io.camssdk.webhook.EndpointRequest;
import io.camssdk.webhook.EndpointResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * <p>The body is read on the request's thread (the chain must run there), with blocking reads that end at a read
 * deadline (default 10 s; then {@code 408 RequestTimeout}): a slow sender holds a thread at most that long. Where
 * slow senders matter, prefer {@link CamsIntentServlet}, which holds none while waiting. Anything thrown downstream
 * before the response is committed is answered {@code 500 HandlerError} in JSON, never a container error page.
 *
 * <p><b>Beside other filters.</b> Map it to the platform's paths only (say {@code /cams/*}); the platform signs its
 * calls and sends no session, cookie or credential of your users, so exclude those paths from authentication and
 * CSRF filters, or order this filter before them. Filters that read the body or parameters must come after it.
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

  private static final Logger log = LoggerFactory.getLogger(CamsVerificationFilter.class);

  private CamsEndpoint endpoint;
  private Duration readDeadline;
  private ServletCallHandler calls;

  /** For {@code web.xml}: the endpoint is built from init parameters in {@link #init(FilterConfig)}. */
  public CamsVerificationFilter() {}

  /** Verifies with {@code endpoint} and the default read deadline; init parameters are ignored. */
  public CamsVerificationFilter(CamsEndpoint endpoint) {
    this(endpoint, ServletCallHandler.DEFAULT_READ_DEADLINE);
  }

  /** Verifies with {@code endpoint}, reading each body within {@code readDeadline}; init parameters are ignored. */
  public CamsVerificationFilter(CamsEndpoint endpoint, Duration readDeadline) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.readDeadline = ServletEndpoints.positive(readDeadline, "readDeadline");
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
      ServletEndpoints.InitSource params = new ServletEndpoints.InitSource(
          "filter " + config.getFilterName(), config::getInitParameter, config.getServletContext());
      endpoint = ServletEndpoints.fromInitParameters(params);
      readDeadline = ServletEndpoints.readDeadline(params);
    }
    calls = ServletCallHandler.builder().readDeadline(readDeadline).build();
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse httpResponse)) {
      throw new ServletException("CamsVerificationFilter handles HTTP requests only");
    }
    if (endpoint == null || calls == null) {
      throw new IllegalStateException("filter not initialised: the container has not called init()");
    }
    VerifiedIntentCall verified;
    try {
      EndpointRequest in = calls.readBlocking(http, httpResponse, endpoint);
      if (in == null) {
        return; // answered: the body missed the deadline or could not be read
      }
      verified = endpoint.verifyIntent(in);
    } catch (CamsException rejection) {
      ServletExchange.write(endpoint.reject(rejection, http.getHeader(CamsHeaders.REQUEST_ID)), httpResponse);
      return;
    } catch (RuntimeException | Error failure) {
      answerHandlerError(http, httpResponse, failure);
      return;
    }
    VerifiedBodyRequest wrapped = new VerifiedBodyRequest(http, verified.body());
    wrapped.setAttribute(VERIFIED_CALL_ATTRIBUTE, verified);
    try {
      chain.doFilter(wrapped, response);
    } catch (IOException | ServletException | RuntimeException | Error failure) {
      // The application behind the filter failed: answer in the contract's form while the response allows it.
      answerHandlerError(http, httpResponse, failure);
    }
  }

  private void answerHandlerError(HttpServletRequest request, HttpServletResponse response, Throwable failure)
      throws IOException {
    EndpointResponse reply = endpoint.reject(new CamsException(CamsCode.HANDLER_ERROR,
        "the call could not be handled; the platform may retry"), request.getHeader(CamsHeaders.REQUEST_ID));
    log.warn("CAMS call failed behind the verification filter (request id {}): {}", reply.requestId(),
        failure.getClass().getName());
    if (!response.isCommitted()) {
      response.reset();
      ServletExchange.write(reply, response);
      response.flushBuffer();
    }
    if (failure instanceof VirtualMachineError fatal) {
      throw fatal;
    }
  }

  @Override
  public void destroy() {
    if (calls != null) {
      calls.close();
    }
  }
}
