package io.camssdk.spring;

import io.camssdk.intent.IntentHandler;
import io.camssdk.receipt.AuditReceipt;
import io.camssdk.receipt.InboundReceipt;
import io.camssdk.receipt.ReceiptHandler;
import io.camssdk.receipt.StatusReceipt;

/**
 * Adds handlers in code, next to the annotated handler methods: a bean implementing it is called once at start-up,
 * and what it registers joins the {@link CamsHandlerMethods} of the endpoint. One handler per intent code and per
 * receipt type across both kinds; a clash stops start-up naming both.
 *
 * <pre>{@code
 * @Bean
 * CamsHandlerConfigurer legacyIntents(LegacyOrders orders) {
 *   return handlers -> handlers
 *       .intent("LEGACY_ORDER", call -> orders.lookup(call.intentData()))
 *       .audit(receipts -> receipts.forEach(orders::onAudit));
 * }
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface CamsHandlerConfigurer {

  /** Registers handlers; called once, while the endpoint's handlers are assembled. */
  void configure(Registry handlers);

  /** Where a {@link CamsHandlerConfigurer} registers its handlers. Each method returns this registry. */
  interface Registry {
    /** The handler of {@code intentCode} ({@code [A-Za-z0-9_.-]{1,64}}). */
    Registry intent(String intentCode, IntentHandler handler);

    /** The handler of intent codes without one of their own. */
    Registry defaultIntent(IntentHandler handler);

    /** The handler of delivery-status receipts, per batch. */
    Registry status(ReceiptHandler<StatusReceipt> handler);

    /** The handler of inbound-message receipts, per batch. */
    Registry inbound(ReceiptHandler<InboundReceipt> handler);

    /** The handler of audit receipts, per batch. */
    Registry audit(ReceiptHandler<AuditReceipt> handler);
  }
}
