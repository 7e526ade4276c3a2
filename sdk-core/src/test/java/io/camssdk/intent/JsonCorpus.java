package io.camssdk.intent;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** Random intent-call bodies, mostly well-formed, with the JSON corner cases a parser can get wrong. */
final class JsonCorpus {
  static final List<String> CONTRACT_KEYS = List.of("RequestId", "BusinessSystemId", "CustSpaceId", "ChannelType",
      "IntentCode", "IntentName", "IntentData", "From", "To", "MessageId", "TemplateCode", "Timestamp");
  static final String[] NUMBERS = {"0", "-0", "7", "-7", "42", "123456789", "1234567890", "-2147483648",
      "2147483648", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "1.5", "-0.0", "0.10",
      "1e2", "1E+2", "1e-2", "2.5E10", "1.0", "123456789012345678901234567890", "1732420000000",
      "184467440737095516160", "01", "-01", "00", "1.", ".5", "+1", "1e", "1e+", "-", "--1", "1.2.3", "0x10",
      "NaN", "Infinity", "-Infinity", "1_000", "1e5000", "12abc"};
  static final String[] KEYWORDS = {"true", "false", "null", "True", "FALSE", "Null", "NULL", "tRuE", "nul",
      "truex", "nulll", "t", "f"};
  static final String[] STRINGS = {"", "A-1001", "hello", "caf\u00e9", "\u4e2d\u6587", "\ud83d\ude00", " 12",
      "12", "-3", "1.5", "NaN", "Infinity", ".5", "+7", "1d", "0x1p3", "abc at path $.x", "whatsapp", "SMS", "x"};
  static final String[] ESCAPES = {"\\n", "\\t", "\\\"", "\\\\", "\\/", "\\b", "\\f", "\\r", "\\u0041",
      "\\u00e9", "\\ud83d\\ude00", "\\ud800", "\\udc00", "\\u12", "\\uZZZZ", "\\x", "\\'", "\\\n", "\\a", "\\u0031"};
  static final String[] SPACES = {"", "", "", " ", "\n", "\r\n", "\t", "  ", "\f", "/**/", "#"};
  static final String[] FRAGMENTS = {",", ":", "{", "}", "[", "]", "\"", "\\", "'", "/", "#", ";", "=", " ",
      "\f", "0", "-", "e", "true", "null", ",}", ",]", "\u0000", "\u00e9"};

  private JsonCorpus() {}

  static String envelope(String members) {
    return "{\"RequestId\":\"r-1\",\"IntentCode\":\"ORDER_STATUS\",\"Timestamp\":1732420000000," + members + "}";
  }

  static byte[] body(Random random) {
    StringBuilder out = new StringBuilder();
    out.append(space(random)).append('{');
    int members = random.nextInt(10) + (random.nextInt(4) == 0 ? 0 : 4);
    boolean complete = random.nextInt(4) != 0;
    List<String> required = new java.util.ArrayList<>(List.of("RequestId", "IntentCode", "IntentData", "Timestamp"));
    java.util.Set<String> used = new java.util.HashSet<>();
    boolean first = true;
    for (int i = 0; i < members || (complete && !required.isEmpty()); i++) {
      if (!first) {
        out.append(space(random)).append(',');
      }
      first = false;
      String key;
      int pick = random.nextInt(10);
      if (complete && !required.isEmpty() && random.nextInt(3) == 0) {
        key = required.remove(random.nextInt(required.size()));
        used.add(key);
      } else if (pick < 7) {
        key = CONTRACT_KEYS.get(random.nextInt(CONTRACT_KEYS.size()));
        if (!used.add(key) && random.nextInt(10) != 0) {
          key = "y" + random.nextInt(8); // mostly no duplicate contract keys
        }
        required.remove(key);
      } else if (pick < 9) {
        key = "x" + random.nextInt(5);
      } else {
        key = randomText(random, 1 + random.nextInt(20));
      }
      out.append(space(random)).append('"').append(random.nextInt(25) == 0 ? escapeFirst(key) : key)
          .append('"').append(space(random)).append(':').append(space(random));
      out.append(valueFor(random, key));
    }
    out.append(space(random)).append('}').append(random.nextInt(20) == 0 ? space(random) : "");
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String escapeFirst(String key) {
    return key.isEmpty() ? key : String.format("\\u%04X", (int) key.charAt(0)) + key.substring(1);
  }

  private static String valueFor(Random random, String key) {
    int roll = random.nextInt(10);
    switch (key) {
      case "RequestId":
      case "IntentCode":
        return roll < 9 ? "\"" + (key.equals("RequestId") ? "r-1" : "ORDER_STATUS") + "\"" : value(random, 2);
      case "Timestamp":
        return roll < 8 ? "1732420000000" : roll < 9 ? NUMBERS[random.nextInt(random.nextInt(4) == 0 ? NUMBERS.length : 23)]
            : value(random, 2);
      case "IntentData":
        return roll < 9 ? object(random, 2) : value(random, 2);
      default:
        return roll < 9 || random.nextInt(4) != 0 ? string(random) : value(random, 2);
    }
  }

  static String value(Random random, int depth) {
    int roll = random.nextInt(depth > 6 ? 6 : 10);
    switch (roll) {
      case 0: case 1: return string(random);
      case 2: return NUMBERS[random.nextInt(random.nextInt(15) == 0 ? NUMBERS.length : 23)];
      case 3: return KEYWORDS[random.nextInt(random.nextInt(15) == 0 ? KEYWORDS.length : 3)];
      case 4: return "\"" + randomText(random, random.nextInt(3) == 0 ? 20 : 4) + "\"";
      case 5: return Integer.toString(random.nextInt(2000) - 1000);
      case 6: case 7: return object(random, depth + 1);
      default: return array(random, depth + 1);
    }
  }

  static String object(Random random, int depth) {
    StringBuilder out = new StringBuilder("{");
    int members = random.nextInt(5);
    String previous = null;
    for (int i = 0; i < members; i++) {
      if (i > 0) {
        out.append(space(random)).append(',');
      }
      String key = previous != null && random.nextInt(40) == 0 ? previous
          : random.nextInt(4) == 0 ? randomText(random, 1 + random.nextInt(6)) : "k" + random.nextInt(6);
      previous = key;
      out.append(space(random)).append('"').append(random.nextInt(15) == 0 ? escapeFirst(key) : key).append('"')
          .append(space(random)).append(':').append(space(random)).append(value(random, depth + 1));
    }
    return out.append(space(random)).append('}').toString();
  }

  static String array(Random random, int depth) {
    StringBuilder out = new StringBuilder("[");
    int items = random.nextInt(5);
    for (int i = 0; i < items; i++) {
      if (i > 0) {
        out.append(space(random)).append(',');
      }
      out.append(space(random)).append(value(random, depth + 1));
    }
    return out.append(space(random)).append(']').toString();
  }

  static String string(Random random) {
    StringBuilder out = new StringBuilder("\"");
    int parts = random.nextInt(4);
    for (int i = 0; i < parts; i++) {
      int roll = random.nextInt(4);
      if (roll == 0) {
        out.append(ESCAPES[random.nextInt(random.nextInt(20) == 0 ? ESCAPES.length : 13)]);
      } else {
        out.append(STRINGS[random.nextInt(STRINGS.length)]);
      }
    }
    return out.append('"').toString();
  }

  static String randomText(Random random, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      int roll = random.nextInt(20);
      if (roll == 0) {
        out.append((char) (0x80 + random.nextInt(0x700)));
      } else if (roll == 1) {
        out.appendCodePoint(0x1F600 + random.nextInt(50));
      } else if (roll == 2 && random.nextInt(10) == 0) {
        out.append((char) random.nextInt(0x20)); // a raw control character: not allowed in JSON strings
      } else {
        out.append((char) ('a' + random.nextInt(26)));
      }
    }
    return out.toString();
  }

  static String space(Random random) {
    int roll = random.nextInt(40);
    if (roll == 0 && random.nextInt(30) != 0) {
      roll = 1; // comments and form feeds (not JSON whitespace) stay rare
    }
    return roll < SPACES.length - 3 || (roll < SPACES.length && random.nextInt(20) == 0) ? SPACES[roll] : "";
  }

  /** One to three random damages: bit flips, cuts, insertions, deletions, repeats, invalid UTF-8. */
  static byte[] mutate(Random random, byte[] body) {
    int times = 1 + random.nextInt(3);
    for (int t = 0; t < times && body.length > 0; t++) {
      int at = random.nextInt(body.length);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      switch (random.nextInt(7)) {
        case 0:
          body = body.clone();
          body[at] ^= (byte) (1 << random.nextInt(8));
          break;
        case 1:
          body = Arrays.copyOf(body, at);
          break;
        case 2: {
          byte[] insert = FRAGMENTS[random.nextInt(FRAGMENTS.length)].getBytes(StandardCharsets.UTF_8);
          out.write(body, 0, at);
          out.writeBytes(insert);
          out.write(body, at, body.length - at);
          body = out.toByteArray();
          break;
        }
        case 3: {
          int end = Math.min(body.length, at + 1 + random.nextInt(4));
          out.write(body, 0, at);
          out.write(body, end, body.length - end);
          body = out.toByteArray();
          break;
        }
        case 4: {
          int end = Math.min(body.length, at + 1 + random.nextInt(12));
          out.write(body, 0, end);
          out.write(body, at, body.length - at);
          body = out.toByteArray();
          break;
        }
        case 5: {
          byte[][] bad = {{(byte) 0xC0, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xFF},
              {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80}};
          out.write(body, 0, at);
          out.writeBytes(bad[random.nextInt(bad.length)]);
          out.write(body, at, body.length - at);
          body = out.toByteArray();
          break;
        }
        default:
          body = Arrays.copyOf(body, body.length + 1 + random.nextInt(3));
          for (int i = body.length - 1; i >= 0 && body[i] == 0; i--) {
            body[i] = (byte) " x}]"
                .charAt(random.nextInt(4));
          }
      }
    }
    return body;
  }
}
