package io.camssdk.samples.jetty;

import io.camssdk.duplicate.DuplicateStore;
import io.camssdk.receipt.ReceiptType;
import io.camssdk.servlet.CamsIntentServlet;
import io.camssdk.servlet.CamsReceiptServlet;
import io.camssdk.signature.SignatureVerifier;
import io.camssdk.webhook.CamsEndpoint;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sample's handlers and servlets, apart from any server, so that tools can mount them next to their own.
 *
 * <ul>
 *   <li>{@code ECHO} replies {@code Data} = the {@code IntentData} it received;</li>
 *   <li>{@code COUNT} replies {@code {"count": n}}, n = how many times the COUNT handler has run in this app;</li>
 *   <li>every receipt item is logged on one line (ids and states only: no message text, numbers or secrets),
 *       each value quoted and escaped by {@link LogValues}, since the sender chooses it.</li>
 * </ul>
 *
 * <pre>{@code
 * SampleApp app = new SampleApp(List.of(token), InMemoryDuplicateStore.create());
 * ServletContextHandler context = new ServletContextHandler("/");
 * app.mount(context); // /cams/intents and /cams/receipts/{status,inbound,audit}
 * }</pre>
 */
public final class SampleApp {
  /** Path of the intent servlet. */
  public static final String INTENTS_PATH = "/cams/intents";
  /** Paths of the receipt servlets, by type. */
  public static final Map<ReceiptType, String> RECEIPT_PATHS = Map.of(
      ReceiptType.STATUS, "/cams/receipts/status",
      ReceiptType.INBOUND, "/cams/receipts/inbound",
      ReceiptType.AUDIT, "/cams/receipts/audit");

  private static final Logger log = LoggerFactory.getLogger(SampleApp.class);

  private final AtomicLong echoRuns = new AtomicLong();
  private final AtomicLong countRuns = new AtomicLong();
  private final AtomicLong receiptItems = new AtomicLong();
  private final CamsEndpoint endpoint;

  /**
   * @param tokens the active signature tokens (two during a rotation)
   * @param store where handled request ids and receipts are remembered; share one between instances of a cluster
   */
  public SampleApp(List<String> tokens, DuplicateStore store) {
    this(tokens, store, builder -> { });
  }

  /**
   * The sample with extra endpoint settings, applied after the sample's own: a shorter lease, more intent
   * handlers (tests of a cluster add one that blocks), a handler budget.
   *
   * <pre>{@code
   * new SampleApp(List.of(token), sharedStore, endpoint -> endpoint.lease(Duration.ofSeconds(5)));
   * }</pre>
   *
   * @param customizer called with the endpoint's builder before it is built
   */
  public SampleApp(List<String> tokens, DuplicateStore store, Consumer<CamsEndpoint.Builder> customizer) {
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(customizer, "customizer");
    CamsEndpoint.Builder builder = CamsEndpoint.builder()
        .verifier(SignatureVerifier.builder().tokens(tokens).build())
        .duplicateStore(store)
        .onIntent("ECHO", call -> {
          echoRuns.incrementAndGet();
          return call.intentData();
        })
        .onIntent("COUNT", call -> Map.of("count", countRuns.incrementAndGet()))
        .onStatus(receipts -> receipts.forEach(r -> {
          receiptItems.incrementAndGet();
          // Every field comes from the push: quoted and escaped, so that CR/LF in one cannot forge a log line.
          log.info("ChatAppStatus MessageId={} Status={} ErrorCode={}", LogValues.quoted(r.messageId()),
              LogValues.quoted(r.status()), LogValues.quoted(r.errorCode()));
        }))
        .onInbound(receipts -> receipts.forEach(r -> {
          receiptItems.incrementAndGet();
          log.info("ChatAppInbound MessageId={} Type={} CustSpaceId={}", LogValues.quoted(r.messageId()),
              LogValues.quoted(r.messageType()), LogValues.quoted(r.custSpaceId()));
        }))
        .onAudit(receipts -> receipts.forEach(r -> {
          receiptItems.incrementAndGet();
          log.info("ChatAppAudit TemplateCode={} Language={} AuditStatus={} Type={}",
              LogValues.quoted(r.templateCode()), LogValues.quoted(r.language()), LogValues.quoted(r.auditStatus()),
              LogValues.quoted(r.auditType()));
        }));
    customizer.accept(builder);
    this.endpoint = builder.build();
  }

  /**
   * Adds the intent servlet and the three receipt servlets to {@code context}, async-supported: they read bodies
   * without holding a thread, so slow senders cannot take the threads the platform's calls need.
   */
  public void mount(ServletContextHandler context) {
    context.addServlet(asyncHolder("cams-intents", new CamsIntentServlet(endpoint)), INTENTS_PATH);
    RECEIPT_PATHS.forEach((type, path) -> context.addServlet(
        asyncHolder("cams-receipts-" + type.name().toLowerCase(java.util.Locale.ROOT),
            new CamsReceiptServlet(endpoint, type)), path));
  }

  private static ServletHolder asyncHolder(String name, jakarta.servlet.Servlet servlet) {
    ServletHolder holder = new ServletHolder(name, servlet);
    holder.setAsyncSupported(true);
    return holder;
  }

  /** The endpoint behind the servlets. */
  public CamsEndpoint endpoint() {
    return endpoint;
  }

  /** How many times the intent handlers ({@code ECHO} and {@code COUNT}) have run in this app. */
  public long handlerRuns() {
    return echoRuns.get() + countRuns.get();
  }

  /** How many times the {@code COUNT} handler has run in this app. */
  public long countRuns() {
    return countRuns.get();
  }

  /** How many receipt items the handlers have received (repeats dropped by the endpoint are not counted). */
  public long receiptItems() {
    return receiptItems.get();
  }
}
