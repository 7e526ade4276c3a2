/**
 * Receipt pushes: the JSON arrays the platform posts to a business's callback URLs, read into immutable typed
 * values. {@link io.camssdk.receipt.ReceiptParser} turns a body into {@link io.camssdk.receipt.StatusReceipt}s
 * (delivery receipts, {@code ChatAppStatus}), {@link io.camssdk.receipt.InboundReceipt}s (messages from users,
 * {@code ChatAppInbound}, with their content decoded into an {@link io.camssdk.receipt.InboundContent}) or
 * {@link io.camssdk.receipt.AuditReceipt}s (template reviews and account notices, {@code ChatAppAudit}); a
 * {@link io.camssdk.receipt.ReceiptHandler} receives them.
 *
 * <p>The platform may push a receipt more than once; each receipt's
 * {@link io.camssdk.receipt.Receipt#dedupKey()} recognises the repeats. Sets of values the platform may extend
 * ({@link io.camssdk.receipt.MessageStatus}, {@link io.camssdk.receipt.InboundMessageType},
 * {@link io.camssdk.receipt.AuditStatus}, {@link io.camssdk.receipt.AuditType}) keep unknown values and compare
 * ignoring case, and every receipt keeps all of its fields in {@link io.camssdk.receipt.Receipt#raw()}.
 *
 * <pre>{@code
 * List<InboundReceipt> messages = ReceiptParser.parseInbound(body, JsonLimits.DEFAULTS);
 * }</pre>
 *
 * @since 0.1
 */
package io.camssdk.receipt;
