package io.camssdk.management;

import io.camssdk.json.JsonObject;

/**
 * Parameters of {@code ModifyIntent}; {@code null} leaves a setting unchanged. Validated on construction.
 *
 * <pre>{@code
 * client.modifyIntent(ModifyIntentRequest.builder()
 *     .custSpaceId(space).businessSystemId(systemId).intentCode("ORDER_STATUS")
 *     .defaultIntentData(new OrderDefaults("en", true))
 *     .build());
 * }</pre>
 *
 * @param custSpaceId the channel; required
 * @param businessSystemId the business system; required
 * @param intentCode the intent to change, matching {@code [A-Za-z0-9_.-]{1,64}}
 * @param intentName the new {@code IntentName} (1-64 characters), or {@code null}
 * @param defaultIntentData the new {@code DefaultIntentData} (JSON object, at most 4 KiB), or {@code null}
 * @since 0.1
 */
public record ModifyIntentRequest(String custSpaceId, String businessSystemId, String intentCode, String intentName,
    JsonObject defaultIntentData) {

  /** @throws CamsValidationException naming the parameter and the rule it breaks */
  public ModifyIntentRequest {
    Validation.id("CustSpaceId", custSpaceId);
    Validation.id("BusinessSystemId", businessSystemId);
    Validation.intentCode(intentCode);
    Validation.optionalName("IntentName", intentName);
    if (defaultIntentData != null) {
      defaultIntentData = Validation.defaultIntentData(defaultIntentData);
    }
  }

  /** A modification that sets everything {@code request} would have created. */
  public static ModifyIntentRequest from(CreateIntentRequest request) {
    return new ModifyIntentRequest(request.custSpaceId(), request.businessSystemId(), request.intentCode(),
        request.intentName(), request.defaultIntentData());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ModifyIntentRequest}; not thread-safe. */
  public static final class Builder {
    private String custSpaceId;
    private String businessSystemId;
    private String intentCode;
    private String intentName;
    private JsonObject defaultIntentData;

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
     * The new default data: a {@link JsonObject}, a {@code Map<String, ?>}, or an object that Moshi writes as a
     * JSON object.
     *
     * @throws CamsValidationException when the value is not a JSON object or exceeds 4 KiB
     */
    public Builder defaultIntentData(Object defaultIntentData) {
      this.defaultIntentData = Validation.defaultIntentData(defaultIntentData);
      return this;
    }

    /** @throws CamsValidationException naming the parameter and the rule it breaks */
    public ModifyIntentRequest build() {
      return new ModifyIntentRequest(custSpaceId, businessSystemId, intentCode, intentName, defaultIntentData);
    }
  }
}
