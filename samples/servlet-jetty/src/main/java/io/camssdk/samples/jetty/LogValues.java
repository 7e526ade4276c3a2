package io.camssdk.samples.jetty;

/**
 * Values from a platform push, made safe to log: receipt fields are chosen by whoever sent the push, and a
 * {@code MessageId} holding {@code "\r\n2026-11-30 INFO payment confirmed"} written verbatim would forge a log line.
 * Each value is quoted, with backslash, quote, CR, LF, tab and every other control or line-separator character
 * escaped, and cut at 128 characters.
 *
 * <pre>{@code
 * log.info("ChatAppStatus MessageId={} Status={}", LogValues.quoted(r.messageId()), LogValues.quoted(r.status()));
 * // ChatAppStatus MessageId="m-1\r\n2026-11-30 INFO forged" Status="Delivered"
 * }</pre>
 */
final class LogValues {
  static final int MAX_LENGTH = 128;

  private LogValues() {}

  /** {@code "value"} escaped and cut, or {@code -} for {@code null}. */
  static String quoted(Object value) {
    if (value == null) {
      return "-";
    }
    String text = value.toString();
    int shown = Math.min(text.length(), MAX_LENGTH);
    StringBuilder out = new StringBuilder(shown + 8).append('"');
    for (int i = 0; i < shown; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\r' -> out.append("\\r");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || loneSurrogate(text, i)) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
    if (text.length() > shown) {
      out.append("...(").append(text.length() - shown).append(" more)");
    }
    return out.toString();
  }

  private static boolean loneSurrogate(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    return Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
  }
}
