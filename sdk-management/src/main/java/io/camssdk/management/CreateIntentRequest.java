package io.camssdk.management;

import io.camssdk.json.JsonObject;

/**
 * Parameters of {@code CreateIntent}: an intent (a trigger event) of a business system that templates can call.
 * Validated on construction.
 *
 * <pre>{@code
 * CreateIntentRequest request = CreateIntentRequest.builder()
 *     .custSpaceId(space).businessSystemId(systemId)
 *     .intentCode("ORDER_STATUS").intentName("Order status")
 *     .defaultIntentData(Map.of("locale", "en"))   // a Map, a record/POJO, or a JsonObject
 *     .build();
 * }</pre>
 *
 * @param custSpaceId the channel; required
 * @param businessSystemId the business system; required
 * @param intentCode {@code IntentCode}, matching {@code [A-Za-z0-9_.-]{1,64}}
 * @param intentName {@code IntentName}, 1-64 characters
 * @param defaultIntentData {@code DefaultIntentData}, a JSON object of at most 4 KiB, sent as a JSON string
 * @since 0.1
 */
public record CreateIntentRequest(String custSpaceId, String businessSystemId, String intentCode, String intentName,
    JsonObject defaultIntentData) {

  /** @throws CamsValidationException naming the parameter and the rule it breaks */
  public CreateIntentRequest {
    Validation.id("CustSpaceId", custSpaceId);
    Validation.id("BusinessSystemId", businessSystemId);
    Validation.intentCode(intentCode);
    Validation.name("IntentName", intentName);
    defaultIntentData = Validation.defaultIntentData(defaultIntentData);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CreateIntentRequest}; not thread-safe. The default intent data defaults to {@code {}}. */
  public static final class Builder {
    private String custSpaceId;
    private String businessSystemId;
    private String intentCode;
    private String intentName;
    private JsonObject defaultIntentData = JsonObject.empty();

    private Builder() {}

    public Builder custSpaceId(String custSpaceId) {
      this.custSpaceId = custSpaceId;
      return this;
    }

    public Builder businessSystemId(String businessSystemId) {
      this.businessSystemId = businessSystemId;
      return this;
    }

    public Builder intentCode(String intentCode) {
      this.intentCode = intentCode;
      return this;
    }

    public Builder intentName(String intentName) {
      this.intentName = intentName;
      return this;
    }

    /**
     * The intent's default data: a {@link JsonObject}, a {@code Map<String, ?>}, or an object that Moshi writes as
     * a JSON object (a record or a class with fields).
     *
     * @throws CamsValidationException when the value is not a JSON object or exceeds 4 KiB
     */
    public Builder defaultIntentData(Object defaultIntentData) {
      this.defaultIntentData = Validation.defaultIntentData(defaultIntentData);
      return this;
    }

    /** @throws CamsValidationException naming the parameter and the rule it breaks */
    public CreateIntentRequest build() {
      return new CreateIntentRequest(custSpaceId, businessSystemId, intentCode, intentName, defaultIntentData);
    }
  }
}
