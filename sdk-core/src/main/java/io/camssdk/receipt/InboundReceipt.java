package io.camssdk.receipt;

import io.camssdk.json.JsonLimits;
import io.camssdk.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A message an end user sent to the business ({@code ChatAppInbound}, "mobile originated"). {@link #content()} is
 * the {@code Message} decoded by its {@linkplain #messageType() type}: the text of a {@code TEXT} message, or the
 * JSON the platform puts in the {@code Message} string (or object) for the other types; {@link #message()} keeps it
 * as sent.
 *
 * <p>The components are the fields CAMS documents for this push
 * (https://www.alibabacloud.com/help/en/chatapp/developer-reference/chatappinbound-1). {@link #messageId()},
 * {@link #content()} and {@link #raw()} are always present; the others are {@code null} when the push does not
 * carry them. A user known only by a business-scoped user id (BSUID) may come without {@code From}: use
 * {@link #fromUserId()}. Fields the documentation does not list (such as {@code NoticeType}, or {@code Context},
 * which names the message a reply answers) are only in {@link #raw()}.
 *
 * <pre>{@code
 * for (InboundReceipt receipt : ReceiptParser.parseInbound(body, JsonLimits.DEFAULTS)) {
 *   if (receipt.content() instanceof InboundContent.Text text) {
 *     String user = receipt.from() != null ? receipt.from() : receipt.fromUserId();
 *     support.newMessage(user, receipt.displayName(), text.text());
 *   }
 * }
 * }</pre>
 *
 * @param messageId {@code MessageId}
 * @param custSpaceId {@code CustSpaceId}, the channel
 * @param wabaId {@code WabaId}, the WhatsApp Business Account
 * @param from {@code From}, the user's number
 * @param to {@code To}, the business's number
 * @param fromUserId {@code FromUserId}, the user's business-scoped user id (BSUID)
 * @param fromParentUserId {@code FromParentUserId}, the parent BSUID, if any
 * @param fromUserName {@code FromUserName}, the user account, if any
 * @param timestamp {@code Timestamp}, when the user sent the message (sent in milliseconds)
 * @param displayName {@code DisplayName}, the user's display name
 * @param name {@code Name}, the user's name
 * @param messageType {@code Type} (named so because {@link #type()} is the receipt's type)
 * @param message {@code Message} as sent (an object as compact JSON text)
 * @param content the decoded message; {@link InboundContent.Unknown} when it cannot be decoded
 * @param raw all fields of the item as sent
 * @since 0.1
 */
public record InboundReceipt(
    String messageId,
    String custSpaceId,
    String wabaId,
    String from,
    String to,
    String fromUserId,
    String fromParentUserId,
    String fromUserName,
    Instant timestamp,
    String displayName,
    String name,
    InboundMessageType messageType,
    String message,
    InboundContent content,
    JsonObject raw) implements Receipt {

  public InboundReceipt {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(raw, "raw");
  }

  /** Reads item {@code index} of a push; package-private machinery of {@link ReceiptParser}. */
  static InboundReceipt read(Map<String, Object> item, int index, JsonLimits limits) {
    String at = Fields.itemPath(index);
    String type = Fields.text(item, "Type", at);
    InboundMessageType messageType = type == null ? null : InboundMessageType.of(type);
    Object message = item.get("Message");
    String messageText = InboundContentDecoder.messageText(message, at);
    return new InboundReceipt(
        Fields.requiredText(item, "MessageId", at),
        Fields.text(item, "CustSpaceId", at),
        Fields.text(item, "WabaId", at),
        Fields.text(item, "From", at),
        Fields.text(item, "To", at),
        Fields.text(item, "FromUserId", at),
        Fields.text(item, "FromParentUserId", at),
        Fields.text(item, "FromUserName", at),
        Fields.epochMillis(item, "Timestamp", at),
        Fields.text(item, "DisplayName", at),
        Fields.text(item, "Name", at),
        messageType,
        messageText,
        InboundContentDecoder.decode(messageType, message, messageText, limits),
        JsonObject.of(item));
  }

  /** Always {@link ReceiptType#INBOUND}. */
  @Override
  public ReceiptType type() {
    return ReceiptType.INBOUND;
  }

  /**
   * {@code MessageId}: each message the user sent is handled once. The sender ({@code From} or
   * {@code FromUserId}) is not part of it, so a message from a user known only by BSUID is recognised as well.
   */
  @Override
  public String dedupKey() {
    return Fields.boundedKey(ReceiptType.INBOUND, messageId);
  }
}
