package io.camssdk.receipt;

import java.util.List;
import java.util.Objects;

/**
 * The delivery status of a {@link StatusReceipt} ({@code Status}): {@code Sent}, {@code Delivered}, {@code Read},
 * {@code Failed}, {@code Deleted}, or another value the platform sends (Viber channels also send {@code subscribe}
 * and {@code unsubscribe}).
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
 * @param value the value, as documented for a known value, else as on the wire
 * @since 0.1
 */
public record MessageStatus(String value) {
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

  private static final List<MessageStatus> KNOWN = List.of(SENT, DELIVERED, READ, FAILED, DELETED);

  public MessageStatus {
    Objects.requireNonNull(value, "value");
  }

  /** The known constant equal to {@code value} ignoring case, or else a new instance keeping {@code value}. */
  public static MessageStatus of(String value) {
    return OpenValues.of(KNOWN, MessageStatus::value, value, MessageStatus::new);
  }

  /** Whether this is one of the documented values (ignoring case). */
  public boolean isKnown() {
    return KNOWN.contains(this);
  }

  /** Equal when the values are equal ignoring case. */
  @Override
  public boolean equals(Object other) {
    return other instanceof MessageStatus o && OpenValues.fold(value).equals(OpenValues.fold(o.value));
  }

  @Override
  public int hashCode() {
    return OpenValues.fold(value).hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
