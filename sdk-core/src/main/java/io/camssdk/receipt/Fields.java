package io.camssdk.receipt;

import io.camssdk.internal.Json;
import io.camssdk.json.MalformedPayloadException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.apache.commons.codec.digest.DigestUtils;

/** Reading typed fields out of a receipt item's generic map, and building dedup keys. */
final class Fields {
  /** Longest dedup key kept as is; longer keys are replaced by a hash. */
  static final int MAX_KEY_LENGTH = 256;

  private Fields() {}

  /** The JSON path of item {@code index} of the top-level array. */
  static String itemPath(int index) {
    return "$[" + index + "]";
  }

  /**
   * The text at {@code key}: a string as is, a number as its digits (an integer in decimal; a large exponent kept
   * in scientific notation, never expanded); {@code null} when absent or JSON null.
   *
   * @throws MalformedPayloadException when the value is a boolean, an object or an array
   */
  static String text(Map<String, Object> item, String key, String itemPath) {
    Object value = item.get(key);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    if (value instanceof Number number) {
      return Json.numberText(number);
    }
    throw wrongType(itemPath, key, "a string", value);
  }

  /** Like {@link #text} but the field must be present and not null. */
  static String requiredText(Map<String, Object> item, String key, String itemPath) {
    String value = text(item, key, itemPath);
    if (value == null) {
      throw new MalformedPayloadException(itemPath + "." + key, "required field missing");
    }
    return value;
  }

  /**
   * The instant at {@code key}, given in milliseconds since the epoch as an integral number or a string of digits;
   * {@code null} when absent, JSON null or an empty string.
   *
   * @throws MalformedPayloadException when the value is not a whole number of milliseconds
   */
  static Instant epochMillis(Map<String, Object> item, String key, String itemPath) {
    Object value = item.get(key);
    if (value == null) {
      return null;
    }
    long millis;
    if (value instanceof Long l) {
      millis = l;
    } else if (value instanceof String s) {
      String trimmed = s.trim();
      if (trimmed.isEmpty()) {
        return null;
      }
      try {
        millis = Long.parseLong(trimmed);
      } catch (NumberFormatException e) {
        throw new MalformedPayloadException(itemPath + "." + key, "not a timestamp in milliseconds");
      }
    } else if (value instanceof Number number) {
      millis = integral(number, itemPath + "." + key);
    } else {
      throw wrongType(itemPath, key, "a timestamp in milliseconds", value);
    }
    return Instant.ofEpochMilli(millis);
  }

  private static long integral(Number number, String path) {
    try {
      BigDecimal decimal = number instanceof BigDecimal b ? b : new BigDecimal(number.toString());
      return decimal.longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw new MalformedPayloadException(path, "not a timestamp in milliseconds");
    }
  }

  private static MalformedPayloadException wrongType(String itemPath, String key, String expected, Object value) {
    return new MalformedPayloadException(itemPath + "." + key, "expected " + expected + " but found " + Json.typeName(value));
  }

  /** {@code prefix + ":" + natural}, or {@code prefix + "#" + sha256(natural)} when that would be too long. */
  static String boundedKey(ReceiptType type, String natural) {
    String key = type.wireName() + ':' + natural;
    return key.length() <= MAX_KEY_LENGTH ? key : hashedKey(type, natural);
  }

  /** {@code prefix + "#" + hex(sha256(canonical))}; the {@code #} keeps hashed keys apart from natural ones. */
  static String hashedKey(ReceiptType type, String canonical) {
    return type.wireName() + '#' + DigestUtils.sha256Hex(canonical);
  }

  /**
   * Appends {@code value} so that a sequence of appended values can be read back unambiguously: {@code -} for
   * {@code null}, else the length in chars, a colon and the value.
   */
  static StringBuilder appendField(StringBuilder canonical, String value) {
    if (value == null) {
      return canonical.append('-');
    }
    return canonical.append(value.length()).append(':').append(value);
  }
}
