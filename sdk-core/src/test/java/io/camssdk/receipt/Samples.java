package io.camssdk.receipt;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The sample pushes in {@code src/test/resources/receipts}, built after the platform's documented examples. */
final class Samples {
  private Samples() {}

  static byte[] read(String name) {
    try (InputStream in = Samples.class.getResourceAsStream("/receipts/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] utf8(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
