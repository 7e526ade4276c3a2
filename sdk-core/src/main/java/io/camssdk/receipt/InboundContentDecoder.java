package io.camssdk.receipt;

import com.squareup.moshi.JsonWriter;
import io.camssdk.internal.Json;
import io.camssdk.internal.MalformedJsonException;
import io.camssdk.json.JsonLimits;
import io.camssdk.json.JsonObject;
import io.camssdk.json.MalformedPayloadException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * Decodes the {@code Message} of an inbound receipt into an {@link InboundContent}; never fails: content it cannot
 * decode is {@link InboundContent.Unknown}. The JSON inside a {@code Message} string is read by the same strict
 * reader as the body, under the same limits.
 */
final class InboundContentDecoder {
  private static final String PATH = "$.Message";

  private InboundContentDecoder() {}

  /**
   * The text of {@code Message} as sent: a string as is, a number as its decimal text, an object or array (newer
   * platform versions send {@code Message} as an object) as compact JSON.
   *
   * @throws MalformedPayloadException when {@code Message} is a boolean
   */
  static String messageText(Object message, String itemPath) {
    if (message == null || message instanceof String) {
      return (String) message;
    }
    if (message instanceof Number number) {
      return Json.numberText(number);
    }
    if (message instanceof Map || message instanceof List) {
      Buffer buffer = new Buffer();
      try (JsonWriter writer = JsonWriter.of(buffer)) {
        Json.writeValue(writer, message);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return buffer.readUtf8();
    }
    throw new MalformedPayloadException(itemPath + ".Message",
        "expected a string or an object but found " + Json.typeName(message));
  }

  /**
   * Decodes {@code message} (the generic value of the {@code Message} field; {@code text} its text form) for a
   * message of {@code type}. The JSON held in a string is read with {@code limits}, its top level at depth 1.
   */
  static InboundContent decode(InboundMessageType type, Object message, String text, JsonLimits limits) {
    if (type == null || message == null || !type.isKnown()) {
      return new InboundContent.Unknown(text);
    }
    if (type.equals(InboundMessageType.TEXT)) {
      return new InboundContent.Text(text);
    }
    try {
      Object json = message instanceof String s ? parse(s, limits) : message;
      InboundContent content = decodeJson(type, json);
      return content != null ? content : new InboundContent.Unknown(text);
    } catch (MalformedJsonException | MalformedPayloadException e) {
      return new InboundContent.Unknown(text);
    }
  }

  @SuppressWarnings("unchecked")
  private static InboundContent decodeJson(InboundMessageType type, Object json) {
    if (type.equals(InboundMessageType.CONTACTS)) {
      return contacts(json);
    }
    if (!(json instanceof Map)) {
      return null;
    }
    Map<String, Object> fields = (Map<String, Object>) json;
    JsonObject object = JsonObject.of(fields);
    if (type.equals(InboundMessageType.LOCATION)) {
      Double latitude = coordinate(fields.get("latitude"));
      Double longitude = coordinate(fields.get("longitude"));
      if (latitude == null || longitude == null || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
        return null;
      }
      return new InboundContent.Location(latitude, longitude, text(fields, "name"), text(fields, "address"), object);
    }
    if (type.equals(InboundMessageType.REPLY)) {
      return new InboundContent.Reply(text(fields, "text"), text(fields, "payload"), object);
    }
    if (type.equals(InboundMessageType.SYSTEM)) {
      return new InboundContent.SystemEvent(text(fields, "body"), text(fields, "type"), object);
    }
    InboundContent.Media.Kind kind = mediaKind(type);
    if (kind == null) {
      return null;
    }
    String filename = text(fields, "filename");
    return new InboundContent.Media(kind, text(fields, "id"), text(fields, "url"), text(fields, "mimeType"),
        filename != null ? filename : text(fields, "fileName"), text(fields, "caption"), text(fields, "name"), object);
  }

  private static InboundContent.Media.Kind mediaKind(InboundMessageType type) {
    if (type.equals(InboundMessageType.IMAGE)) {
      return InboundContent.Media.Kind.IMAGE;
    }
    if (type.equals(InboundMessageType.VIDEO)) {
      return InboundContent.Media.Kind.VIDEO;
    }
    if (type.equals(InboundMessageType.AUDIO)) {
      return InboundContent.Media.Kind.AUDIO;
    }
    if (type.equals(InboundMessageType.DOCUMENT)) {
      return InboundContent.Media.Kind.DOCUMENT;
    }
    return null;
  }

  /** An array of cards, an object with a {@code contacts} array, or one card; {@code null} for anything else. */
  @SuppressWarnings("unchecked")
  private static InboundContent contacts(Object json) {
    Object cards = json;
    if (json instanceof Map<?, ?> map) {
      cards = map.get("contacts") instanceof List<?> list ? list : List.of(map);
    }
    if (!(cards instanceof List<?> list)) {
      return null;
    }
    List<JsonObject> contacts = new ArrayList<>(list.size());
    for (Object card : list) {
      if (!(card instanceof Map)) {
        return null;
      }
      contacts.add(JsonObject.of((Map<String, Object>) card));
    }
    return new InboundContent.Contacts(contacts);
  }

  private static String text(Map<String, Object> fields, String key) {
    return Fields.text(fields, key, PATH);
  }

  private static Double coordinate(Object value) {
    double degrees;
    if (value instanceof Number number) {
      degrees = number.doubleValue();
    } else if (value instanceof String s) {
      try {
        degrees = Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    } else {
      return null;
    }
    return Double.isFinite(degrees) ? degrees : null;
  }

  /** The JSON held in a {@code Message} string, read by the SDK's strict reader. */
  private static Object parse(String json, JsonLimits limits) {
    return Json.readValue(json.getBytes(StandardCharsets.UTF_8), limits.maxDepth(), limits.maxStringLength(),
        limits.maxNumberLength());
  }
}
