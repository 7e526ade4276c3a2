package io.camssdk.intent;

import java.util.Locale;
import java.util.Objects;

/**
 * The channel a call came through. An open set: values the SDK does not know are kept, not rejected.
 *
 * <pre>{@code
 * if (call.channelType().equals(ChannelType.WHATSAPP)) { ... }
 * }</pre>
 *
 * @param value the wire value, lower-cased
 * @since 0.1
 */
public record ChannelType(String value) {
  public static final ChannelType WHATSAPP = new ChannelType("whatsapp");
  public static final ChannelType VIBER = new ChannelType("viber");
  public static final ChannelType SMS = new ChannelType("sms");
  public static final ChannelType MESSENGER = new ChannelType("messenger");
  public static final ChannelType INSTAGRAM = new ChannelType("instagram");
  public static final ChannelType LINE = new ChannelType("line");
  public static final ChannelType TELEGRAM = new ChannelType("telegram");

  public ChannelType {
    Objects.requireNonNull(value, "value");
    value = value.toLowerCase(Locale.ROOT);
  }

  /** The channel type for a wire value; known values return the shared constant. */
  public static ChannelType of(String value) {
    // The platform sends lower case: no lower-cased copy is made for it.
    switch (hasUpperCase(value) ? value.toLowerCase(Locale.ROOT) : value) {
      case "whatsapp": return WHATSAPP;
      case "viber": return VIBER;
      case "sms": return SMS;
      case "messenger": return MESSENGER;
      case "instagram": return INSTAGRAM;
      case "line": return LINE;
      case "telegram": return TELEGRAM;
      default: return new ChannelType(value);
    }
  }

  private static boolean hasUpperCase(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 'A' && c <= 'Z' || c >= 0x80) {
        return true; // non-ASCII: let toLowerCase decide
      }
    }
    return false;
  }

  /** Whether this is one of the values the contract lists. */
  public boolean isKnown() {
    return this == of(value) && (this == WHATSAPP || this == VIBER || this == SMS || this == MESSENGER
        || this == INSTAGRAM || this == LINE || this == TELEGRAM);
  }

  @Override
  public String toString() {
    return value;
  }
}
