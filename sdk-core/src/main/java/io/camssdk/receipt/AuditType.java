package io.camssdk.receipt;

/**
 * What a version-2 {@link AuditReceipt} reports ({@code Type}): a template review, or a change of a phone number's name
 * or quality, of a WhatsApp Business Account's review or state, or of a template's category or quality; or another
 * value the platform sends.
 *
 * <p>An open set: a value the SDK does not know is kept as sent, not rejected ({@link #isKnown()} is then
 * false). Values compare case-insensitively: {@code AuditType.of("TEMPLATE")} gives the documented
 * constant, spelled as documented; an unknown value keeps the spelling of the wire.
 *
 * <pre>{@code
 * if (AuditType.PHONE_QUALITY_UPDATE.equals(receipt.auditType())) {
 *   alertOps(receipt.phoneNumber(), receipt.status(), receipt.currentLimit()); // status GREEN, YELLOW, RED...
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class AuditType extends OpenValue {
  /** A template review result. */
  public static final AuditType TEMPLATE = new AuditType("template");

  /** A phone number's display name was reviewed. */
  public static final AuditType PHONE_NAME_UPDATE = new AuditType("phoneNameUpdate");

  /** A phone number's quality rating changed ({@code GREEN}, {@code YELLOW}, {@code RED}, {@code UNKNOWN}). */
  public static final AuditType PHONE_QUALITY_UPDATE = new AuditType("phoneQualityUpdate");

  /** A WhatsApp Business Account was reviewed. */
  public static final AuditType WABA_REVIEW_UPDATE = new AuditType("wabaReviewUpdate");

  /** A WhatsApp Business Account changed state. */
  public static final AuditType WABA_ACCOUNT_UPDATE = new AuditType("wabaAccountUpdate");

  /** A template's category changed. */
  public static final AuditType TEMPLATE_CATEGORY_UPDATE = new AuditType("templateCategoryUpdate");

  /** A template's quality rating changed. */
  public static final AuditType TEMPLATE_QUALITY_UPDATE = new AuditType("templateQualityUpdate");

  private static final Known<AuditType> KNOWN = new Known<>(AuditType::new, TEMPLATE, PHONE_NAME_UPDATE, PHONE_QUALITY_UPDATE, WABA_REVIEW_UPDATE, WABA_ACCOUNT_UPDATE, TEMPLATE_CATEGORY_UPDATE, TEMPLATE_QUALITY_UPDATE);

  private AuditType(String value) {
    super(value);
  }

  /** The known constant equal to {@code value} ignoring case, or else a new instance keeping {@code value}. */
  public static AuditType of(String value) {
    return KNOWN.of(value);
  }

  /** Whether this is one of the documented values (ignoring case). */
  public boolean isKnown() {
    return KNOWN.contains(this);
  }
}
