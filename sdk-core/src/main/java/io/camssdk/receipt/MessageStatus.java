package io.camssdk.receipt;

/**
 * The delivery status of a {@link StatusReceipt} ({@code Status}): {@code Sent}, {@code Delivered}, {@code Read},
 * {@code Failed}, {@code Deleted}, {@code unsubscribe} and {@code subscribe} (Viber channels), or another value
 * the platform sends. Documented at https://www.alibabacloud.com/help/en/chatapp/developer-reference/chatappstatus.
 *
 * <p>An open set: a value the SDK does not know is kept as sent, not rejected ({@link #isKnown()} is then
 * false). Values compare case-insensitively: {@code MessageStatus.of("SENT")} gives the documented
 * constant, spelled as documented; an unknown value keeps the spelling of the wire.
 *
 * <pre>{@code
 * if (receipt.status().equals(MessageStatus.FAILED)) {
 *   log.warn("message {} failed: {}", receipt.messageId(), receipt.errorCode());
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class MessageStatus extends OpenValue {
  /** The message was sent. */
  public static final MessageStatus SENT = new MessageStatus("Sent");

  /** The message reached the recipient's device. */
  public static final MessageStatus DELIVERED = new MessageStatus("Delivered");

  /** The recipient read the message. */
  public static final MessageStatus READ = new MessageStatus("Read");

  /** The message could not be delivered. */
  public static final MessageStatus FAILED = new MessageStatus("Failed");

  /** The message was deleted. */
  public static final MessageStatus DELETED = new MessageStatus("Deleted");

  /** The user blocked the business account (Viber channels only). */
  public static final MessageStatus UNSUBSCRIBE = new MessageStatus("unsubscribe");

  /** The user unblocked the business account (Viber channels only). */
  public static final MessageStatus SUBSCRIBE = new MessageStatus("subscribe");

  private static final Known<MessageStatus> KNOWN =
      new Known<>(MessageStatus::new, SENT, DELIVERED, READ, FAILED, DELETED, UNSUBSCRIBE, SUBSCRIBE);

  private MessageStatus(String value) {
    super(value);
  }

  /** The known constant equal to {@code value} ignoring case, or else a new instance keeping {@code value}. */
  public static MessageStatus of(String value) {
    return KNOWN.of(value);
  }

  /** Whether this is one of the documented values (ignoring case). */
  public boolean isKnown() {
    return KNOWN.contains(this);
  }
}
