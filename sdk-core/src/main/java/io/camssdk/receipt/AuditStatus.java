package io.camssdk.receipt;

/**
 * The review status of a template in an {@link AuditReceipt} ({@code AuditStatus}): {@code pass}, {@code fail},
 * {@code auditing}, {@code unaudit}, {@code disabled}, {@code paused}, or another value the platform sends.
 *
 * <p>An open set: a value the SDK does not know is kept as sent, not rejected ({@link #isKnown()} is then
 * false). Values compare case-insensitively: {@code AuditStatus.of("PASS")} gives the documented
 * constant, spelled as documented; an unknown value keeps the spelling of the wire.
 *
 * <pre>{@code
 * if (AuditStatus.FAIL.equals(receipt.auditStatus())) {
 *   notifyDesigner(receipt.templateCode(), receipt.reason());
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class AuditStatus extends OpenValue {
  /** The template is approved. */
  public static final AuditStatus PASS = new AuditStatus("pass");

  /** The template is rejected; the receipt's reason says why. */
  public static final AuditStatus FAIL = new AuditStatus("fail");

  /** The template is being reviewed. */
  public static final AuditStatus AUDITING = new AuditStatus("auditing");

  /** The template waits for review. */
  public static final AuditStatus UNAUDIT = new AuditStatus("unaudit");

  /** The template is disabled. */
  public static final AuditStatus DISABLED = new AuditStatus("disabled");

  /** The template is paused. */
  public static final AuditStatus PAUSED = new AuditStatus("paused");

  private static final Known<AuditStatus> KNOWN = new Known<>(AuditStatus::new, PASS, FAIL, AUDITING, UNAUDIT, DISABLED, PAUSED);

  private AuditStatus(String value) {
    super(value);
  }

  /** The known constant equal to {@code value} ignoring case, or else a new instance keeping {@code value}. */
  public static AuditStatus of(String value) {
    return KNOWN.of(value);
  }

  /** Whether this is one of the documented values (ignoring case). */
  public boolean isKnown() {
    return KNOWN.contains(this);
  }
}
