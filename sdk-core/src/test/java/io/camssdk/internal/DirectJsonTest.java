package io.camssdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Json;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/** The direct record writer produces Moshi's bytes exactly, and steps aside for records it does not cover. */
class DirectJsonTest {
  static final byte[] PREFIX = "{\"Data\":".getBytes(StandardCharsets.US_ASCII);

  record Plain(String text, int count, Long big, boolean flag, Boolean maybe, @Json(name = "re\"named\u2028") String other) {}

  record Empty() {}

  record WithList(String text, List<String> items) {}

  public record Public(String text) {}

  private static byte[] viaMoshi(Object value) throws Exception {
    @SuppressWarnings("unchecked")
    JsonAdapter<Object> adapter = (JsonAdapter<Object>) io.camssdk.internal.Json.adapter(value.getClass());
    Buffer buffer = new Buffer().write(PREFIX);
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      adapter.toJson(writer, value);
    }
    return buffer.writeByte('}').readByteArray();
  }

  private static String randomString(Random random) {
    if (random.nextInt(6) == 0) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(8)) {
        case 0: out.append((char) random.nextInt(0x20)); break;
        case 1: out.append("\"\\/\u2028\u2029\u007f".charAt(random.nextInt(6))); break;
        case 2: out.append((char) (0x80 + random.nextInt(0x780))); break;
        case 3: out.append((char) (0x800 + random.nextInt(0xD000))); break;
        case 4: out.appendCodePoint(0x10000 + random.nextInt(0xFFFFF)); break;
        case 5: out.append((char) (0xD800 + random.nextInt(0x800))); break; // a lone surrogate
        default: out.append((char) (0x20 + random.nextInt(0x5F)));
      }
    }
    return out.toString();
  }

  @Test
  void writesPlainRecordsByteForByteAsMoshi() throws Exception {
    Random random = new Random(20261124L);
    for (int i = 0; i < 20_000; i++) {
      Plain value = new Plain(randomString(random), random.nextInt(), random.nextInt(4) == 0 ? null : random.nextLong(),
          random.nextBoolean(), random.nextInt(3) == 0 ? null : random.nextBoolean(), randomString(random));
      assertThat(io.camssdk.internal.Json.writeDirect(PREFIX, value, '}')).as("%s", value).isEqualTo(viaMoshi(value));
    }
    assertThat(io.camssdk.internal.Json.writeDirect(PREFIX, new Empty(), '}')).isEqualTo(viaMoshi(new Empty()));
    // public, but nested in a package-private class: the SDK's record adapter, so the direct writer, applies
    assertThat(io.camssdk.internal.Json.writeDirect(PREFIX, new Public("a"), '}')).isEqualTo(viaMoshi(new Public("a")));
  }

  @Test
  void leavesOtherValuesToMoshi() {
    assertThat(io.camssdk.internal.Json.writeDirect(PREFIX, new WithList("a", List.of("b")), '}')).isNull();
    assertThat(io.camssdk.internal.Json.writeDirect(PREFIX, "text", '}')).isNull();
  }
}
