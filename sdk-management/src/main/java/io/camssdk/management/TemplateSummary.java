package io.camssdk.management;

import java.util.Objects;

/**
 * A template as {@code ListChatappTemplate} lists it (without its components: see
 * {@link CamsManagementClient#getTemplateDetail}).
 *
 * @param templateCode {@code TemplateCode}
 * @param templateName {@code TemplateName}
 * @param language {@code Language}
 * @param category {@code Category}, such as {@code MARKETING}, or {@code ""}
 * @param auditStatus {@code AuditStatus}, such as {@code pass}, or {@code ""}
 * @param templateType {@code TemplateType}, such as {@code WHATSAPP}, or {@code ""}
 * @param reason {@code Reason} of a refused audit, or {@code ""}
 * @param lastUpdateTime {@code LastUpdateTime} in epoch milliseconds, or 0
 * @since 0.1
 */
public record TemplateSummary(String templateCode, String templateName, String language, String category,
    String auditStatus, String templateType, String reason, long lastUpdateTime) {
  public TemplateSummary {
    Objects.requireNonNull(templateCode, "templateCode");
    templateName = templateName == null ? "" : templateName;
    language = language == null ? "" : language;
    category = category == null ? "" : category;
    auditStatus = auditStatus == null ? "" : auditStatus;
    templateType = templateType == null ? "" : templateType;
    reason = reason == null ? "" : reason;
  }
}
