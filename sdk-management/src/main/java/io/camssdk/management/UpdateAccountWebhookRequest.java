package io.camssdk.management;

/**
 * Parameters of {@code UpdateAccountWebhook}: where the platform pushes the status receipts of a channel (space)
 * and whether it pushes them over HTTP ({@code HttpFlag}) and to a Message Service queue ({@code QueueFlag}).
 * Validated on construction; {@code null} leaves a setting unchanged.
 *
 * <pre>{@code
 * cams.updateAccountWebhook(UpdateAccountWebhookRequest.builder()
 *     .custSpaceId(space)
 *     .httpCallbacks(true)
 *     .statusCallbackUrl("https://orders.example.com/cams/receipts/status")
 *     .build());
 * }</pre>
 *
 * @param custSpaceId {@code CustSpaceId}, the channel; required
 * @param httpCallbacks {@code HttpFlag} ({@code Y}/{@code N}): push receipts to the callback URL; or {@code null}
 * @param queueCallbacks {@code QueueFlag} ({@code Y}/{@code N}): push receipts to an MNS queue; or {@code null}
 * @param statusCallbackUrl {@code StatusCallbackUrl}, an absolute https URL, or {@code null}
 * @since 0.1
 */
public record UpdateAccountWebhookRequest(String custSpaceId, Boolean httpCallbacks, Boolean queueCallbacks,
    String statusCallbackUrl) {

  /** @throws CamsValidationException naming the parameter and the rule it breaks */
  public UpdateAccountWebhookRequest {
    Validation.id("CustSpaceId", custSpaceId);
    Validation.optionalApiUrl("StatusCallbackUrl", statusCallbackUrl);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link UpdateAccountWebhookRequest}; not thread-safe. */
  public static final class Builder {
    private String custSpaceId;
    private Boolean httpCallbacks;
    private Boolean queueCallbacks;
    private String statusCallbackUrl;

    private Builder() {}

    public Builder custSpaceId(String custSpaceId) {
      this.custSpaceId = custSpaceId;
      return this;
    }

    /** {@code HttpFlag}: whether receipts are pushed over HTTP to the callback URL. */
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

    /** @throws CamsValidationException naming the parameter and the rule it breaks */
    public UpdateAccountWebhookRequest build() {
      return new UpdateAccountWebhookRequest(custSpaceId, httpCallbacks, queueCallbacks, statusCallbackUrl);
    }
  }
}
