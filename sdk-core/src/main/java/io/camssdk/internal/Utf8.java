package io.camssdk.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Strict UTF-8 validation (no overlongs, no surrogates, nothing above U+10FFFF), with an ASCII fast path. */
public final class Utf8 {
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private Utf8() {}

  public static boolean isValid(byte[] bytes) {
    int i = 0;
    int n = bytes.length;
    while (i < n) {
      // ASCII fast path, eight bytes at a time.
      while (i + 8 <= n && ((long) LONGS.get(bytes, i) & 0x8080808080808080L) == 0) {
        i += 8;
      }
      if (i >= n) {
        break;
      }
      int b = bytes[i];
      if (b >= 0) {
        i++;
        continue;
      }
      int need;
      int min;
      int cp;
      if ((b & 0xE0) == 0xC0) {
        need = 1; min = 0x80; cp = b & 0x1F;
      } else if ((b & 0xF0) == 0xE0) {
        need = 2; min = 0x800; cp = b & 0x0F;
      } else if ((b & 0xF8) == 0xF0) {
        need = 3; min = 0x10000; cp = b & 0x07;
      } else {
        return false;
      }
      if (i + need >= n) {
        return false;
      }
      for (int k = 1; k <= need; k++) {
        int c = bytes[i + k];
        if ((c & 0xC0) != 0x80) {
          return false;
        }
        cp = (cp << 6) | (c & 0x3F);
      }
      if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return false;
      }
      i += need + 1;
    }
    return true;
  }
}
