package io.camssdk.management;

/**
 * Parameters of {@code CreateBusinessSystem}: registers the business system whose API Request URL receives intent
 * calls. Validated on construction.
 *
 * <pre>{@code
 * CreateBusinessSystemRequest request = CreateBusinessSystemRequest.builder()
 *     .custSpaceId("cams-83m8j9xxxxadc")
 *     .systemName("Orders")
 *     .apiUrl("https://orders.example.com/cams/intents")
 *     .build();
 * }</pre>
 *
 * @param custSpaceId the channel ({@code CustSpaceId}); required
 * @param systemName {@code SystemName}, 1-64 characters
 * @param apiUrl {@code ApiUrl}, an absolute https URL (http only for loopback hosts)
 * @param remarks {@code Remarks}, or {@code null}
 * @since 0.1
 */
public record CreateBusinessSystemRequest(String custSpaceId, String systemName, String apiUrl, String remarks) {

  /** @throws CamsValidationException naming the parameter and the rule it breaks */
  public CreateBusinessSystemRequest {
    Validation.id("CustSpaceId", custSpaceId);
    Validation.name("SystemName", systemName);
    Validation.apiUrl("ApiUrl", apiUrl);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link CreateBusinessSystemRequest}; not thread-safe. */
  public static final class Builder {
    private String custSpaceId;
    private String systemName;
    private String apiUrl;
    private String remarks;

    private Builder() {}

    public Builder custSpaceId(String custSpaceId) {
      this.custSpaceId = custSpaceId;
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
    public CreateBusinessSystemRequest build() {
      return new CreateBusinessSystemRequest(custSpaceId, systemName, apiUrl, remarks);
    }
  }
}
