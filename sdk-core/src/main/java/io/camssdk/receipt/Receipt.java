package io.camssdk.receipt;

import io.camssdk.json.JsonObject;

/**
 * One item of a receipt push: a {@link StatusReceipt}, an {@link InboundReceipt} or an {@link AuditReceipt}.
 * Receipts are immutable values; {@link #raw()} keeps every field as sent, including those the SDK does not know.
 *
 * <pre>{@code
 * for (Receipt receipt : ReceiptParser.parse(ReceiptType.STATUS, body, JsonLimits.DEFAULTS)) {
 *   if (store.firstTime(receipt.dedupKey())) {
 *     process(receipt);
 *   }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public sealed interface Receipt permits StatusReceipt, InboundReceipt, AuditReceipt {

  /** The kind of push this receipt came in. */
  ReceiptType type();

  /**
   * The key under which repeats of this receipt are recognised, as the contract defines it: {@code MessageId} and
   * {@code Status} for a status receipt, {@code MessageId} for an inbound message, every documented field for an
   * audit notice. The key starts with the {@linkplain ReceiptType#wireName() type's name}, so that keys of
   * different types never collide, and is at most 256 chars long (longer natural keys are replaced by a SHA-256).
   */
  String dedupKey();

  /** All fields of the receipt's JSON object, in document order, including those without a typed accessor. */
  JsonObject raw();
}
