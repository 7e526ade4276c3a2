package io.camssdk.servlet;

/**
 * Names of the init parameters read by {@link CamsIntentServlet}, {@link CamsReceiptServlet} and
 * {@link CamsVerificationFilter} when they are created without an endpoint (from {@code web.xml}). A parameter is
 * looked up on the servlet or filter first, then among the context's {@code <context-param>}s, so one block can
 * configure every CAMS servlet of an application.
 *
 * <p>Either name a prebuilt endpoint with {@link #ENDPOINT_ATTRIBUTE} (and set no other parameter), or build one
 * from {@link #SIGNATURE_TOKENS} (or {@link #SIGNATURE_TOKENS_ENV}), the optional limits, and a
 * {@link CamsServletConfigurer} that adds the handlers.
 *
 * <pre>{@code
 * <servlet>
 *   <servlet-name>cams-intents</servlet-name>
 *   <servlet-class>io.camssdk.servlet.CamsIntentServlet</servlet-class>
 *   <init-param><param-name>cams.signature-tokens-env</param-name><param-value>CAMS_SIGNATURE_TOKENS</param-value></init-param>
 *   <init-param><param-name>cams.configurer</param-name><param-value>com.example.OrderIntents</param-value></init-param>
 * </servlet>
 * }</pre>
 *
 * @since 0.1
 */
public final class CamsInitParameters {
  /**
   * Name of a {@code ServletContext} attribute holding a prebuilt {@link io.camssdk.webhook.CamsEndpoint} (set by
   * a {@code ServletContextListener}); excludes every other parameter below.
   */
  public static final String ENDPOINT_ATTRIBUTE = "cams.endpoint-attribute";
  /** The active signature tokens, comma-separated (two during a rotation). Prefer {@link #SIGNATURE_TOKENS_ENV}. */
  public static final String SIGNATURE_TOKENS = "cams.signature-tokens";
  /** Name of an environment variable holding the comma-separated tokens, to keep them out of {@code web.xml}. */
  public static final String SIGNATURE_TOKENS_ENV = "cams.signature-tokens-env";
  /** Signature timestamp tolerance in seconds, both directions (default 300). */
  public static final String TOLERANCE_SECONDS = "cams.tolerance-seconds";
  /** The largest body accepted, in bytes (default 65536). */
  public static final String MAX_BODY_BYTES = "cams.max-body-bytes";
  /** Signature scheme: {@code v1} (default) or {@code token}. */
  public static final String SCHEME = "cams.scheme";
  /**
   * With the {@code token} scheme, where a call carries the token: {@code signature-header} (default),
   * {@code bearer}, {@code header:<name>} or {@code query:<name>}.
   */
  public static final String TOKEN_LOCATION = "cams.token-location";
  /**
   * {@code true} to log, for each rejected call, where a configured token appears in it and the setting that would
   * accept it (names only, never values). For the first calls from a new platform; off by default.
   */
  public static final String DIAGNOSE = "cams.diagnose";
  /** Handlers slower than this many milliseconds are logged as a warning (default 2500; the platform waits 3000). */
  public static final String HANDLER_BUDGET_MS = "cams.handler-budget-ms";
  /** {@code true} to reject receipt pushes without a signature (default {@code false}). */
  public static final String REQUIRE_RECEIPT_SIGNATURE = "cams.require-receipt-signature";
  /**
   * How long, in milliseconds, a request's whole body may take to arrive (default 10000): later, the call is
   * answered {@code 408 RequestTimeout} and its connection closed. An adapter setting, so it may be combined with
   * {@link #ENDPOINT_ATTRIBUTE}.
   */
  public static final String READ_DEADLINE_MS = "cams.read-deadline-ms";
  /** Fully qualified name of a {@link CamsServletConfigurer} that adds the handlers. */
  public static final String CONFIGURER = "cams.configurer";
  /** For {@link CamsReceiptServlet} only: {@code status}, {@code inbound} or {@code audit}. */
  public static final String RECEIPT_TYPE = "cams.receipt-type";

  private CamsInitParameters() {}
}
