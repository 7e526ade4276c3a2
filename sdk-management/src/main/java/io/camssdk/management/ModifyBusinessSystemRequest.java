package io.camssdk.management;

/**
 * Parameters of {@code ModifyBusinessSystem}; {@code null} leaves a setting unchanged. Validated on construction.
 *
 * <pre>{@code
 * client.modifyBusinessSystem(ModifyBusinessSystemRequest.builder()
 *     .custSpaceId(space).businessSystemId(id)
 *     .apiUrl("https://orders.example.com/v2/cams/intents")
 *     .build());
 * }</pre>
 *
 * @param custSpaceId the channel; required
 * @param businessSystemId the business system; required
 * @param systemName the new {@code SystemName} (1-64 characters), or {@code null}
 * @param apiUrl the new {@code ApiUrl} (absolute https URL), or {@code null}
 * @param remarks the new {@code Remarks}, or {@code null}
 * @since 0.1
 */
public record ModifyBusinessSystemRequest(String custSpaceId, String businessSystemId, String systemName,
    String apiUrl, String remarks) {

  /** @throws CamsValidationException naming the parameter and the rule it breaks */
  public ModifyBusinessSystemRequest {
    Validation.id("CustSpaceId", custSpaceId);
    Validation.id("BusinessSystemId", businessSystemId);
    Validation.optionalName("SystemName", systemName);
    Validation.optionalApiUrl("ApiUrl", apiUrl);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ModifyBusinessSystemRequest}; not thread-safe. */
  public static final class Builder {
    private String custSpaceId;
    private String businessSystemId;
    private String systemName;
    private String apiUrl;
    private String remarks;

    private Builder() {}

    public Builder custSpaceId(String custSpaceId) {
      this.custSpaceId = custSpaceId;
      return this;
    }

    public Builder businessSystemId(String businessSystemId) {
      this.businessSystemId = businessSystemId;
      return this;
    }

    public Builder systemName(String systemName) {
      this.systemName = systemName;
      return this;
    }

    public Builder apiUrl(String apiUrl) {
      this.apiUrl = apiUrl;
      return this;
    }

    public Builder remarks(String remarks) {
      this.remarks = remarks;
      return this;
    }

    /** @throws CamsValidationException naming the parameter and the rule it breaks */
    public ModifyBusinessSystemRequest build() {
      return new ModifyBusinessSystemRequest(custSpaceId, businessSystemId, systemName, apiUrl, remarks);
    }
  }
}
