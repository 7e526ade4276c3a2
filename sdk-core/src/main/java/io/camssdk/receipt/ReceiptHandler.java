package io.camssdk.receipt;

import java.util.List;

/**
 * Handles one push of receipts of one type. An endpoint calls it with the items of the push that were not handled
 * before (de-duplicated by {@link Receipt#dedupKey()}), in the order of the push.
 *
 * <p>Returning normally acknowledges the items. Throwing tells the endpoint to answer with an error, so that the
 * platform pushes the batch again and the items are offered again.
 *
 * <pre>{@code
 * ReceiptHandler<StatusReceipt> onStatus = receipts -> {
 *   for (StatusReceipt receipt : receipts) {
 *     orders.markDelivery(receipt.messageId(), receipt.status(), receipt.timestamp());
 *   }
 * };
 * }</pre>
 *
 * @param <T> the receipt type this handler accepts
 * @since 0.1
 */
@FunctionalInterface
public interface ReceiptHandler<T extends Receipt> {

  /**
   * Handles {@code receipts}.
   *
   * @throws Exception to have the push retried
   */
  void handle(List<T> receipts) throws Exception;
}
