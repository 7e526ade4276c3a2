package io.camssdk.intent;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import io.camssdk.internal.Json;
import io.camssdk.internal.Utf8;
import io.camssdk.json.JsonLimits;
import io.camssdk.json.JsonObject;
import io.camssdk.json.MalformedPayloadException;
import java.io.EOFException;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The intent-call parser as it was before {@link IntentCallScanner}: Moshi's strict {@code JsonReader} plus the
 * limit checks. Kept as the oracle of {@link IntentCallScannerDifferentialTest}: the scanner must accept, reject
 * and report exactly as this does.
 */
final class MoshiIntentCallParser {
  private static final int KEY_COUNT = 12;
  private static final int REQUEST_ID = 0;
  private static final int INTENT_CODE = 4;
  private static final int INTENT_DATA = 6;
  private static final int TIMESTAMP = 11;

  private final JsonLimits limits;

  MoshiIntentCallParser(JsonLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * @throws MalformedPayloadException when the body is not UTF-8 JSON of the contract's shape
   */
  public IntentCall parse(byte[] body) {
    if (!Utf8.isValid(body)) {
      throw new MalformedPayloadException("", "body is not valid UTF-8");
    }
    try (JsonReader reader = Json.reader(body)) {
      IntentCall call = read(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new MalformedPayloadException("", "trailing data after the JSON object");
      }
      return call;
    } catch (JsonEncodingException | EOFException e) {
      throw new MalformedPayloadException("", "body is not valid JSON");
    } catch (JsonDataException e) {
      throw new MalformedPayloadException("", "body has the wrong shape");
    } catch (IOException e) {
      // Reading from an in-memory buffer cannot fail but for the cases above.
      throw new MalformedPayloadException("", "body could not be read");
    }
  }

  private IntentCall read(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      throw new MalformedPayloadException("$", "expected a JSON object but found " + Json.describe(reader.peek()));
    }
    String[] strings = new String[KEY_COUNT];
    Map<String, Object> data = null;
    long timestamp = -1;
    int seen = 0;
    reader.beginObject();
    while (reader.hasNext()) {
      String name = reader.nextName();
      int key = keyIndex(name);
      if (key < 0) {
        if (name.length() > limits.maxStringLength()) {
          throw new MalformedPayloadException(reader.getPath(), "key longer than " + limits.maxStringLength() + " chars");
        }
        Json.skipValue(reader, limits, 2);
        continue;
      }
      if ((seen & (1 << key)) != 0) {
        throw new MalformedPayloadException(reader.getPath(), "duplicate key");
      }
      seen |= 1 << key;
      if (key == INTENT_DATA) {
        if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
          throw new MalformedPayloadException(reader.getPath(),
              "expected a JSON object but found " + Json.describe(reader.peek()));
        }
        data = Json.readObjectMap(reader, limits, 2);
      } else if (key == TIMESTAMP) {
        timestamp = readMillis(reader);
      } else if (reader.peek() == JsonReader.Token.NULL) {
        reader.nextNull();
      } else if (reader.peek() == JsonReader.Token.STRING) {
        strings[key] = Json.readString(reader, limits);
      } else {
        throw new MalformedPayloadException(reader.getPath(),
            "expected a string but found " + Json.describe(reader.peek()));
      }
    }
    reader.endObject();
    String requestId = required(strings[REQUEST_ID], "$.RequestId");
    String intentCode = required(strings[INTENT_CODE], "$.IntentCode");
    if (data == null) {
      throw new MalformedPayloadException("$.IntentData", "required field is missing");
    }
    if (timestamp < 0) {
      throw new MalformedPayloadException("$.Timestamp", "required field is missing");
    }
    String channel = strings[3];
    return new IntentCall(requestId, strings[1], strings[2], channel == null ? null : ChannelType.of(channel),
        intentCode, strings[5], JsonObject.of(data), strings[7], strings[8], strings[9], strings[10],
        Instant.ofEpochMilli(timestamp));
  }

  /** The index of a contract key, or -1. A switch on the name beats Moshi's option trie for twelve keys. */
  private static int keyIndex(String name) {
    switch (name) {
      case "RequestId": return REQUEST_ID;
      case "BusinessSystemId": return 1;
      case "CustSpaceId": return 2;
      case "ChannelType": return 3;
      case "IntentCode": return INTENT_CODE;
      case "IntentName": return 5;
      case "IntentData": return INTENT_DATA;
      case "From": return 7;
      case "To": return 8;
      case "MessageId": return 9;
      case "TemplateCode": return 10;
      case "Timestamp": return TIMESTAMP;
      default: return -1;
    }
  }

  private long readMillis(JsonReader reader) throws IOException {
    String path = reader.getPath();
    if (reader.peek() != JsonReader.Token.NUMBER) {
      throw new MalformedPayloadException(path, "expected a number of milliseconds but found "
          + Json.describe(reader.peek()));
    }
    Number number = Json.readNumber(reader, limits);
    if (!(number instanceof Long millis) || millis < 0) {
      throw new MalformedPayloadException(path, "expected a non-negative whole number of milliseconds");
    }
    return millis;
  }

  private static String required(String value, String path) {
    if (value == null || value.isEmpty()) {
      throw new MalformedPayloadException(path, "required field is missing");
    }
    return value;
  }
}
