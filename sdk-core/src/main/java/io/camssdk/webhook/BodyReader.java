package io.camssdk.webhook;

import io.camssdk.CamsCode;
import io.camssdk.CamsException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** Reads a body while enforcing the size limit, so that a huge body is never buffered whole. */
final class BodyReader {
  private BodyReader() {}

  static byte[] read(EndpointRequest request, int maxBytes) {
    if (request.contentLength() > maxBytes) {
      throw tooLarge(maxBytes);
    }
    int initial = request.contentLength() >= 0 ? (int) request.contentLength() + 1 : Math.min(maxBytes + 1, 8192);
    byte[] buffer = new byte[Math.max(initial, 16)];
    int length = 0;
    InputStream in = request.body();
    try {
      while (true) {
        if (length == buffer.length) {
          if (length > maxBytes) {
            throw tooLarge(maxBytes);
          }
          buffer = Arrays.copyOf(buffer, Math.min(maxBytes + 1, buffer.length * 2));
        }
        int read = in.read(buffer, length, buffer.length - length);
        if (read < 0) {
          break;
        }
        length += read;
        if (length > maxBytes) {
          throw tooLarge(maxBytes);
        }
      }
    } catch (IOException e) {
      throw new CamsException(CamsCode.MALFORMED_PAYLOAD, "body could not be read");
    }
    return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
  }

  private static CamsException tooLarge(int maxBytes) {
    return new CamsException(CamsCode.PAYLOAD_TOO_LARGE, "body is larger than " + maxBytes + " bytes");
  }
}
