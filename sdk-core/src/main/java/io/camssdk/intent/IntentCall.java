package io.camssdk.intent;

import io.camssdk.json.JsonObject;
import java.time.Instant;
import java.util.Objects;

/**
 * One intent call from the platform: a trigger event of the business system that a message template called.
 * Parsed from the body only after its signature was verified. Immutable and thread-safe; made by
 * {@link IntentCallParser}, or by {@link #builder} in tests.
 *
 * <pre>{@code
 * Object handle(IntentCall call) {
 *   OrderQuery query = call.data(OrderQuery.class);
 *   return Map.of("status", orders.status(query.orderId()));
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class IntentCall {
  private final String requestId;
  private final String businessSystemId;
  private final String custSpaceId;
  private final ChannelType channelType;
  private final String intentCode;
  private final String intentName;
  private final JsonObject intentData;
  private final String from;
  private final String to;
  private final String messageId;
  private final String templateCode;
  private final Instant timestamp;

  private IntentCall(Builder builder) {
    this.requestId = Objects.requireNonNull(builder.requestId, "requestId");
    this.intentCode = Objects.requireNonNull(builder.intentCode, "intentCode");
    this.businessSystemId = builder.businessSystemId;
    this.custSpaceId = builder.custSpaceId;
    this.channelType = builder.channelType;
    this.intentName = builder.intentName;
    this.intentData = builder.intentData;
    this.from = builder.from;
    this.to = builder.to;
    this.messageId = builder.messageId;
    this.templateCode = builder.templateCode;
    this.timestamp = builder.timestamp;
  }

  /** A builder of a call with the given id and code; fields default to {@code null}, data to {@code {}}, time to now. */
  public static Builder builder(String requestId, String intentCode) {
    return new Builder(requestId, intentCode);
  }

  /** A builder holding this call's values. */
  public Builder newBuilder() {
    return new Builder(requestId, intentCode).businessSystemId(businessSystemId).custSpaceId(custSpaceId)
        .channelType(channelType).intentName(intentName).intentData(intentData).from(from).to(to)
        .messageId(messageId).templateCode(templateCode).timestamp(timestamp);
  }

  /** The call's id, equal to the {@code X-Cams-Request-Id} header; the same on every retry. */
  public String requestId() {
    return requestId;
  }

  /** The business system called, or {@code null}. */
  public String businessSystemId() {
    return businessSystemId;
  }

  /** The channel ({@code CustSpaceId}), or {@code null}. */
  public String custSpaceId() {
    return custSpaceId;
  }

  /** The channel type, or {@code null} when not sent. */
  public ChannelType channelType() {
    return channelType;
  }

  /** The intent's code. */
  public String intentCode() {
    return intentCode;
  }

  /** The intent's name, or {@code null}. */
  public String intentName() {
    return intentName;
  }

  /** The intent's Default Intent Data overlaid by the template's data; {@code {}} when empty. */
  public JsonObject intentData() {
    return intentData;
  }

  /** The sender, or {@code null}. */
  public String from() {
    return from;
  }

  /** The recipient, or {@code null}. */
  public String to() {
    return to;
  }

  /** The message that triggered the call, or {@code null}. */
  public String messageId() {
    return messageId;
  }

  /** The template that called the intent, or {@code null}. */
  public String templateCode() {
    return templateCode;
  }

  /** When the platform created the call. */
  public Instant timestamp() {
    return timestamp;
  }

  /**
   * The intent data bound to {@code type}: a record (nested records, lists and maps included), a class with
   * fields, or a {@code Map}. Unknown keys are ignored.
   *
   * @throws io.camssdk.json.MalformedPayloadException when the data does not fit {@code type}, naming the field
   */
  public <T> T data(Class<T> type) {
    return intentData.as(type);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IntentCall o
        && requestId.equals(o.requestId)
        && Objects.equals(businessSystemId, o.businessSystemId)
        && Objects.equals(custSpaceId, o.custSpaceId)
        && Objects.equals(channelType, o.channelType)
        && intentCode.equals(o.intentCode)
        && Objects.equals(intentName, o.intentName)
        && intentData.equals(o.intentData)
        && Objects.equals(from, o.from)
        && Objects.equals(to, o.to)
        && Objects.equals(messageId, o.messageId)
        && Objects.equals(templateCode, o.templateCode)
        && timestamp.equals(o.timestamp);
  }

  @Override
  public int hashCode() {
    return Objects.hash(requestId, businessSystemId, custSpaceId, channelType, intentCode, intentName, intentData,
        from, to, messageId, templateCode, timestamp);
  }

  /** The call's identity, without its data or the parties' numbers, so that it can be logged. */
  @Override
  public String toString() {
    return "IntentCall{requestId=" + requestId + ", intentCode=" + intentCode + ", businessSystemId="
        + businessSystemId + ", channelType=" + channelType + ", timestamp=" + timestamp + "}";
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
    private Instant timestamp;

    private Builder(String requestId, String intentCode) {
      this.requestId = Objects.requireNonNull(requestId, "requestId");
      this.intentCode = Objects.requireNonNull(intentCode, "intentCode");
    }

    public Builder businessSystemId(String value) { this.businessSystemId = value; return this; }
    public Builder custSpaceId(String value) { this.custSpaceId = value; return this; }
    public Builder channelType(ChannelType value) { this.channelType = value; return this; }
    public Builder intentName(String value) { this.intentName = value; return this; }
    public Builder intentData(JsonObject value) { this.intentData = Objects.requireNonNull(value, "intentData"); return this; }
    public Builder from(String value) { this.from = value; return this; }
    public Builder to(String value) { this.to = value; return this; }
    public Builder messageId(String value) { this.messageId = value; return this; }
    public Builder templateCode(String value) { this.templateCode = value; return this; }
    public Builder timestamp(Instant value) { this.timestamp = Objects.requireNonNull(value, "timestamp"); return this; }

    public IntentCall build() {
      if (timestamp == null) {
        timestamp = Instant.now();
      }
      return new IntentCall(this);
    }
  }
}
