package io.camssdk.internal;

import java.util.Arrays;

/**
 * A growable byte array that writes JSON text byte for byte as Moshi's {@code JsonUtf8Writer} does: the same
 * string escapes (control characters as six-char unicode escapes except the short forms, and the escaped line and
 * paragraph separators U+2028 and U+2029),
 * UTF-8 with {@code ?} for a lone surrogate (as Okio writes it), integers in decimal. Internal.
 */
final class DirectJson {
  static final int STRING = 1;
  static final int INT = 2;
  static final int BOOLEAN = 3;
  static final int LONG = 4;

  private static final byte[][] ASCII_ESCAPES = new byte[128][];
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
  private static final byte[] LONG_MIN =
      Long.toString(Long.MIN_VALUE).getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  static {
    for (int c = 0; c < 0x20; c++) {
      ASCII_ESCAPES[c] = String.format("\\u%04x", c).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
    ASCII_ESCAPES['"'] = new byte[] {'\\', '"'};
    ASCII_ESCAPES['\\'] = new byte[] {'\\', '\\'};
    ASCII_ESCAPES['\t'] = new byte[] {'\\', 't'};
    ASCII_ESCAPES['\b'] = new byte[] {'\\', 'b'};
    ASCII_ESCAPES['\n'] = new byte[] {'\\', 'n'};
    ASCII_ESCAPES['\r'] = new byte[] {'\\', 'r'};
    ASCII_ESCAPES['\f'] = new byte[] {'\\', 'f'};
  }

  private byte[] bytes;
  private int size;

  DirectJson(int capacity) {
    bytes = new byte[Math.max(16, capacity)];
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
  }

  void write(int b) {
    ensure(1);
    bytes[size++] = (byte) b;
  }

  void write(byte[] b) {
    ensure(b.length);
    System.arraycopy(b, 0, bytes, size, b.length);
    size += b.length;
  }

  void value(int kind, Object value) {
    switch (kind) {
      case STRING:
        string((String) value);
        break;
      case INT:
      case LONG:
        decimal(((Number) value).longValue());
        break;
      default:
        write((Boolean) value ? TRUE : FALSE);
    }
  }

  /** {@code value} in decimal, as {@link Long#toString(long)} writes it, without making that string. */
  private void decimal(long value) {
    if (value == Long.MIN_VALUE) {
      write(LONG_MIN);
      return;
    }
    ensure(20);
    if (value < 0) {
      bytes[size++] = '-';
      value = -value;
    }
    int digits = 1;
    for (long rest = value / 10; rest != 0; rest /= 10) {
      digits++;
    }
    int end = size + digits;
    for (int i = end - 1; i >= size; i--) {
      bytes[i] = (byte) ('0' + (value % 10));
      value /= 10;
    }
    size = end;
  }

  /** A quoted, escaped string. */
  void string(String value) {
    int length = value.length();
    ensure(length + 2);
    bytes[size++] = '"';
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c < 0x80) {
        byte[] escape = ASCII_ESCAPES[c];
        if (escape == null) {
          ensure(1);
          bytes[size++] = (byte) c;
        } else {
          write(escape);
        }
      } else if (c == '\u2028') {
        write(new byte[] {'\\', 'u', '2', '0', '2', '8'});
      } else if (c == '\u2029') {
        write(new byte[] {'\\', 'u', '2', '0', '2', '9'});
      } else if (c < 0x800) {
        ensure(2);
        bytes[size++] = (byte) (0xC0 | (c >> 6));
        bytes[size++] = (byte) (0x80 | (c & 0x3F));
      } else if (!Character.isSurrogate(c)) {
        ensure(3);
        bytes[size++] = (byte) (0xE0 | (c >> 12));
        bytes[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        bytes[size++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, value.charAt(++i));
        ensure(4);
        bytes[size++] = (byte) (0xF0 | (cp >> 18));
        bytes[size++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        bytes[size++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        bytes[size++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        ensure(1);
        bytes[size++] = '?';
      }
    }
    ensure(1);
    bytes[size++] = '"';
  }

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  /** The written bytes, without copying when the array is exactly full. */
  byte[] result() {
    return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
  }
}
