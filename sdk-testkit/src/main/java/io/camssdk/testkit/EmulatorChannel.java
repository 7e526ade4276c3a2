package io.camssdk.testkit;

import io.camssdk.intent.ChannelType;
import java.util.Objects;

/**
 * A channel the emulator knows: the {@code CustSpaceId} that management calls name, and its channel type (OTP
 * scheduling exists only on {@code whatsapp} channels).
 *
 * <pre>{@code
 * CamsEmulator emulator = CamsEmulator.builder()
 *     .channel(new EmulatorChannel("cams-shop-wa", ChannelType.WHATSAPP))
 *     .build();
 * }</pre>
 *
 * @param custSpaceId the channel's id, 1-64 chars of {@code [A-Za-z0-9_.-]}
 * @param channelType its type
 * @since 0.1
 */
public record EmulatorChannel(String custSpaceId, ChannelType channelType) {
  public EmulatorChannel {
    Objects.requireNonNull(custSpaceId, "custSpaceId");
    Objects.requireNonNull(channelType, "channelType");
    if (!custSpaceId.matches("[A-Za-z0-9_.-]{1,64}")) {
      throw new IllegalArgumentException("custSpaceId must be 1-64 chars of [A-Za-z0-9_.-] but was '"
          + custSpaceId + "'");
    }
  }

  /** Whether OTP delivery scheduling applies to this channel (WhatsApp only). */
  public boolean supportsOtpScheduling() {
    return channelType.equals(ChannelType.WHATSAPP);
  }
}
