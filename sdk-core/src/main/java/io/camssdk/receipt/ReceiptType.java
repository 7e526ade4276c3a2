package io.camssdk.receipt;

import java.util.Objects;

/**
 * The kinds of receipt the platform pushes to a callback URL, each as a JSON array of objects. The kind is known
 * from the URL the receiver configured for it, not from the body.
 *
 * <pre>{@code
 * ReceiptType type = ReceiptType.ofWireName("ChatAppStatus"); // STATUS
 * type.wireName();                                             // "ChatAppStatus"
 * }</pre>
 *
 * @since 0.1
 */
public enum ReceiptType {
  /** Delivery receipts of messages the business sent ({@code ChatAppStatus}), read as {@link StatusReceipt}. */
  STATUS("ChatAppStatus"),
  /** Messages that end users sent to the business ({@code ChatAppInbound}), read as {@link InboundReceipt}. */
  INBOUND("ChatAppInbound"),
  /** Template review and account notices ({@code ChatAppAudit}), read as {@link AuditReceipt}. */
  AUDIT("ChatAppAudit");

  private final String wireName;

  ReceiptType(String wireName) {
    this.wireName = wireName;
  }

  /** The platform's name of this receipt type, such as {@code ChatAppStatus}. */
  public String wireName() {
    return wireName;
  }

  /**
   * The type named {@code wireName} (exactly as the platform spells it).
   *
   * @throws IllegalArgumentException when no receipt type has that name
   */
  public static ReceiptType ofWireName(String wireName) {
    Objects.requireNonNull(wireName, "wireName");
    for (ReceiptType type : values()) {
      if (type.wireName.equals(wireName)) {
        return type;
      }
    }
    throw new IllegalArgumentException("unknown receipt type: " + wireName);
  }
}
