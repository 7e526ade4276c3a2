package io.camssdk.intent;

import io.camssdk.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * One intent call from the platform: a trigger event of the business system that a message template called.
 * Parsed from the body only after its signature was verified.
 *
 * <pre>{@code
 * Object handle(IntentCall call) {
 *   OrderQuery query = call.data(OrderQuery.class);
 *   return Map.of("status", orders.status(query.orderId()));
 * }
 * }</pre>
 *
 * @param requestId the call's id, equal to the {@code X-Cams-Request-Id} header; the same on every retry
 * @param businessSystemId the business system called, or {@code null}
 * @param custSpaceId the channel ({@code CustSpaceId}), or {@code null}
 * @param channelType the channel type, or {@code null} when not sent
 * @param intentCode the intent's code
 * @param intentName the intent's name, or {@code null}
 * @param intentData the intent's Default Intent Data overlaid by the template's data; {@code {}} when empty
 * @param from the sender, or {@code null}
 * @param to the recipient, or {@code null}
 * @param messageId the message that triggered the call, or {@code null}
 * @param templateCode the template that called the intent, or {@code null}
 * @param timestamp when the platform created the call
 * @since 0.1
 */
public record IntentCall(
    String requestId,
    String businessSystemId,
    String custSpaceId,
    ChannelType channelType,
    String intentCode,
    String intentName,
    JsonObject intentData,
    String from,
    String to,
    String messageId,
    String templateCode,
    Instant timestamp) {

  public IntentCall {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(intentCode, "intentCode");
    Objects.requireNonNull(intentData, "intentData");
    Objects.requireNonNull(timestamp, "timestamp");
  }

  /**
   * The intent data bound to {@code type}: a record, a class with fields, or a {@code Map}. Unknown keys are
   * ignored.
   *
   * @throws io.camssdk.json.MalformedPayloadException when the data does not fit {@code type}, naming the field
   */
  public <T> T data(Class<T> type) {
    return intentData.as(type);
  }

  /** A builder, mostly for tests. */
  public static Builder builder(String requestId, String intentCode) {
    return new Builder(requestId, intentCode);
  }

  /** Builds an {@link IntentCall}; fields default to {@code null}, data to {@code {}}, the timestamp to now. */
  public static final class Builder {
    private final String requestId;
    private final String intentCode;
    private String businessSystemId;
    private String custSpaceId;
    private ChannelType channelType;
    private String intentName;
    private JsonObject intentData = JsonObject.empty();
    private String from;
    private String to;
    private String messageId;
    private String templateCode;
    private Instant timestamp = Instant.now();

    private Builder(String requestId, String intentCode) {
      this.requestId = requestId;
      this.intentCode = intentCode;
    }

    public Builder businessSystemId(String value) { this.businessSystemId = value; return this; }
    public Builder custSpaceId(String value) { this.custSpaceId = value; return this; }
    public Builder channelType(ChannelType value) { this.channelType = value; return this; }
    public Builder intentName(String value) { this.intentName = value; return this; }
    public Builder intentData(JsonObject value) { this.intentData = Objects.requireNonNull(value); return this; }
    public Builder from(String value) { this.from = value; return this; }
    public Builder to(String value) { this.to = value; return this; }
    public Builder messageId(String value) { this.messageId = value; return this; }
    public Builder templateCode(String value) { this.templateCode = value; return this; }
    public Builder timestamp(Instant value) { this.timestamp = Objects.requireNonNull(value); return this; }

    public IntentCall build() {
      return new IntentCall(requestId, businessSystemId, custSpaceId, channelType, intentCode, intentName,
          intentData, from, to, messageId, templateCode, timestamp);
    }
  }
}
