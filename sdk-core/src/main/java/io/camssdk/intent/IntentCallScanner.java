package io.camssdk.intent;

import io.camssdk.internal.JsonScanner;
import io.camssdk.internal.MalformedJsonException;
import io.camssdk.json.JsonLimits;
import io.camssdk.json.JsonObject;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Reads an intent call's body in one pass with the SDK's strict reader ({@link JsonScanner}): the contract's keys
 * are matched on their bytes, only their strings are decoded, other keys are validated and skipped, and
 * {@code IntentData} is kept as validated bytes that become a tree only when read. One instance per body; not
 * thread-safe.
 */
final class IntentCallScanner {
  private static final int REQUEST_ID = 0;
  private static final int BUSINESS_SYSTEM_ID = 1;
  private static final int CUST_SPACE_ID = 2;
  private static final int CHANNEL_TYPE = 3;
  private static final int INTENT_CODE = 4;
  private static final int INTENT_NAME = 5;
  private static final int INTENT_DATA = 6;
  private static final int FROM = 7;
  private static final int TO = 8;
  private static final int MESSAGE_ID = 9;
  private static final int TEMPLATE_CODE = 10;
  private static final int TIMESTAMP = 11;
  private static final byte[][] KEYS = {
      ascii("RequestId"), ascii("BusinessSystemId"), ascii("CustSpaceId"), ascii("ChannelType"),
      ascii("IntentCode"), ascii("IntentName"), ascii("IntentData"), ascii("From"), ascii("To"),
      ascii("MessageId"), ascii("TemplateCode"), ascii("Timestamp")};

  /** Per key of at least 8 bytes: its first and its last 8 bytes, as little-endian longs. */
  private static final long[] HEADS = new long[KEYS.length];
  private static final long[] TAILS = new long[KEYS.length];
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final String[] NAMES = new String[KEYS.length];
  private static final String[] PATHS = new String[KEYS.length];

  static {
    for (int i = 0; i < KEYS.length; i++) {
      NAMES[i] = new String(KEYS[i], StandardCharsets.US_ASCII);
      PATHS[i] = "$." + NAMES[i];
      if (KEYS[i].length >= 8) {
        HEADS[i] = (long) LONGS.get(KEYS[i], 0);
        TAILS[i] = (long) LONGS.get(KEYS[i], KEYS[i].length - 8);
      }
    }
  }

  private final JsonScanner json;
  private final byte[] b;

  IntentCallScanner(byte[] body, JsonLimits limits) {
    this.json = new JsonScanner(body, limits.maxDepth(), limits.maxStringLength(), limits.maxNumberLength());
    this.b = body;
  }

  /**
   * @throws MalformedJsonException when the body is not strict JSON of the contract's shape
   */
  IntentCall scan() {
    int kind = json.peek();
    if (kind != JsonScanner.OBJECT) {
      throw MalformedJsonException.at("$", "expected a JSON object but found " + JsonScanner.describe(kind));
    }
    json.open();
    String[] strings = new String[KEYS.length];
    JsonObject data = null;
    long timestamp = -1;
    int keys = json.beginKeys(); // unknown keys only: the contract's keys are tracked in {@code seen}
    int seen = 0;
    boolean first = true;
    while (true) {
      String name = null;
      try {
        if (!json.nextMember(first)) {
          break;
        }
        first = false;
        int key = json.stringEscaped() ? keyIndex(json.string())
            : keyIndex(json.stringStart(), json.stringEnd() - json.stringStart());
        name = key >= 0 ? NAMES[key] : json.string();
        if (key < 0) {
          json.addKey(keys);
          json.skipValue(2);
          continue;
        }
        if ((seen & (1 << key)) != 0) {
          throw MalformedJsonException.at("duplicate key");
        }
        seen |= 1 << key;
        kind = json.peek();
        String path = PATHS[key];
        if (key == INTENT_DATA) {
          data = JsonObject.of(json.readLazyObject(2));
        } else if (key == TIMESTAMP) {
          if (kind != JsonScanner.NUMBER) {
            throw MalformedJsonException.at(path, "expected a number of milliseconds but found "
                + JsonScanner.describe(kind));
          }
          timestamp = millis(path);
        } else if (kind == JsonScanner.NULL) {
          json.skipNull();
        } else if (kind == JsonScanner.STRING) {
          strings[key] = json.nextString();
        } else {
          throw MalformedJsonException.at(path, "expected a string but found " + JsonScanner.describe(kind));
        }
      } catch (MalformedJsonException e) {
        throw name == null ? e : e.prependName(name);
      }
    }
    json.endKeys(keys);
    json.end();
    String requestId = required(strings[REQUEST_ID], PATHS[REQUEST_ID]);
    String intentCode = required(strings[INTENT_CODE], PATHS[INTENT_CODE]);
    if (data == null) {
      throw MalformedJsonException.at(PATHS[INTENT_DATA], "required field is missing");
    }
    if (timestamp < 0) {
      throw MalformedJsonException.at(PATHS[TIMESTAMP], "required field is missing");
    }
    String channel = strings[CHANNEL_TYPE];
    return IntentCall.builder(requestId, intentCode)
        .businessSystemId(strings[BUSINESS_SYSTEM_ID])
        .custSpaceId(strings[CUST_SPACE_ID])
        .channelType(channel == null ? null : ChannelType.of(channel))
        .intentName(strings[INTENT_NAME])
        .intentData(data)
        .from(strings[FROM])
        .to(strings[TO])
        .messageId(strings[MESSAGE_ID])
        .templateCode(strings[TEMPLATE_CODE])
        .timestamp(Instant.ofEpochMilli(timestamp))
        .build();
  }

  private long millis(String path) {
    int start = json.position();
    int end = json.numberEnd();
    if (end - start <= 18 && b[start] != '-') {
      long value = 0;
      int i = start;
      for (; i < end; i++) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
          break;
        }
        value = value * 10 + d;
      }
      if (i == end) {
        json.skipNumber();
        return value; // plain digits that fit a long: the common case
      }
    }
    Number number;
    try {
      number = json.nextNumber();
    } catch (MalformedJsonException e) {
      throw MalformedJsonException.at(path, e.problem());
    }
    if (!(number instanceof Long millis) || millis < 0) {
      throw MalformedJsonException.at(path, "expected a non-negative whole number of milliseconds");
    }
    return millis;
  }

  private int keyIndex(int start, int length) {
    switch (length) {
      case 2: return matches(TO, start) ? TO : -1;
      case 4: return matches(FROM, start) ? FROM : -1;
      case 9: {
        int c = b[start];
        int key = c == 'R' ? REQUEST_ID : c == 'T' ? TIMESTAMP : MESSAGE_ID;
        return matches(key, start) ? key : -1;
      }
      case 10: {
        int c = b[start + 6];
        int key = c == 'C' ? INTENT_CODE : c == 'D' ? INTENT_DATA : INTENT_NAME;
        return matches(key, start) ? key : -1;
      }
      case 11: {
        int key = b[start + 1] == 'u' ? CUST_SPACE_ID : CHANNEL_TYPE;
        return matches(key, start) ? key : -1;
      }
      case 12: return matches(TEMPLATE_CODE, start) ? TEMPLATE_CODE : -1;
      case 16: return matches(BUSINESS_SYSTEM_ID, start) ? BUSINESS_SYSTEM_ID : -1;
      default: return -1;
    }
  }

  /** Whether the key at {@code start}, of the key's length (checked by the caller), is that key. */
  private boolean matches(int key, int start) {
    byte[] name = KEYS[key];
    if (name.length >= 8) {
      // Two overlapping words cover keys of 8 to 16 bytes.
      return (long) LONGS.get(b, start) == HEADS[key] && (long) LONGS.get(b, start + name.length - 8) == TAILS[key];
    }
    for (int i = name.length - 1; i >= 0; i--) {
      if (b[start + i] != name[i]) {
        return false;
      }
    }
    return true;
  }

  private static int keyIndex(String name) {
    for (int i = 0; i < NAMES.length; i++) {
      if (name.equals(NAMES[i])) {
        return i;
      }
    }
    return -1;
  }

  private static String required(String value, String path) {
    if (value == null || value.isEmpty()) {
      throw MalformedJsonException.at(path, "required field is missing");
    }
    return value;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
