package io.camssdk.receipt;

import io.camssdk.json.JsonObject;
import java.util.Map;
import java.util.Objects;

/**
 * A template review result or an account notice ({@code ChatAppAudit}). Version 1 of the push reports template
 * reviews ({@link #wabaId()}, {@link #templateCode()}, {@link #language()}, {@link #auditStatus()},
 * {@link #reason()}); version 2, used by ISVs that manage their customers' accounts, adds {@link #auditType()},
 * {@link #phoneNumber()}, {@link #status()} and {@link #currentLimit()} for notices about phone numbers, accounts and
 * templates.
 *
 * <p>Only {@link #raw()} is always present; the other components are {@code null} when the push does not carry
 * them. Text fields sent as JSON numbers are given as their decimal text.
 *
 * <pre>{@code
 * for (AuditReceipt receipt : ReceiptParser.parseAudit(body, JsonLimits.DEFAULTS)) {
 *   if (AuditStatus.PASS.equals(receipt.auditStatus())) {
 *     templates.approved(receipt.templateCode(), receipt.language());
 *   }
 * }
 * }</pre>
 *
 * @param wabaId {@code WabaId}, the WhatsApp Business Account
 * @param templateCode {@code TemplateCode}
 * @param language {@code Language} of the template
 * @param auditStatus {@code AuditStatus}
 * @param reason {@code Reason}, why a template was rejected
 * @param auditType {@code Type} (version 2; named so because {@link #type()} is the receipt's type)
 * @param phoneNumber {@code PhoneNumber} (version 2)
 * @param status {@code Status} (version 2), such as a quality rating {@code GREEN}, {@code YELLOW}, {@code RED}
 * @param currentLimit {@code CurrentLimit} (version 2), the phone number's current messaging limit
 * @param raw all fields of the item as sent
 * @since 0.1
 */
public record AuditReceipt(
    String wabaId,
    String templateCode,
    String language,
    AuditStatus auditStatus,
    String reason,
    AuditType auditType,
    String phoneNumber,
    String status,
    String currentLimit,
    JsonObject raw) implements Receipt {

  public AuditReceipt {
    Objects.requireNonNull(raw, "raw");
  }

  /** Reads item {@code index} of a push; package-private machinery of {@link ReceiptParser}. */
  static AuditReceipt read(Map<String, Object> item, int index) {
    String at = Fields.itemPath(index);
    String auditStatus = Fields.text(item, "AuditStatus", at);
    String auditType = Fields.text(item, "Type", at);
    return new AuditReceipt(
        Fields.text(item, "WabaId", at),
        Fields.text(item, "TemplateCode", at),
        Fields.text(item, "Language", at),
        auditStatus == null ? null : AuditStatus.of(auditStatus),
        Fields.text(item, "Reason", at),
        auditType == null ? null : AuditType.of(auditType),
        Fields.text(item, "PhoneNumber", at),
        Fields.text(item, "Status", at),
        Fields.text(item, "CurrentLimit", at),
        JsonObject.of(item));
  }

  /** Always {@link ReceiptType#AUDIT}. */
  @Override
  public ReceiptType type() {
    return ReceiptType.AUDIT;
  }

  /**
   * A SHA-256 over every documented field ({@code WabaId}, {@code TemplateCode}, {@code Language},
   * {@code AuditStatus}, {@code Reason}, {@code Type}, {@code PhoneNumber}, {@code Status}, {@code CurrentLimit}),
   * absent fields included as absent, {@code AuditStatus} and {@code Type} compared case-insensitively. Fields the
   * SDK does not know do not count, so a repeat that only adds a new field is still a repeat.
   */
  @Override
  public String dedupKey() {
    StringBuilder canonical = new StringBuilder();
    Fields.appendField(canonical, wabaId);
    Fields.appendField(canonical, templateCode);
    Fields.appendField(canonical, language);
    Fields.appendField(canonical, auditStatus == null ? null : auditStatus.folded());
    Fields.appendField(canonical, reason);
    Fields.appendField(canonical, auditType == null ? null : auditType.folded());
    Fields.appendField(canonical, phoneNumber);
    Fields.appendField(canonical, status);
    Fields.appendField(canonical, currentLimit);
    return Fields.hashedKey(ReceiptType.AUDIT, canonical.toString());
  }
}
