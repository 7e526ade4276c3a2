package io.camssdk.webhook;

import io.camssdk.CamsCode;
import io.camssdk.CamsException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Reads a body while enforcing the size limit, so that a huge body is never buffered whole. A declared
 * {@code Content-Length} only sizes the first buffer (and rejects early when over the limit); the limit is
 * enforced on the bytes actually read.
 */
final class BodyReader {
  private static final int UNKNOWN_LENGTH_BUFFER = 8192;

  private BodyReader() {}

  static byte[] read(EndpointRequest request, int maxBytes) {
    byte[] held = request.bodyBytes();
    if (held != null) {
      // Already in memory: checked, not copied.
      if (held.length > maxBytes) {
        throw tooLarge(maxBytes);
      }
      return held;
    }
    long declared = request.contentLength();
    if (declared > maxBytes) {
      throw tooLarge(maxBytes);
    }
    int capacity = declared >= 0 ? (int) declared : Math.min(maxBytes + 1, UNKNOWN_LENGTH_BUFFER);
    byte[] buffer = new byte[capacity];
    int length = 0;
    InputStream in = request.body();
    try {
      while (true) {
        if (length == buffer.length) {
          // Full: the body usually ends here, so probe one byte before growing (no copy when it does).
          int next = in.read();
          if (next < 0) {
            return buffer;
          }
          if (length + 1 > maxBytes) {
            throw tooLarge(maxBytes);
          }
          buffer = Arrays.copyOf(buffer, Math.min(maxBytes + 1, Math.max(16, buffer.length * 2)));
          buffer[length++] = (byte) next;
        }
        int read = in.read(buffer, length, buffer.length - length);
        if (read < 0) {
          return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
        }
        length += read;
        if (length > maxBytes) {
          throw tooLarge(maxBytes);
        }
      }
    } catch (IOException e) {
      throw new CamsException(CamsCode.MALFORMED_PAYLOAD, "body could not be read");
    }
  }

  private static CamsException tooLarge(int maxBytes) {
    return new CamsException(CamsCode.PAYLOAD_TOO_LARGE, "body is larger than " + maxBytes + " bytes");
  }
}
