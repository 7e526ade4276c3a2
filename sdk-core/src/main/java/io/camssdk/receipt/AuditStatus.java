package io.camssdk.receipt;

import java.util.List;
import java.util.Objects;

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
 * @param value the value, as documented for a known value, else as on the wire
 * @since 0.1
 */
public record AuditStatus(String value) {
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

  private static final List<AuditStatus> KNOWN = List.of(PASS, FAIL, AUDITING, UNAUDIT, DISABLED, PAUSED);

  public AuditStatus {
    Objects.requireNonNull(value, "value");
  }

  /** The known constant equal to {@code value} ignoring case, or else a new instance keeping {@code value}. */
  public static AuditStatus of(String value) {
    return OpenValues.of(KNOWN, AuditStatus::value, value, AuditStatus::new);
  }

  /** Whether this is one of the documented values (ignoring case). */
  public boolean isKnown() {
    return KNOWN.contains(this);
  }

  /** Equal when the values are equal ignoring case. */
  @Override
  public boolean equals(Object other) {
    return other instanceof AuditStatus o && OpenValues.fold(value).equals(OpenValues.fold(o.value));
  }

  @Override
  public int hashCode() {
    return OpenValues.fold(value).hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
