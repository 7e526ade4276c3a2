package io.camssdk.management;

/**
 * Parameters of {@code ListChatappTemplate}: one page of a channel's message templates, optionally filtered.
 * Validated on construction; {@code null} filters are not sent.
 *
 * <pre>{@code
 * TemplatePage page = cams.listTemplates(ListChatappTemplateRequest.builder()
 *     .custSpaceId(space).auditStatus("pass").page(1, 50).build());
 * }</pre>
 *
 * @param custSpaceId {@code CustSpaceId}, the channel; required
 * @param name {@code Name}, a template name filter, or {@code null}
 * @param templateCode {@code Code}, a template code filter, or {@code null}
 * @param language {@code Language}, such as {@code en}, or {@code null}
 * @param auditStatus {@code AuditStatus}, such as {@code pass}, {@code fail}, {@code auditing}, or {@code null}
 * @param templateType {@code TemplateType}: {@code WHATSAPP}, {@code VIBER}, ..., or {@code null}
 * @param pageIndex {@code Page.Index}, from 1
 * @param pageSize {@code Page.Size}, 1-100
 * @since 0.1
 */
public record ListChatappTemplateRequest(String custSpaceId, String name, String templateCode, String language,
    String auditStatus, String templateType, int pageIndex, int pageSize) {

  /** The page size when none is set. */
  public static final int DEFAULT_PAGE_SIZE = 20;

  /** @throws CamsValidationException naming the parameter and the rule it breaks */
  public ListChatappTemplateRequest {
    Validation.id("CustSpaceId", custSpaceId);
    Validation.pageIndex(pageIndex);
    Validation.pageSize(pageSize);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The same filters, for page {@code pageIndex}. */
  public ListChatappTemplateRequest withPage(int pageIndex) {
    return new ListChatappTemplateRequest(custSpaceId, name, templateCode, language, auditStatus, templateType,
        pageIndex, pageSize);
  }

  /** Builds a {@link ListChatappTemplateRequest}; not thread-safe. Page 1 of 20 unless set. */
  public static final class Builder {
    private String custSpaceId;
    private String name;
    private String templateCode;
    private String language;
    private String auditStatus;
    private String templateType;
    private int pageIndex = 1;
    private int pageSize = DEFAULT_PAGE_SIZE;

    private Builder() {}

    public Builder custSpaceId(String custSpaceId) {
      this.custSpaceId = custSpaceId;
      return this;
    }

    public Builder name(String name) {
      this.name = name;
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

    public Builder auditStatus(String auditStatus) {
      this.auditStatus = auditStatus;
      return this;
    }

    public Builder templateType(String templateType) {
      this.templateType = templateType;
      return this;
    }

    /** {@code Page}: the page (from 1) and its size (1-100). */
    public Builder page(int index, int size) {
      this.pageIndex = index;
      this.pageSize = size;
      return this;
    }

    /** @throws CamsValidationException naming the parameter and the rule it breaks */
    public ListChatappTemplateRequest build() {
      return new ListChatappTemplateRequest(custSpaceId, name, templateCode, language, auditStatus, templateType,
          pageIndex, pageSize);
    }
  }
}
