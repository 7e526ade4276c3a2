package io.camssdk.servlet;

import io.camssdk.receipt.ReceiptType;
import io.camssdk.webhook.CamsEndpoint;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * Serves the platform's receipt pushes of one {@link ReceiptType}; map one instance per type, each on the path
 * configured as that type's callback URL. The endpoint verifies signed pushes (and, with
 * {@link CamsEndpoint.Builder#requireReceiptSignature}, rejects unsigned ones), drops receipts seen before, and
 * calls the handler registered for the type with the rest. Bodies are read as by {@link CamsIntentServlet}: without
 * holding a thread, within a read deadline, every failure answered in JSON; register it async-supported.
 *
 * <p><b>When handlers run.</b> By default the handler runs before the reply: a handler failure answers
 * {@code 500 HandlerError}, nothing is marked handled, and the platform retries the push, so nothing is lost. With
 * {@link CamsEndpoint.Builder#receiptExecutor} the servlet replies {@code 200} at once and the handler runs on that
 * executor afterwards; <em>a crash or handler failure then loses the batch</em>, because the platform has seen
 * 200 and will not push it again. Choose the executor mode only when losing a batch is acceptable.
 *
 * <pre>{@code
 * CamsEndpoint endpoint = CamsEndpoint.builder()
 *     .verifier(verifier)
 *     .onStatus(receipts -> receipts.forEach(r -> deliveries.record(r.messageId(), r.status())))
 *     .onInbound(messages -> inbox.store(messages))
 *     .build();
 * context.addServlet(new ServletHolder(new CamsReceiptServlet(endpoint, ReceiptType.STATUS)), "/cams/receipts/status");
 * context.addServlet(new ServletHolder(new CamsReceiptServlet(endpoint, ReceiptType.INBOUND)), "/cams/receipts/inbound");
 * }</pre>
 *
 * <p>From {@code web.xml}, declare the class itself with {@value CamsInitParameters#RECEIPT_TYPE} set on the
 * servlet, and the other init parameters of {@link CamsInitParameters} (the configurer adds the receipt handlers).
 *
 * <p>Thread-safe; the endpoint is shared by all requests.
 *
 * @since 0.1
 */
public final class CamsReceiptServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;

  private transient CamsEndpoint endpoint;
  private ReceiptType type;
  private transient Duration readDeadline;
  private transient ServletCallHandler calls;

  /** For {@code web.xml}: type and endpoint come from init parameters in {@link #init()}. */
  public CamsReceiptServlet() {}

  /** Serves pushes of {@code type} with {@code endpoint}; init parameters are ignored. */
  public CamsReceiptServlet(CamsEndpoint endpoint, ReceiptType type) {
    this(endpoint, type, ServletCallHandler.DEFAULT_READ_DEADLINE);
  }

  /** Serves pushes of {@code type} with {@code endpoint}, reading each body within {@code readDeadline}. */
  public CamsReceiptServlet(CamsEndpoint endpoint, ReceiptType type, Duration readDeadline) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.type = Objects.requireNonNull(type, "type");
    this.readDeadline = ServletEndpoints.positive(readDeadline, "readDeadline");
  }

  @Override
  public void init() throws ServletException {
    if (endpoint == null) {
      ServletEndpoints.InitSource params = new ServletEndpoints.InitSource(
          "servlet " + getServletName(), this::getInitParameter, getServletContext());
      type = ServletEndpoints.receiptType(params);
      endpoint = ServletEndpoints.fromInitParameters(params);
      readDeadline = ServletEndpoints.readDeadline(params);
    }
    calls = ServletCallHandler.builder().readDeadline(readDeadline).build();
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) {
    if (endpoint == null || calls == null) {
      throw new IllegalStateException("servlet not initialised: the container has not called init()");
    }
    CamsEndpoint served = endpoint;
    ReceiptType servedType = type;
    calls.serve(request, response, served, in -> served.handleReceipts(servedType, in));
  }

  @Override
  public void destroy() {
    if (calls != null) {
      calls.close();
    }
  }

  /** The receipt type served. */
  public ReceiptType type() {
    if (type == null) {
      throw new IllegalStateException("servlet not initialised: the container has not called init()");
    }
    return type;
  }
}
