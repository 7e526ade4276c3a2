package io.camssdk.receipt;

import io.camssdk.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A delivery receipt ({@code ChatAppStatus}) of a message the business sent: the message reached a new
 * {@linkplain #status() status}, or failed with an {@linkplain #errorCode() error code}.
 *
 * <p>The components are the fields CAMS documents for this push
 * (https://www.alibabacloud.com/help/en/chatapp/developer-reference/chatappstatus, and the HTTP push's examples at
 * https://www.alibabacloud.com/help/en/chatapp/developer-reference/chatappstatus-1). Only {@link #messageId()},
 * {@link #status()} and {@link #raw()} are always present; the others are {@code null} when the push does not carry
 * them. A receipt about a user known only by a business-scoped user id (BSUID) may come without {@code From}: use
 * {@link #fromUserId()}. Text fields sent as JSON numbers are given as their digits, never expanded. Fields the
 * documentation does not list (such as {@code CustSpaceId}, {@code Expiration}, {@code Origin} or {@code Sms}, seen
 * on some channels) are only in {@link #raw()}.
 *
 * <pre>{@code
 * for (StatusReceipt receipt : ReceiptParser.parseStatus(body, JsonLimits.DEFAULTS)) {
 *   if (receipt.status().equals(MessageStatus.FAILED)) {
 *     outbox.failed(receipt.messageId(), receipt.errorCode(), receipt.errorDescription());
 *   }
 * }
 * }</pre>
 *
 * @param messageId {@code MessageId}, the id the platform gave the message when it was sent
 * @param status {@code Status}
 * @param from {@code From}, the business's number
 * @param to {@code To}, the recipient's number
 * @param fromUserId {@code FromUserId}, the business-scoped user id (BSUID)
 * @param fromParentUserId {@code FromParentUserId}, the parent BSUID, if any
 * @param fromUserName {@code FromUserName}, the user account, if any
 * @param timestamp {@code Timestamp}, when the status was reached (sent in milliseconds)
 * @param statusDescription {@code StatusDescription}
 * @param errorCode {@code ErrorCode}, set when the delivery failed
 * @param errorDescription {@code ErrorDescription}
 * @param conversationType {@code ConversationType}: {@code service}, {@code utility}, {@code marketing} or
 *     {@code authentication}
 * @param conversationId {@code ConversationId}
 * @param conversationExpirationTime {@code ConversationExpirationTime} (sent in milliseconds); deprecated by CAMS,
 *     it has no effect under per-message billing
 * @param msgFrameType {@code MsgFrameType}: {@code message} (free-form) or {@code template}
 * @param messageType {@code Type}, the kind of content sent, such as {@code TEMPLATE} or {@code INTERACTIVE} (named so
 *     because {@link #type()} is the receipt's type)
 * @param taskId {@code TaskId}, the task id given when sending (the message id when none was given)
 * @param originPhoneNumber {@code OriginPhoneNumber}, the sender's original number
 * @param templateCode {@code TemplateCode}, for template messages
 * @param templateName {@code TemplateName}, for template messages (in the documented example)
 * @param language {@code Language} of the template (in the documented example)
 * @param raw all fields of the item as sent
 * @since 0.1
 */
public record StatusReceipt(
    String messageId,
    MessageStatus status,
    String from,
    String to,
    String fromUserId,
    String fromParentUserId,
    String fromUserName,
    Instant timestamp,
    String statusDescription,
    String errorCode,
    String errorDescription,
    String conversationType,
    String conversationId,
    @Deprecated Instant conversationExpirationTime,
    String msgFrameType,
    String messageType,
    String taskId,
    String originPhoneNumber,
    String templateCode,
    String templateName,
    String language,
    JsonObject raw) implements Receipt {

  public StatusReceipt {
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(raw, "raw");
  }

  /** Reads item {@code index} of a push; package-private machinery of {@link ReceiptParser}. */
  static StatusReceipt read(Map<String, Object> item, int index) {
    String at = Fields.itemPath(index);
    return new StatusReceipt(
        Fields.requiredText(item, "MessageId", at),
        MessageStatus.of(Fields.requiredText(item, "Status", at)),
        Fields.text(item, "From", at),
        Fields.text(item, "To", at),
        Fields.text(item, "FromUserId", at),
        Fields.text(item, "FromParentUserId", at),
        Fields.text(item, "FromUserName", at),
        Fields.epochMillis(item, "Timestamp", at),
        Fields.text(item, "StatusDescription", at),
        Fields.text(item, "ErrorCode", at),
        Fields.text(item, "ErrorDescription", at),
        Fields.text(item, "ConversationType", at),
        Fields.text(item, "ConversationId", at),
        Fields.epochMillis(item, "ConversationExpirationTime", at),
        Fields.text(item, "MsgFrameType", at),
        Fields.text(item, "Type", at),
        Fields.text(item, "TaskId", at),
        Fields.text(item, "OriginPhoneNumber", at),
        Fields.text(item, "TemplateCode", at),
        Fields.text(item, "TemplateName", at),
        Fields.text(item, "Language", at),
        JsonObject.of(item));
  }

  /** Always {@link ReceiptType#STATUS}. */
  @Override
  public ReceiptType type() {
    return ReceiptType.STATUS;
  }

  /**
   * {@code MessageId} and {@code Status}, the status compared case-insensitively: a repeated push of the same
   * status has the same key, the next status of the same message a different one. The parties ({@code From},
   * {@code FromUserId}) are not part of it: a message id names one message whoever it went to, so a receipt that
   * names the user only by BSUID is recognised as well.
   */
  @Override
  public String dedupKey() {
    StringBuilder natural = new StringBuilder();
    Fields.appendField(natural, messageId);
    Fields.appendField(natural, status.folded());
    return Fields.boundedKey(ReceiptType.STATUS, natural.toString());
  }
}
