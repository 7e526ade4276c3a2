package io.camssdk.webhook;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonWriter;
import io.camssdk.CamsCode;
import io.camssdk.internal.Json;
import io.camssdk.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import okio.Buffer;

/** Renders reply bodies. */
final class Replies {
  private static final byte[] OK_PREFIX = "{\"Code\":\"OK\",\"Message\":\"\",\"Data\":".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OK_NULL_DATA =
      "{\"Code\":\"OK\",\"Message\":\"\",\"Data\":{}}".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OK_EMPTY = "{\"Code\":\"OK\",\"Message\":\"\"}".getBytes(StandardCharsets.US_ASCII);

  private Replies() {}

  /** {@code {"Code":"<code>","Message":"<message>"}} */
  static byte[] error(CamsCode code, String message) {
    StringBuilder json = new StringBuilder(48 + message.length());
    json.append("{\"Code\":\"").append(code.wireName()).append("\",\"Message\":\"");
    escape(json, message);
    json.append("\"}");
    return json.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The body of a handled receipt batch. */
  static byte[] ok() {
    return OK_EMPTY.clone();
  }

  /**
   * {@code {"Code":"OK","Message":"","Data":<data>}}.
   *
   * @throws IllegalArgumentException when {@code data} is not written as a JSON object
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static byte[] ok(Object data) throws IOException {
    if (data == null) {
      return OK_NULL_DATA.clone();
    }
    if (!(data instanceof JsonObject) && !(data instanceof Map)) {
      byte[] direct = Json.writeDirect(OK_PREFIX, data, '}');
      if (direct != null) {
        return direct;
      }
    }
    Buffer buffer = new Buffer();
    buffer.write(OK_PREFIX);
    long dataStart = buffer.size();
    if (data == null) {
      buffer.writeUtf8("{}");
    } else {
      try (JsonWriter writer = JsonWriter.of(buffer)) {
        if (data instanceof JsonObject object) {
          Json.writeValue(writer, object.asMap());
        } else if (data instanceof Map) {
          Json.writeValue(writer, data); // written as it is: no copy on the reply path
        } else {
          JsonAdapter adapter = Json.adapter(data.getClass());
          adapter.toJson(writer, data);
        }
      }
      if (buffer.getByte(dataStart) != '{') {
        throw new IllegalArgumentException(data.getClass().getName() + " is not written as a JSON object");
      }
    }
    buffer.writeByte('}');
    return buffer.readByteArray();
  }

  private static void escape(StringBuilder out, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        default:
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
      }
    }
  }
}
