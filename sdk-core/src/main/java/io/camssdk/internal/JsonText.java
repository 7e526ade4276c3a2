package io.camssdk.internal;

import java.nio.charset.StandardCharsets;

/** Helpers over JSON text already validated by {@link JsonScanner}. Internal. */
public final class JsonText {
  private JsonText() {}

  /** The value of a hex digit, or -1. */
  public static int hex(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  /**
   * The string of the validated content of a JSON string, {@code start} to {@code end} (quotes excluded), its
   * escapes decoded.
   */
  public static String decode(byte[] b, int start, int end, boolean escaped) {
    if (!escaped) {
      return new String(b, start, end - start, StandardCharsets.UTF_8);
    }
    StringBuilder out = new StringBuilder(end - start);
    int run = start;
    int p = start;
    while (p < end) {
      if (b[p] != '\\') {
        p++;
        continue;
      }
      out.append(new String(b, run, p - run, StandardCharsets.UTF_8));
      int e = b[p + 1];
      switch (e) {
        case 'u':
          out.append((char) ((hex(b[p + 2]) << 12) | (hex(b[p + 3]) << 8) | (hex(b[p + 4]) << 4) | hex(b[p + 5])));
          p += 6;
          break;
        case 't': out.append('\t'); p += 2; break;
        case 'b': out.append('\b'); p += 2; break;
        case 'n': out.append('\n'); p += 2; break;
        case 'r': out.append('\r'); p += 2; break;
        case 'f': out.append('\f'); p += 2; break;
        default: out.append((char) e); p += 2; break; // \" \\ \/
      }
      run = p;
    }
    out.append(new String(b, run, end - run, StandardCharsets.UTF_8));
    return out.toString();
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

  /** The index after the validated string whose opening quote is at {@code p}. */
  static int skipString(byte[] b, int p) {
    int end = plainStringEnd(b, p);
    if (end >= 0) {
      return end + 1;
    }
    p++;
    while (b[p] != '"') {
      p += b[p] == '\\' ? 2 : 1;
    }
    return p + 1;
  }

  /**
   * The index of the closing quote of the validated string whose opening quote is at {@code p}, when the string
   * has no escape; else -1. Eight bytes at a time.
   */
  static int plainStringEnd(byte[] b, int p) {
    p++;
    int n = b.length;
    while (p + 8 <= n) {
      long w = (long) LONGS.get(b, p);
      long quote = w ^ 0x2222222222222222L;
      long slash = w ^ 0x5C5C5C5C5C5C5C5CL;
      long found = (((quote - 0x0101010101010101L) & ~quote) | ((slash - 0x0101010101010101L) & ~slash))
          & 0x8080808080808080L;
      if (found != 0) {
        p += Long.numberOfTrailingZeros(found) >>> 3;
        return b[p] == '"' ? p : -1;
      }
      p += 8;
    }
    while (b[p] != '"') {
      if (b[p] == '\\') {
        return -1;
      }
      p++;
    }
    return p;
  }

  /** The index after the validated value at {@code p}. */
  static int skipValue(byte[] b, int p) {
    int c = b[p];
    if (c == '"') {
      return skipString(b, p);
    }
    if (c == '{' || c == '[') {
      int depth = 0;
      do {
        c = b[p];
        if (c == '"') {
          p = skipString(b, p);
          continue;
        }
        if (c == '{' || c == '[') {
          depth++;
        } else if (c == '}' || c == ']') {
          depth--;
        }
        p++;
      } while (depth > 0);
      return p;
    }
    while (p < b.length) {
      c = b[p];
      if (c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        break;
      }
      p++;
    }
    return p;
  }

  static int skipWhitespace(byte[] b, int p) {
    while (p < b.length) {
      int c = b[p];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        break;
      }
      p++;
    }
    return p;
  }
}
