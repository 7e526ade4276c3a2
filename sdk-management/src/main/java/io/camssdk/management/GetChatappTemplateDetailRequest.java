package io.camssdk.management;

/**
 * Parameters of {@code GetChatappTemplateDetail}: one template in one language, with its components and buttons.
 *
 * <pre>{@code
 * TemplateDetail detail = cams.getTemplateDetail(
 *     GetChatappTemplateDetailRequest.builder().custSpaceId(space).templateCode("744c4b5c79c9432497a075bdfca3****")
 *         .language("en").build());
 * }</pre>
 *
 * @param custSpaceId {@code CustSpaceId}, the channel; required
 * @param templateCode {@code TemplateCode}; required
 * @param language {@code Language}, such as {@code en}; required
 * @param templateType {@code TemplateType}, such as {@code WHATSAPP}, or {@code null}
 * @since 0.1
 */
public record GetChatappTemplateDetailRequest(String custSpaceId, String templateCode, String language,
    String templateType) {

  /** @throws CamsValidationException naming the parameter and the rule it breaks */
  public GetChatappTemplateDetailRequest {
    Validation.id("CustSpaceId", custSpaceId);
    Validation.id("TemplateCode", templateCode);
    Validation.id("Language", language);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link GetChatappTemplateDetailRequest}; not thread-safe. */
  public static final class Builder {
    private String custSpaceId;
    private String templateCode;
    private String language;
    private String templateType;

    private Builder() {}

    public Builder custSpaceId(String custSpaceId) {
      this.custSpaceId = custSpaceId;
      return this;
    }

    public Builder templateCode(String templateCode) {
      this.templateCode = templateCode;
      return this;
    }

    public Builder language(String language) {
      this.language = language;
      return this;
    }

    public Builder templateType(String templateType) {
      this.templateType = templateType;
      return this;
    }

    /** @throws CamsValidationException naming the parameter and the rule it breaks */
    public GetChatappTemplateDetailRequest build() {
      return new GetChatappTemplateDetailRequest(custSpaceId, templateCode, language, templateType);
    }
  }
}
