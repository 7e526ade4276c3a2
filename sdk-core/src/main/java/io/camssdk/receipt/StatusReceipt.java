package io.camssdk.receipt;

import io.camssdk.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A delivery receipt ({@code ChatAppStatus}) of a message the business sent: the message reached a new
 * {@linkplain #status() status}, or failed with an {@linkplain #errorCode() error code}.
 *
 * <p>Only {@link #messageId()}, {@link #status()} and {@link #raw()} are always present; the other components are
 * {@code null} when the push does not carry them. Text fields sent as JSON numbers are given as their decimal text.
 * Fields without an accessor here (such as {@code FromUserId}) are in {@link #raw()}.
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
 * @param timestamp {@code Timestamp}, when the status was reached (sent in milliseconds)
 * @param statusDescription {@code StatusDescription}
 * @param errorCode {@code ErrorCode}, set when the delivery failed
 * @param errorDescription {@code ErrorDescription}
 * @param msgFrameType {@code MsgFrameType}: {@code message} (free-form) or {@code template}
 * @param taskId {@code TaskId}, the task id given when sending
 * @param originPhoneNumber {@code OriginPhoneNumber}
 * @param templateCode {@code TemplateCode}, for template messages
 * @param templateName {@code TemplateName}, for template messages
 * @param messageType {@code Type}, the kind of content sent, such as {@code TEMPLATE} or {@code INTERACTIVE} (named so
 *     because {@link #type()} is the receipt's type)
 * @param language {@code Language} of the template
 * @param custSpaceId {@code CustSpaceId}, the channel
 * @param conversationId {@code ConversationId}
 * @param conversationType {@code ConversationType}, such as {@code service}, {@code utility}, {@code marketing}
 * @param expiration {@code Expiration}
 * @param origin {@code Origin}
 * @param sms {@code Sms}, the SMS fallback information, as a generic JSON value (see {@link JsonObject})
 * @param raw all fields of the item as sent
 * @since 0.1
 */
public record StatusReceipt(
    String messageId,
    MessageStatus status,
    String from,
    String to,
    Instant timestamp,
    String statusDescription,
    String errorCode,
    String errorDescription,
    String msgFrameType,
    String taskId,
    String originPhoneNumber,
    String templateCode,
    String templateName,
    String messageType,
    String language,
    String custSpaceId,
    String conversationId,
    String conversationType,
    String expiration,
    String origin,
    Object sms,
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
        Fields.epochMillis(item, "Timestamp", at),
        Fields.text(item, "StatusDescription", at),
        Fields.text(item, "ErrorCode", at),
        Fields.text(item, "ErrorDescription", at),
        Fields.text(item, "MsgFrameType", at),
        Fields.text(item, "TaskId", at),
        Fields.text(item, "OriginPhoneNumber", at),
        Fields.text(item, "TemplateCode", at),
        Fields.text(item, "TemplateName", at),
        Fields.text(item, "Type", at),
        Fields.text(item, "Language", at),
        Fields.text(item, "CustSpaceId", at),
        Fields.text(item, "ConversationId", at),
        Fields.text(item, "ConversationType", at),
        Fields.text(item, "Expiration", at),
        Fields.text(item, "Origin", at),
        item.get("Sms"),
        JsonObject.of(item));
  }

  /** Always {@link ReceiptType#STATUS}. */
  @Override
  public ReceiptType type() {
    return ReceiptType.STATUS;
  }

  /**
   * {@code MessageId} and {@code Status}, the status compared case-insensitively: a repeated push of the same
   * status has the same key, the next status of the same message a different one.
   */
  @Override
  public String dedupKey() {
    StringBuilder natural = new StringBuilder();
    Fields.appendField(natural, messageId);
    Fields.appendField(natural, OpenValues.fold(status.value()));
    return Fields.boundedKey(ReceiptType.STATUS, natural.toString());
  }
}
