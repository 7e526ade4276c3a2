package io.camssdk.management;

/**
 * Parameters of {@code UpdatePhoneWebhook}: where the platform pushes the status receipts
 * ({@code StatusCallbackUrl}) and the inbound messages ({@code UpCallbackUrl}) of one phone number of a channel,
 * over HTTP ({@code HttpFlag}) and/or to a Message Service queue ({@code QueueFlag}). Validated on construction;
 * {@code null} leaves a setting unchanged.
 *
 * <pre>{@code
 * cams.updatePhoneWebhook(UpdatePhoneWebhookRequest.builder()
 *     .custSpaceId(space).phoneNumber("6580001234")
 *     .httpCallbacks(true)
 *     .statusCallbackUrl("https://orders.example.com/cams/receipts/status")
 *     .upCallbackUrl("https://orders.example.com/cams/receipts/inbound")
 *     .build());
 * }</pre>
 *
 * @param custSpaceId {@code CustSpaceId}, the channel; required
 * @param phoneNumber {@code PhoneNumber}, the business number; required
 * @param httpCallbacks {@code HttpFlag} ({@code Y}/{@code N}), or {@code null}
 * @param queueCallbacks {@code QueueFlag} ({@code Y}/{@code N}), or {@code null}
 * @param statusCallbackUrl {@code StatusCallbackUrl}, an absolute https URL, or {@code null}
 * @param upCallbackUrl {@code UpCallbackUrl} (inbound messages), an absolute https URL, or {@code null}
 * @since 0.1
 */
public record UpdatePhoneWebhookRequest(String custSpaceId, String phoneNumber, Boolean httpCallbacks,
    Boolean queueCallbacks, String statusCallbackUrl, String upCallbackUrl) {

  /** @throws CamsValidationException naming the parameter and the rule it breaks */
  public UpdatePhoneWebhookRequest {
    Validation.id("CustSpaceId", custSpaceId);
    Validation.id("PhoneNumber", phoneNumber);
    Validation.optionalApiUrl("StatusCallbackUrl", statusCallbackUrl);
    Validation.optionalApiUrl("UpCallbackUrl", upCallbackUrl);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link UpdatePhoneWebhookRequest}; not thread-safe. */
  public static final class Builder {
    private String custSpaceId;
    private String phoneNumber;
    private Boolean httpCallbacks;
    private Boolean queueCallbacks;
    private String statusCallbackUrl;
    private String upCallbackUrl;

    private Builder() {}

    public Builder custSpaceId(String custSpaceId) {
      this.custSpaceId = custSpaceId;
      return this;
    }

    public Builder phoneNumber(String phoneNumber) {
      this.phoneNumber = phoneNumber;
      return this;
    }

    /** {@code HttpFlag}: whether receipts are pushed over HTTP to the callback URLs. */
    public Builder httpCallbacks(boolean enabled) {
      this.httpCallbacks = enabled;
      return this;
    }

    /** {@code QueueFlag}: whether receipts are pushed to a Message Service (MNS) queue. */
    public Builder queueCallbacks(boolean enabled) {
      this.queueCallbacks = enabled;
      return this;
    }

    /** {@code StatusCallbackUrl}: where status receipts are pushed. */
    public Builder statusCallbackUrl(String url) {
      this.statusCallbackUrl = url;
      return this;
    }

    /** {@code UpCallbackUrl}: where inbound (customer) messages are pushed. */
    public Builder upCallbackUrl(String url) {
      this.upCallbackUrl = url;
      return this;
    }

    /** @throws CamsValidationException naming the parameter and the rule it breaks */
    public UpdatePhoneWebhookRequest build() {
      return new UpdatePhoneWebhookRequest(custSpaceId, phoneNumber, httpCallbacks, queueCallbacks,
          statusCallbackUrl, upCallbackUrl);
    }
  }
}
