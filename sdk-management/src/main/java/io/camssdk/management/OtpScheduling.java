package io.camssdk.management;

import java.util.List;

/**
 * OTP delivery scheduling of a WhatsApp channel: when scheduling resources are unavailable for a selected country,
 * sends use the customer's own numbers if {@code useOwnNumbers}, and fail otherwise. {@code ModifyOtpScheduling}
 * checks that {@code countries} are ISO 3166-1 alpha-2 codes without duplicates, non-empty when enabled.
 *
 * <pre>{@code
 * client.modifyOtpScheduling(space, new OtpScheduling(true, List.of("SG", "ID"), true));
 * }</pre>
 *
 * @param enabled whether scheduling is on
 * @param countries the selected countries, ISO 3166-1 alpha-2 (such as {@code "SG"})
 * @param useOwnNumbers whether to fall back on the customer's own numbers
 * @since 0.1
 */
public record OtpScheduling(boolean enabled, List<String> countries, boolean useOwnNumbers) {
  public OtpScheduling {
    countries = countries == null ? List.of() : List.copyOf(countries);
  }

  /** Scheduling switched off. */
  public static OtpScheduling disabled() {
    return new OtpScheduling(false, List.of(), false);
  }
}
