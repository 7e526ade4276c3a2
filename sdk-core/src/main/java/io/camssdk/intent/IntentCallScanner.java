package io.camssdk.intent;

import io.camssdk.internal.Json;
import io.camssdk.internal.JsonText;
import io.camssdk.internal.LazyJsonMap;
import io.camssdk.json.JsonLimits;
import io.camssdk.json.JsonObject;
import io.camssdk.json.MalformedPayloadException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * A strict single-pass reader of an intent call's body, straight from its bytes. It accepts and rejects exactly
 * what the SDK's Moshi-based reading did (Moshi's strict {@code JsonReader} plus the {@link JsonLimits} checks),
 * with the same {@link MalformedPayloadException} fields and messages, but it validates UTF-8 inside the strings
 * it scans, decodes only the contract's string fields, and keeps {@code IntentData} as validated bytes that become
 * a tree only when read. One instance per body; not thread-safe.
 *
 * <p>Moshi's quirks kept on purpose: keywords match case-insensitively ({@code True}, {@code NULL}); escapes
 * {@code \'} and a backslash before a line feed are accepted; control characters in strings are accepted; a
 * string's length is counted in UTF-16 chars; inside an array, a string over the limit is reported at the next
 * index (Moshi's path has moved on by then), a number at its own.
 */
final class IntentCallScanner {
  /** Moshi's reader refuses to open a 256th nested container ("Nesting too deep"). */
  private static final int MOSHI_MAX_DEPTH = 255;

  private static final int KIND_OBJECT = 1;
  private static final int KIND_ARRAY = 2;
  private static final int KIND_STRING = 3;
  private static final int KIND_NUMBER = 4;
  private static final int KIND_BOOLEAN = 5;
  private static final int KIND_NULL = 6;

  private static final int REQUEST_ID = 0;
  private static final int INTENT_CODE = 4;
  private static final int INTENT_DATA = 6;
  private static final int TIMESTAMP = 11;
  private static final byte[][] KEYS = {
      ascii("RequestId"), ascii("BusinessSystemId"), ascii("CustSpaceId"), ascii("ChannelType"),
      ascii("IntentCode"), ascii("IntentName"), ascii("IntentData"), ascii("From"), ascii("To"),
      ascii("MessageId"), ascii("TemplateCode"), ascii("Timestamp")};

  private static final String[] NAMES = new String[KEYS.length];
  private static final String[] PATHS = new String[KEYS.length];

  /** Bytes that end a number or keyword without making it invalid (Moshi's non-literal characters). */
  private static final boolean[] TERMINATOR = new boolean[256];

  static {
    for (int i = 0; i < KEYS.length; i++) {
      NAMES[i] = new String(KEYS[i], StandardCharsets.US_ASCII);
      PATHS[i] = "$." + NAMES[i];
    }
    for (char c : "{}[]:, \t\f\r\n".toCharArray()) {
      TERMINATOR[c] = true;
    }
  }

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final byte[] b;
  private final int n;
  private final JsonLimits limits;
  private int pos;

  // The last string scanned: its content range, whether it has escapes, its length in chars.
  private int strStart;
  private int strEnd;
  private boolean strEscaped;
  private int strChars;
  private boolean strAscii;

  // Number scanned last: its end.
  private int numEnd;

  // While scanning IntentData: whether binding from bytes equals binding from the tree.
  private boolean bindable;
  // Key ranges of the open objects of IntentData, for duplicate detection: start, end, escaped (0/1) per key.
  private int[] keyStack;
  private int keyTop;

  IntentCallScanner(byte[] body, JsonLimits limits) {
    this.b = body;
    this.n = body.length;
    this.limits = limits;
  }

  IntentCall scan() {
    int kind = peekKind();
    if (kind != KIND_OBJECT) {
      throw new MalformedPayloadException("$", "expected a JSON object but found " + describe(kind));
    }
    pos++;
    String[] strings = new String[12];
    JsonObject data = null;
    long timestamp = -1;
    int seen = 0;
    boolean first = true;
    while (true) {
      if (!nextMember(first)) {
        break;
      }
      first = false;
      scanString();
      int key = strEscaped ? keyIndex(decodeString()) : keyIndex(strStart, strEnd - strStart);
      if (key < 0) {
        int keyStart = strStart;
        int keyEnd = strEnd;
        boolean keyEscaped = strEscaped;
        try {
          if (strChars > limits.maxStringLength()) {
            throw new PathError("key longer than " + limits.maxStringLength() + " chars");
          }
          colon();
          skipValue(2, false);
        } catch (PathError e) {
          throw e.prependName(decode(keyStart, keyEnd, keyEscaped)).toException();
        }
        continue;
      }
      String path = PATHS[key];
      if ((seen & (1 << key)) != 0) {
        throw new MalformedPayloadException(path, "duplicate key");
      }
      seen |= 1 << key;
      colon();
      kind = peekKind();
      if (key == INTENT_DATA) {
        if (kind != KIND_OBJECT) {
          throw new MalformedPayloadException(path, "expected a JSON object but found " + describe(kind));
        }
        data = scanIntentData(path);
      } else if (key == TIMESTAMP) {
        if (kind != KIND_NUMBER) {
          throw new MalformedPayloadException(path, "expected a number of milliseconds but found " + describe(kind));
        }
        timestamp = millis(path);
      } else if (kind == KIND_NULL) {
        pos += 4;
      } else if (kind == KIND_STRING) {
        scanString();
        if (strChars > limits.maxStringLength()) {
          throw new MalformedPayloadException(path, "string longer than " + limits.maxStringLength() + " chars");
        }
        strings[key] = decodeString();
      } else {
        throw new MalformedPayloadException(path, "expected a string but found " + describe(kind));
      }
    }
    String requestId = required(strings[REQUEST_ID], "$.RequestId");
    String intentCode = required(strings[INTENT_CODE], "$.IntentCode");
    if (data == null) {
      throw new MalformedPayloadException("$.IntentData", "required field is missing");
    }
    if (timestamp < 0) {
      throw new MalformedPayloadException("$.Timestamp", "required field is missing");
    }
    String channel = strings[3];
    IntentCall call = new IntentCall(requestId, strings[1], strings[2],
        channel == null ? null : ChannelType.of(channel), intentCode, strings[5], data, strings[7], strings[8],
        strings[9], strings[10], Instant.ofEpochMilli(timestamp));
    skipWhitespace();
    if (pos != n) {
      throw syntax();
    }
    return call;
  }

  private JsonObject scanIntentData(String path) {
    if (2 > limits.maxDepth()) {
      throw new MalformedPayloadException(path, "nesting deeper than " + limits.maxDepth());
    }
    int start = pos;
    bindable = true;
    int size;
    try {
      size = scanObject(2, true);
    } catch (PathError e) {
      throw e.prependName("IntentData").toException();
    }
    if (size == 0) {
      return JsonObject.empty();
    }
    return JsonObject.of(new LazyJsonMap(Arrays.copyOfRange(b, start, pos), size, bindable, limits, 2));
  }

  /**
   * Moves to the next member of the object being read and to its name's opening quote; {@code false} at the
   * object's end (which is consumed).
   */
  private boolean nextMember(boolean first) {
    int c = nextNonWhitespace();
    if (!first) {
      if (c == '}') {
        pos++;
        return false;
      }
      if (c != ',') {
        throw syntax();
      }
      pos++;
      c = nextNonWhitespace();
    } else if (c == '}') {
      pos++;
      return false;
    }
    if (c != '"') {
      throw syntax();
    }
    return true;
  }

  private void colon() {
    if (nextNonWhitespace() != ':') {
      throw syntax();
    }
    pos++;
  }

  /** Skips (or, for IntentData, validates) the next value; {@code depth} is its depth if it is a container. */
  private void skipValue(int depth, boolean data) {
    int c = nextNonWhitespace();
    switch (c) {
      case '"':
        scanString();
        if (strChars > limits.maxStringLength()) {
          throw new PathError("string longer than " + limits.maxStringLength() + " chars").consumed();
        }
        if (data && bindable && numeric(strStart, strEnd)) {
          bindable = false;
        }
        return;
      case '{':
        checkDepth(depth);
        scanObject(depth, data);
        return;
      case '[':
        checkDepth(depth);
        scanArray(depth, data);
        return;
      default:
        int kind = peekKind();
        if (kind == KIND_NUMBER) {
          int start = pos;
          pos = numEnd;
          if (pos - start > limits.maxNumberLength()) {
            throw new PathError("number longer than " + limits.maxNumberLength() + " chars");
          }
          if (hasExponent(start, pos)) {
            // The SDK reads numbers as Long, Double or BigDecimal; an exponent beyond BigDecimal's fails there.
            try {
              Json.parseNumber(new String(b, start, pos - start, StandardCharsets.US_ASCII), "");
            } catch (MalformedPayloadException e) {
              throw new PathError("not a number");
            }
          }
          if (data && bindable && !plainInt(start, pos)) {
            bindable = false;
          }
        } else {
          pos += kind == KIND_BOOLEAN && (b[pos] | 0x20) == 'f' ? 5 : 4;
        }
    }
  }

  private void checkDepth(int depth) {
    if (depth > limits.maxDepth()) {
      throw new PathError("nesting deeper than " + limits.maxDepth());
    }
    if (depth > MOSHI_MAX_DEPTH) {
      throw new MalformedPayloadException("", "body has the wrong shape");
    }
  }

  /** Scans the object whose '{' is at {@code pos}; returns its number of members. */
  private int scanObject(int depth, boolean data) {
    pos++;
    int base = keyTop;
    int count = 0;
    Set<String> names = null;
    boolean first = true;
    while (nextMember(first)) {
      first = false;
      scanString();
      int keyStart = strStart;
      int keyEnd = strEnd;
      boolean keyEscaped = strEscaped;
      try {
        if (strChars > limits.maxStringLength()) {
          throw new PathError("key longer than " + limits.maxStringLength() + " chars");
        }
        if (data && bindable && numeric(keyStart, keyEnd)) {
          bindable = false;
        }
        colon();
        skipValue(depth + 1, data);
        if (data) {
          if (names == null && (keyEscaped || count >= 16 || anyEscaped(base))) {
            names = new HashSet<>();
            for (int k = base; k < keyTop; k += 3) {
              names.add(decode(keyStack[k], keyStack[k + 1], keyStack[k + 2] != 0));
            }
          }
          if (names != null ? !names.add(decode(keyStart, keyEnd, keyEscaped))
              : isDuplicate(base, keyStart, keyEnd)) {
            throw new PathError("duplicate key");
          }
          pushKey(keyStart, keyEnd, keyEscaped);
        }
      } catch (PathError e) {
        throw e.prependName(decode(keyStart, keyEnd, keyEscaped));
      }
      count++;
    }
    keyTop = base;
    return count;
  }

  private void scanArray(int depth, boolean data) {
    pos++;
    int index = 0;
    while (true) {
      int c = nextNonWhitespace();
      if (c == ']') {
        pos++;
        return;
      }
      if (index > 0) {
        if (c != ',') {
          throw syntax();
        }
        pos++;
      }
      try {
        skipValue(depth + 1, data);
      } catch (PathError e) {
        throw e.prependIndex(index);
      }
      index++;
    }
  }

  private void pushKey(int start, int end, boolean escaped) {
    if (keyStack == null) {
      keyStack = new int[24];
    } else if (keyTop + 3 > keyStack.length) {
      keyStack = Arrays.copyOf(keyStack, keyStack.length * 2);
    }
    keyStack[keyTop++] = start;
    keyStack[keyTop++] = end;
    keyStack[keyTop++] = escaped ? 1 : 0;
  }

  private boolean anyEscaped(int base) {
    for (int k = base + 2; k < keyTop; k += 3) {
      if (keyStack[k] != 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the unescaped key is among the (unescaped, at most 16) keys of the object whose keys start at
   * {@code base}: same bytes if and only if same string, since valid UTF-8 maps one to one to chars.
   */
  private boolean isDuplicate(int base, int start, int end) {
    int length = end - start;
    for (int k = base; k < keyTop; k += 3) {
      if (keyStack[k + 1] - keyStack[k] == length && Arrays.equals(b, start, end, b, keyStack[k], keyStack[k + 1])) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a string might be read as a number by Moshi ({@code Integer.parseInt}, {@code Double.parseDouble} or
   * {@code BigDecimal}), where its byte and tree readers differ: it starts with a blank, a sign, a dot, a digit,
   * {@code N} or {@code I}.
   */
  private boolean numeric(int start, int end) {
    if (start == end) {
      return false;
    }
    int c = b[start] & 0xFF;
    return c <= ' ' || c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 'N' || c == 'I'
        || c == '\\';
  }

  /** Whether a number literal is a plain int, read identically from bytes and from the tree's {@code Long}. */
  private boolean plainInt(int start, int end) {
    int digits = b[start] == '-' ? end - start - 1 : end - start;
    if (digits > 9 || (b[start] == '-' && b[start + 1] == '0')) {
      return false;
    }
    for (int i = start; i < end; i++) {
      int c = b[i];
      if (c == '.' || c == 'e' || c == 'E') {
        return false;
      }
    }
    return true;
  }

  private long millis(String path) {
    int start = pos;
    pos = numEnd;
    if (pos - start > limits.maxNumberLength()) {
      throw new MalformedPayloadException(path, "number longer than " + limits.maxNumberLength() + " chars");
    }
    if (pos - start <= 18 && b[start] != '-') {
      long value = 0;
      int i = start;
      for (; i < pos; i++) {
        int d = b[i] - '0';
        if (d < 0 || d > 9) {
          break;
        }
        value = value * 10 + d;
      }
      if (i == pos) {
        return value; // plain digits that fit a long: the common case
      }
    }
    Number number = Json.parseNumber(new String(b, start, pos - start, StandardCharsets.US_ASCII), path);
    if (!(number instanceof Long millis) || millis < 0) {
      throw new MalformedPayloadException(path, "expected a non-negative whole number of milliseconds");
    }
    return millis;
  }

  private boolean hasExponent(int start, int end) {
    for (int i = start; i < end; i++) {
      if ((b[i] | 0x20) == 'e') {
        return true;
      }
    }
    return false;
  }

  /**
   * Classifies the value at the next non-blank byte as Moshi's {@code peek()} does, without consuming it; for a
   * number, {@link #numEnd} is set. Anything that is not a value start is a syntax error.
   */
  private int peekKind() {
    int c = nextNonWhitespace();
    switch (c) {
      case '{': return KIND_OBJECT;
      case '[': return KIND_ARRAY;
      case '"': return KIND_STRING;
      case 't': case 'T': if (keyword("true")) return KIND_BOOLEAN; break;
      case 'f': case 'F': if (keyword("false")) return KIND_BOOLEAN; break;
      case 'n': case 'N': if (keyword("null")) return KIND_NULL; break;
      default:
        int end = scanNumber(pos);
        if (end > 0) {
          numEnd = end;
          return KIND_NUMBER;
        }
    }
    throw syntax();
  }

  private boolean keyword(String word) {
    int length = word.length();
    if (pos + length > n) {
      return false;
    }
    for (int i = 1; i < length; i++) {
      int c = b[pos + i];
      if (c != word.charAt(i) && c != word.charAt(i) - 32) {
        return false;
      }
    }
    return pos + length == n || TERMINATOR[b[pos + length] & 0xFF];
  }

  /** The end of the valid number literal at {@code p}, or -1; follows Moshi's number grammar to the letter. */
  private int scanNumber(int p) {
    final int none = 0;
    final int sign = 1;
    final int digit = 2;
    final int decimal = 3;
    final int fraction = 4;
    final int expE = 5;
    final int expSign = 6;
    final int expDigit = 7;
    long value = 0;
    int last = none;
    for (; p < n; p++) {
      int c = b[p];
      if (c == '-') {
        if (last == none) {
          last = sign;
        } else if (last == expE) {
          last = expSign;
        } else {
          return -1;
        }
      } else if (c == '+') {
        if (last != expE) {
          return -1;
        }
        last = expSign;
      } else if (c == 'e' || c == 'E') {
        if (last != digit && last != fraction) {
          return -1;
        }
        last = expE;
      } else if (c == '.') {
        if (last != digit) {
          return -1;
        }
        last = decimal;
      } else if (c >= '0' && c <= '9') {
        if (last == none || last == sign) {
          value = -(c - '0');
          last = digit;
        } else if (last == digit) {
          if (value == 0) {
            return -1; // a leading zero (Moshi tests the wrapped accumulator, as here)
          }
          value = value * 10 - (c - '0');
        } else if (last == decimal) {
          last = fraction;
        } else if (last == expE || last == expSign) {
          last = expDigit;
        }
      } else if (TERMINATOR[c & 0xFF]) {
        break;
      } else {
        return -1;
      }
    }
    return last == digit || last == fraction || last == expDigit ? p : -1;
  }

  /**
   * Scans the string whose opening quote is at {@code pos}, validating UTF-8 and escapes; sets the str* fields
   * and leaves {@code pos} after the closing quote.
   */
  private void scanString() {
    int p = pos + 1;
    int start = p;
    int chars = 0;
    boolean escaped = false;
    boolean ascii = true;
    byte[] b = this.b;
    int n = this.n;
    while (true) {
      if (p + 8 <= n) {
        // Eight bytes at a time: skip plain ASCII up to the first quote, backslash or byte with its high bit set.
        long w = (long) LONGS.get(b, p);
        long quote = w ^ 0x2222222222222222L;
        long slash = w ^ 0x5C5C5C5C5C5C5C5CL;
        long special = (((quote - 0x0101010101010101L) & ~quote) | ((slash - 0x0101010101010101L) & ~slash) | w)
            & 0x8080808080808080L;
        if (special == 0) {
          p += 8;
          chars += 8;
          continue;
        }
        // Borrows only run towards higher bytes, so the lowest flagged byte is a real one.
        int skip = Long.numberOfTrailingZeros(special) >>> 3;
        p += skip;
        chars += skip;
      } else if (p >= n) {
        throw syntax();
      }
      int c = b[p];
      if (c == '"') {
        break;
      }
      if (c >= 0) {
        if (c == '\\') {
          escaped = true;
          p = escape(p + 1);
        } else {
          p++;
        }
        chars++;
        continue;
      }
      ascii = false;
      p = utf8(p);
      chars += (c & 0xF8) == 0xF0 ? 2 : 1;
    }
    strStart = start;
    strEnd = p;
    strEscaped = escaped;
    strChars = chars;
    strAscii = ascii;
    pos = p + 1;
  }

  /** Checks the escape whose letter is at {@code p}; returns the index after it. */
  private int escape(int p) {
    if (p >= n) {
      throw syntax();
    }
    switch (b[p]) {
      case 'u':
        if (p + 4 >= n) {
          throw syntax();
        }
        for (int i = p + 1; i <= p + 4; i++) {
          if (hex(b[i]) < 0) {
            throw syntax();
          }
        }
        return p + 5;
      case 't': case 'b': case 'n': case 'r': case 'f': case '\n': case '\'': case '"': case '\\': case '/':
        return p + 1;
      default:
        throw syntax();
    }
  }

  private static int hex(int c) {
    return JsonText.hex(c);
  }

  /** Validates the multi-byte UTF-8 sequence at {@code p} (no overlongs, surrogates or code points past U+10FFFF). */
  private int utf8(int p) {
    int lead = b[p] & 0xFF;
    int need;
    int min;
    int cp;
    if ((lead & 0xE0) == 0xC0) {
      need = 1; min = 0x80; cp = lead & 0x1F;
    } else if ((lead & 0xF0) == 0xE0) {
      need = 2; min = 0x800; cp = lead & 0x0F;
    } else if ((lead & 0xF8) == 0xF0) {
      need = 3; min = 0x10000; cp = lead & 0x07;
    } else {
      throw notUtf8();
    }
    if (p + need >= n) {
      throw notUtf8();
    }
    for (int k = 1; k <= need; k++) {
      int c = b[p + k];
      if ((c & 0xC0) != 0x80) {
        throw notUtf8();
      }
      cp = (cp << 6) | (c & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      throw notUtf8();
    }
    return p + need + 1;
  }

  @SuppressWarnings("deprecation") // String(byte[], int hibyte, ...): the fastest copy of ASCII bytes into a String
  private String decodeString() {
    if (!strEscaped) {
      return strAscii ? new String(b, 0, strStart, strEnd - strStart)
          : new String(b, strStart, strEnd - strStart, StandardCharsets.UTF_8);
    }
    return decode(strStart, strEnd, true);
  }

  /** The string of a validated content range. */
  private String decode(int start, int end, boolean escaped) {
    return JsonText.decode(b, start, end, escaped);
  }

  private void skipWhitespace() {
    while (pos < n) {
      int c = b[pos];
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
        pos++;
      } else {
        return;
      }
    }
  }

  /** The next non-blank byte, at {@code pos}; the end of the body is a syntax error. */
  private int nextNonWhitespace() {
    skipWhitespace();
    if (pos >= n) {
      throw syntax();
    }
    return b[pos];
  }

  private int keyIndex(int start, int length) {
    switch (length) {
      case 2: return matches(8, start) ? 8 : -1;
      case 4: return matches(7, start) ? 7 : -1;
      case 9: {
        int c = b[start];
        int key = c == 'R' ? REQUEST_ID : c == 'T' ? TIMESTAMP : 9;
        return matches(key, start) ? key : -1;
      }
      case 10: {
        int c = b[start + 6];
        int key = c == 'C' ? INTENT_CODE : c == 'D' ? INTENT_DATA : 5;
        return matches(key, start) ? key : -1;
      }
      case 11: {
        int key = b[start + 1] == 'u' ? 2 : 3;
        return matches(key, start) ? key : -1;
      }
      case 12: return matches(10, start) ? 10 : -1;
      case 16: return matches(1, start) ? 1 : -1;
      default: return -1;
    }
  }

  private boolean matches(int key, int start) {
    byte[] name = KEYS[key];
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

  private static String describe(int kind) {
    switch (kind) {
      case KIND_ARRAY: return "an array";
      case KIND_OBJECT: return "an object";
      case KIND_STRING: return "a string";
      case KIND_NUMBER: return "a number";
      case KIND_BOOLEAN: return "a boolean";
      default: return "null";
    }
  }

  private static String required(String value, String path) {
    if (value == null || value.isEmpty()) {
      throw new MalformedPayloadException(path, "required field is missing");
    }
    return value;
  }

  private static MalformedPayloadException syntax() {
    return new MalformedPayloadException("", "body is not valid JSON");
  }

  private static MalformedPayloadException notUtf8() {
    return new MalformedPayloadException("", "body is not valid UTF-8");
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * A limit broken inside a nested value; each enclosing object or array adds its part of the path on the way
   * out, as Moshi's path would read at that moment.
   */
  private static final class PathError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String problem;
    private final StringBuilder path = new StringBuilder();
    /** Whether the value in error was consumed, so that Moshi's index of its array had moved on. */
    private boolean consumed;

    PathError(String problem) {
      super(problem, null, false, false);
      this.problem = problem;
    }

    PathError consumed() {
      consumed = true;
      return this;
    }

    PathError prependName(String name) {
      path.insert(0, name).insert(0, '.');
      consumed = false;
      return this;
    }

    PathError prependIndex(int index) {
      path.insert(0, ']').insert(0, consumed ? index + 1 : index).insert(0, '[');
      consumed = false;
      return this;
    }

    MalformedPayloadException toException() {
      return new MalformedPayloadException("$" + path, problem);
    }
  }
}
