package io.camssdk.management;

import java.util.Objects;

/**
 * A channel's service settings, as {@code GetServiceSettings} returns them.
 *
 * @param channelType the channel's type, such as {@code whatsapp} (unknown values are kept)
 * @param smsActivated whether SMS (and so SMS fallback) is activated
 * @param otpScheduling OTP delivery scheduling (WhatsApp channels only; disabled otherwise)
 * @since 0.1
 */
public record ServiceSettings(String channelType, boolean smsActivated, OtpScheduling otpScheduling) {
  public ServiceSettings {
    channelType = channelType == null ? "" : channelType;
    Objects.requireNonNull(otpScheduling, "otpScheduling");
  }
}
