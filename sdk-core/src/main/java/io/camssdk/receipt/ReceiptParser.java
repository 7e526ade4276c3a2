package io.camssdk.receipt;

import io.camssdk.internal.JsonScanner;
import io.camssdk.internal.MalformedJsonException;
import io.camssdk.json.JsonLimits;
import io.camssdk.json.MalformedPayloadException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the body of a receipt push (the raw bytes, UTF-8) into typed receipts. The body must be a JSON array of
 * objects, possibly empty; the array's order is kept. Unknown keys are kept in each receipt's
 * {@link Receipt#raw()}; a {@code Message} of an inbound receipt that cannot be decoded becomes
 * {@link InboundContent.Unknown} rather than failing the push.
 *
 * <p>Everything else is strict: the body must be strict RFC 8259 JSON (see
 * {@link io.camssdk.json.JsonObject#parse(byte[], JsonLimits)}) with nothing after the array; each item an object
 * without duplicate keys; typed fields of the right JSON type (text fields accept strings and numbers, timestamps
 * whole numbers of milliseconds or strings of digits); required fields ({@code MessageId} of status and inbound
 * receipts, {@code Status} of status receipts) present; and no {@link JsonLimits} limit broken (nesting depth,
 * string and number length, {@linkplain JsonLimits#maxBatchSize() items in the array}). A failure throws
 * {@link MalformedPayloadException} naming the JSON path at fault, such as {@code $[3].Timestamp}; its message
 * never repeats content of the body.
 *
 * <p>Stateless and thread-safe.
 *
 * <pre>{@code
 * List<StatusReceipt> receipts = ReceiptParser.parseStatus(body, JsonLimits.DEFAULTS);
 * }</pre>
 *
 * @since 0.1
 */
public final class ReceiptParser {

  private ReceiptParser() {}

  /**
   * Reads a push of {@code type}: a list of {@link StatusReceipt}, {@link InboundReceipt} or {@link AuditReceipt}.
   *
   * @throws MalformedPayloadException when the body is not a JSON array of such receipts or breaks a limit
   */
  public static List<? extends Receipt> parse(ReceiptType type, byte[] body, JsonLimits limits) {
    Objects.requireNonNull(type, "type");
    switch (type) {
      case STATUS:
        return parseStatus(body, limits);
      case INBOUND:
        return parseInbound(body, limits);
      case AUDIT:
        return parseAudit(body, limits);
      default:
        throw new AssertionError(type);
    }
  }

  /**
   * Reads a {@code ChatAppStatus} push.
   *
   * @throws MalformedPayloadException when the body is not a JSON array of status receipts or breaks a limit
   */
  public static List<StatusReceipt> parseStatus(byte[] body, JsonLimits limits) {
    return read(body, limits, (item, index) -> StatusReceipt.read(item, index));
  }

  /**
   * Reads a {@code ChatAppInbound} push.
   *
   * @throws MalformedPayloadException when the body is not a JSON array of inbound messages or breaks a limit
   */
  public static List<InboundReceipt> parseInbound(byte[] body, JsonLimits limits) {
    return read(body, limits, (item, index) -> InboundReceipt.read(item, index, limits));
  }

  /**
   * Reads a {@code ChatAppAudit} push.
   *
   * @throws MalformedPayloadException when the body is not a JSON array of audit notices or breaks a limit
   */
  public static List<AuditReceipt> parseAudit(byte[] body, JsonLimits limits) {
    return read(body, limits, (item, index) -> AuditReceipt.read(item, index));
  }

  /** Turns one item, already read as a generic map within the limits, into a receipt. */
  @FunctionalInterface
  private interface ItemReader<T> {
    T read(Map<String, Object> item, int index);
  }

  /*
   * The items are read with the SDK's one strict reader, each as a generic map within the limits, and the typed
   * fields are then taken from that map. Every receipt keeps all of its fields in raw(), so every key and value is
   * materialised anyway; matching names while reading would save nothing here.
   */
  private static <T> List<T> read(byte[] body, JsonLimits limits, ItemReader<T> items) {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(limits, "limits");
    JsonScanner json = new JsonScanner(body, limits.maxDepth(), limits.maxStringLength(), limits.maxNumberLength());
    try {
      int top = json.peek();
      if (top != JsonScanner.ARRAY) {
        throw new MalformedPayloadException("$", "expected a JSON array but found " + JsonScanner.describe(top));
      }
      json.open();
      List<T> receipts = new ArrayList<>();
      int index = 0;
      while (json.nextElement(index == 0)) {
        if (index == limits.maxBatchSize()) {
          throw new MalformedPayloadException(Fields.itemPath(index),
              "batch larger than " + limits.maxBatchSize() + " items");
        }
        Map<String, Object> item;
        try {
          item = json.readObject(2);
        } catch (MalformedJsonException e) {
          throw e.prependIndex(index);
        }
        receipts.add(items.read(item, index));
        index++;
      }
      json.end();
      return Collections.unmodifiableList(receipts);
    } catch (MalformedJsonException e) {
      throw new MalformedPayloadException(e.path(), e.problem());
    }
  }
}
