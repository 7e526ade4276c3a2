package io.camssdk.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SDK's one reader of JSON: strict RFC 8259 over UTF-8 bytes, single pass, with limits. It reads every inbound
 * body (intent calls, receipt pushes, the JSON inside an inbound {@code Message}) and the text given to
 * {@code JsonObject.parse}. One instance per document; not thread-safe.
 *
 * <p>The rules, all of RFC 8259 and nothing more lenient:
 * <ul>
 *   <li>whitespace is space, tab, line feed and carriage return only;
 *   <li>{@code true}, {@code false} and {@code null} are lower case, and end at a delimiter;
 *   <li>numbers follow the RFC's grammar: no leading zeros, no {@code +}, no bare {@code .5} or {@code 1.}, no
 *       {@code NaN} or {@code Infinity}; a number whose exponent does not fit {@link BigDecimal} is refused;
 *   <li>strings are valid UTF-8, hold no raw control character (below U+0020), and use only the escapes
 *       {@code \" \\ \/ \b \f \n \r \t \}{@code uXXXX};
 *   <li>a key appears at most once in an object;
 *   <li>one value per document, with nothing but whitespace after it.
 * </ul>
 * Limits: nesting depth (the top-level value is depth 1), string and key length in UTF-16 chars, and number
 * literal length. A refusal is a {@link MalformedJsonException} naming the path of the value at fault; its message
 * never repeats content of the document.
 *
 * <p>Values are read as a generic tree: {@code String}, {@code Boolean}, {@code null}, numbers as {@code Long} (an
 * integer that fits), {@code Double} (a number a double holds exactly as written) or {@code BigDecimal} (any other
 * number, exactly as written: never rounded, never expanded), unmodifiable lists and maps in document order.
 */
public final class JsonScanner {
  public static final int OBJECT = 1;
  public static final int ARRAY = 2;
  public static final int STRING = 3;
  public static final int NUMBER = 4;
  public static final int BOOLEAN = 5;
  public static final int NULL = 6;

  /** Bytes that may follow a number or a keyword: structural characters and whitespace. */
  private static final boolean[] DELIMITER = new boolean[256];

  static {
    for (char c : "{}[]:, \t\r\n".toCharArray()) {
      DELIMITER[c] = true;
    }
  }

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private final byte[] b;
  private final int n;
  private final int maxDepth;
  private final int maxStringLength;
  private final int maxNumberLength;
  private int pos;

  // The last string scanned: its content range, whether it has escapes, its length in chars, whether all ASCII.
  private int strStart;
  private int strEnd;
  private boolean strEscaped;
  private int strChars;
  private boolean strAscii;

  // The end of the number found by the last peek().
  private int numEnd;

  // While validating an object kept as bytes: whether binding it from its bytes equals binding its tree.
  private boolean bindable;

  // Key ranges of the objects being validated, for duplicate detection: start, end, escaped (0/1) per key.
  private int[] keyStack;
  private int keyTop;

  public JsonScanner(byte[] json, int maxDepth, int maxStringLength, int maxNumberLength) {
    this.b = json;
    this.n = json.length;
    this.maxDepth = maxDepth;
    this.maxStringLength = maxStringLength;
    this.maxNumberLength = maxNumberLength;
  }

  /** Reads {@code json} as one value and nothing after it. */
  public static Object readDocument(byte[] json, int maxDepth, int maxStringLength, int maxNumberLength) {
    JsonScanner scanner = new JsonScanner(json, maxDepth, maxStringLength, maxNumberLength);
    Object value = scanner.readValue(1);
    scanner.end();
    return value;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Navigation, for readers of a known shape (the intent call's envelope, a receipt batch).

  /** The document's bytes. */
  public byte[] bytes() {
    return b;
  }

  /** The position of the next byte to read. */
  public int position() {
    return pos;
  }

  /**
   * The kind of the value at the next non-blank byte, without consuming it. For a number, {@link #numberEnd()} is
   * set. Anything that is not the start of a value is a syntax error.
   */
  public int peek() {
    int c = nextNonWhitespace();
    switch (c) {
      case '{': return OBJECT;
      case '[': return ARRAY;
      case '"': return STRING;
      case 't': if (keyword("true")) return BOOLEAN; break;
      case 'f': if (keyword("false")) return BOOLEAN; break;
      case 'n': if (keyword("null")) return NULL; break;
      default:
        int end = scanNumber(pos);
        if (end > 0) {
          numEnd = end;
          return NUMBER;
        }
    }
    throw MalformedJsonException.syntax();
  }

  /** Consumes the {@code {} or {@code [} at the next non-blank byte, after {@link #peek()}. */
  public void open() {
    nextNonWhitespace();
    pos++;
  }

  /** Consumes the {@code null} found by {@link #peek()}. */
  public void skipNull() {
    pos += 4;
  }

  /**
   * Moves to the next member of the object being read and past its key, whose string is then the current string;
   * {@code false} at the object's end, which is consumed.
   */
  public boolean nextMember(boolean first) {
    int c = nextNonWhitespace();
    if (c == '}') {
      pos++;
      return false;
    }
    if (!first) {
      if (c != ',') {
        throw MalformedJsonException.syntax();
      }
      pos++;
      c = nextNonWhitespace();
    }
    if (c != '"') {
      throw MalformedJsonException.syntax();
    }
    scanString();
    if (strChars > maxStringLength) {
      throw MalformedJsonException.at("key longer than " + maxStringLength + " chars");
    }
    if (nextNonWhitespace() != ':') {
      throw MalformedJsonException.syntax();
    }
    pos++;
    return true;
  }

  /** Moves to the next element of the array being read; {@code false} at its end, which is consumed. */
  public boolean nextElement(boolean first) {
    int c = nextNonWhitespace();
    if (c == ']') {
      pos++;
      return false;
    }
    if (!first) {
      if (c != ',') {
        throw MalformedJsonException.syntax();
      }
      pos++;
    }
    return true;
  }

  /** Requires that nothing but whitespace follows. */
  public void end() {
    skipWhitespace();
    if (pos != n) {
      throw MalformedJsonException.syntax();
    }
  }

  /** Start of the current string's content (after the quote). */
  public int stringStart() {
    return strStart;
  }

  /** End of the current string's content (at the closing quote). */
  public int stringEnd() {
    return strEnd;
  }

  /** Whether the current string holds escapes. */
  public boolean stringEscaped() {
    return strEscaped;
  }

  /** The current string, decoded. */
  @SuppressWarnings("deprecation") // String(byte[], int hibyte, ...): the fastest copy of ASCII bytes into a String
  public String string() {
    if (!strEscaped) {
      return strAscii ? new String(b, 0, strStart, strEnd - strStart)
          : new String(b, strStart, strEnd - strStart, StandardCharsets.UTF_8);
    }
    return JsonText.decode(b, strStart, strEnd, true);
  }

  /** Reads the string value at the next non-blank byte (after {@link #peek()} said so), within the limit. */
  public String nextString() {
    scanStringValue();
    return string();
  }

  /** Scans the string value at the next non-blank byte, making it the current string, within the limit. */
  private void scanStringValue() {
    nextNonWhitespace();
    scanString();
    if (strChars > maxStringLength) {
      throw MalformedJsonException.at("string longer than " + maxStringLength + " chars");
    }
  }

  /** The end of the number found by the last {@link #peek()}. */
  public int numberEnd() {
    return numEnd;
  }

  /** Reads the number found by the last {@link #peek()}, within the limit. */
  public Number nextNumber() {
    int start = pos;
    skipNumber();
    return number(b, start, pos);
  }

  /** Moves past the number found by the last {@link #peek()}, within the limit, without reading its value. */
  public void skipNumber() {
    int start = pos;
    pos = numEnd;
    if (pos - start > maxNumberLength) {
      throw MalformedJsonException.at("number longer than " + maxNumberLength + " chars");
    }
  }

  /** Starts duplicate detection for the keys of an object; returns the mark to give {@link #addKey}. */
  public int beginKeys() {
    return keyTop;
  }

  /** Records the current string as a key of the object whose keys began at {@code mark}; refuses a repeat. */
  public void addKey(int mark) {
    if (isDuplicate(mark, strStart, strEnd, strEscaped)) {
      throw MalformedJsonException.at("duplicate key");
    }
    pushKey(strStart, strEnd, strEscaped);
  }

  /** Ends the duplicate detection begun at {@code mark}. */
  public void endKeys(int mark) {
    keyTop = mark;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Values.

  /** Reads the next value as a generic tree; {@code depth} is its depth should it be an object or an array. */
  public Object readValue(int depth) {
    switch (peek()) {
      case OBJECT:
        checkDepth(depth);
        return readObjectAfterCheck(depth);
      case ARRAY: {
        checkDepth(depth);
        pos++;
        List<Object> list = new ArrayList<>();
        int index = 0;
        while (nextElement(index == 0)) {
          try {
            list.add(readValue(depth + 1));
          } catch (MalformedJsonException e) {
            throw e.prependIndex(index);
          }
          index++;
        }
        return Collections.unmodifiableList(list);
      }
      case STRING:
        return nextString();
      case NUMBER:
        return nextNumber();
      case BOOLEAN:
        boolean value = b[pos] == 't';
        pos += value ? 4 : 5;
        return value;
      default:
        pos += 4;
        return null;
    }
  }

  /** Reads the next value, which must be an object, as an immutable map in document order. */
  public Map<String, Object> readObject(int depth) {
    int kind = peek();
    if (kind != OBJECT) {
      throw MalformedJsonException.at("expected a JSON object but found " + describe(kind));
    }
    checkDepth(depth);
    return readObjectAfterCheck(depth);
  }

  private Map<String, Object> readObjectAfterCheck(int depth) {
    pos++;
    LinkedHashMap<String, Object> map = new LinkedHashMap<>();
    boolean first = true;
    while (nextMember(first)) {
      first = false;
      String key = string();
      try {
        Object value = readValue(depth + 1);
        int size = map.size();
        map.put(key, value);
        if (map.size() == size) {
          throw MalformedJsonException.at("duplicate key");
        }
      } catch (MalformedJsonException e) {
        throw e.prependName(key);
      }
    }
    return new FrozenJsonMap(map);
  }

  /**
   * Validates the next value, which must be an object, and keeps it as its exact bytes, to be read as a tree only
   * when first asked (see {@link LazyJsonMap}).
   */
  public Map<String, Object> readLazyObject(int depth) {
    int kind = peek();
    if (kind != OBJECT) {
      throw MalformedJsonException.at("expected a JSON object but found " + describe(kind));
    }
    checkDepth(depth);
    int start = pos;
    bindable = true;
    int size = validateObject(depth, true);
    if (size == 0) {
      return Map.of();
    }
    return new LazyJsonMap(Arrays.copyOfRange(b, start, pos), size, bindable, maxDepth, maxStringLength,
        maxNumberLength, depth);
  }

  /** Validates and skips the next value; {@code depth} is its depth should it be an object or an array. */
  public void skipValue(int depth) {
    skipValue(depth, false);
  }

  private void skipValue(int depth, boolean track) {
    switch (peek()) {
      case STRING:
        scanStringValue();
        if (track && bindable && numeric(strStart, strEnd)) {
          bindable = false;
        }
        return;
      case OBJECT:
        checkDepth(depth);
        validateObject(depth, track);
        return;
      case ARRAY:
        checkDepth(depth);
        validateArray(depth, track);
        return;
      case NUMBER: {
        int start = pos;
        skipNumber();
        if (hasExponent(start, pos)) {
          number(b, start, pos); // refuses an exponent out of range, as reading the tree would
        }
        return;
      }
      case BOOLEAN:
        pos += b[pos] == 't' ? 4 : 5;
        return;
      default:
        pos += 4;
    }
  }

  /** Validates the object whose '{' is at {@code pos}; returns its number of members. */
  private int validateObject(int depth, boolean track) {
    pos++;
    int mark = keyTop;
    int count = 0;
    boolean first = true;
    while (true) {
      boolean more;
      try {
        more = nextMember(first);
      } catch (MalformedJsonException e) {
        keyTop = mark;
        throw e;
      }
      if (!more) {
        break;
      }
      first = false;
      int keyStart = strStart;
      int keyEnd = strEnd;
      boolean keyEscaped = strEscaped;
      try {
        if (track && bindable && numeric(keyStart, keyEnd)) {
          bindable = false;
        }
        if (isDuplicate(mark, keyStart, keyEnd, keyEscaped)) {
          throw MalformedJsonException.at("duplicate key");
        }
        pushKey(keyStart, keyEnd, keyEscaped);
        skipValue(depth + 1, track);
      } catch (MalformedJsonException e) {
        keyTop = mark;
        throw e.prependName(JsonText.decode(b, keyStart, keyEnd, keyEscaped));
      }
      count++;
    }
    keyTop = mark;
    return count;
  }

  private void validateArray(int depth, boolean track) {
    pos++;
    int index = 0;
    while (nextElement(index == 0)) {
      try {
        skipValue(depth + 1, track);
      } catch (MalformedJsonException e) {
        throw e.prependIndex(index);
      }
      index++;
    }
  }

  private void checkDepth(int depth) {
    if (depth > maxDepth) {
      throw MalformedJsonException.at("nesting deeper than " + maxDepth);
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

  /**
   * Whether a key equals one of the keys recorded since {@code mark}. Unescaped keys are compared as bytes (valid
   * UTF-8 maps one to one to chars); once an escaped key is involved, or the object is large, as decoded strings.
   */
  private boolean isDuplicate(int mark, int start, int end, boolean escaped) {
    int count = (keyTop - mark) / 3;
    boolean anyEscaped = escaped;
    for (int k = mark + 2; k < keyTop && !anyEscaped; k += 3) {
      anyEscaped = keyStack[k] != 0;
    }
    if (!anyEscaped && count <= 16) {
      int length = end - start;
      for (int k = mark; k < keyTop; k += 3) {
        if (keyStack[k + 1] - keyStack[k] == length && Arrays.equals(b, start, end, b, keyStack[k], keyStack[k + 1])) {
          return true;
        }
      }
      return false;
    }
    Set<String> names = new HashSet<>();
    for (int k = mark; k < keyTop; k += 3) {
      names.add(JsonText.decode(b, keyStack[k], keyStack[k + 1], keyStack[k + 2] != 0));
    }
    return names.contains(JsonText.decode(b, start, end, escaped));
  }

  /**
   * Whether a string might be read as a number when bound to a numeric field, where binding from the bytes and
   * binding from the tree could differ: it starts with a blank, a sign, a dot, a digit, {@code N}, {@code I} or
   * an escape.
   */
  private boolean numeric(int start, int end) {
    if (start == end) {
      return false;
    }
    int c = b[start] & 0xFF;
    return c <= ' ' || c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 'N' || c == 'I'
        || c == '\\';
  }

  /** Whether a valid number literal has an exponent: only then can {@link #number} refuse it. */
  private boolean hasExponent(int start, int end) {
    for (int i = start; i < end; i++) {
      int c = b[i];
      if (c == 'e' || c == 'E') {
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Tokens.

  private boolean keyword(String word) {
    int length = word.length();
    if (pos + length > n) {
      return false;
    }
    for (int i = 1; i < length; i++) {
      if (b[pos + i] != word.charAt(i)) {
        return false;
      }
    }
    return pos + length == n || DELIMITER[b[pos + length] & 0xFF];
  }

  /** The end of the RFC 8259 number at {@code p}, or -1 when there is none. */
  private int scanNumber(int p) {
    if (p < n && b[p] == '-') {
      p++;
    }
    if (p >= n) {
      return -1;
    }
    if (b[p] == '0') {
      p++;
    } else if (b[p] >= '1' && b[p] <= '9') {
      p = digits(p + 1);
    } else {
      return -1;
    }
    if (p < n && b[p] == '.') {
      int start = p + 1;
      p = digits(start);
      if (p == start) {
        return -1;
      }
    }
    if (p < n && (b[p] == 'e' || b[p] == 'E')) {
      p++;
      if (p < n && (b[p] == '+' || b[p] == '-')) {
        p++;
      }
      int start = p;
      p = digits(start);
      if (p == start) {
        return -1;
      }
    }
    return p == n || DELIMITER[b[p] & 0xFF] ? p : -1;
  }

  private int digits(int p) {
    while (p < n && b[p] >= '0' && b[p] <= '9') {
      p++;
    }
    return p;
  }

  /**
   * The value of a valid number literal: a {@code Long} when it is an integer that fits, a {@code Double} when a
   * double holds it exactly as written, else the exact {@code BigDecimal} (compact even for a huge exponent).
   *
   * @throws MalformedJsonException when the exponent does not fit a {@code BigDecimal}
   */
  static Number number(byte[] b, int start, int end) {
    int length = end - start;
    boolean integral = true;
    boolean exponent = false;
    for (int i = start; i < end; i++) {
      int c = b[i];
      if (c == '.') {
        integral = false;
      } else if (c == 'e' || c == 'E') {
        integral = false;
        exponent = true;
      }
    }
    if (integral && length <= 18) {
      long value = 0;
      boolean negative = b[start] == '-';
      for (int i = negative ? start + 1 : start; i < end; i++) {
        value = value * 10 + (b[i] - '0');
      }
      return negative ? -value : value; // no BigInteger on the common path
    }
    String literal = new String(b, start, length, StandardCharsets.US_ASCII);
    if (integral) {
      BigInteger big = new BigInteger(literal);
      return big.bitLength() < 64 ? (Number) big.longValue() : new BigDecimal(big);
    }
    if (length <= 15 && !exponent) {
      return Double.parseDouble(literal); // at most 15 significant digits: a double keeps them all
    }
    BigDecimal exact;
    try {
      exact = new BigDecimal(literal);
    } catch (NumberFormatException e) {
      throw MalformedJsonException.at("number out of range");
    }
    double d = exact.doubleValue();
    if (Double.isFinite(d) && new BigDecimal(Double.toString(d)).compareTo(exact) == 0) {
      return d;
    }
    return exact;
  }

  /**
   * Scans the string whose opening quote is at {@code pos}, validating UTF-8, escapes and the absence of control
   * characters; sets the current string and leaves {@code pos} after the closing quote.
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
        // Eight bytes at a time: skip plain ASCII up to the first quote, backslash, control character or byte with
        // its high bit set. Borrows only run towards higher bytes, so the lowest flagged byte is a real one.
        long w = (long) LONGS.get(b, p);
        long quote = w ^ 0x2222222222222222L;
        long slash = w ^ 0x5C5C5C5C5C5C5C5CL;
        long special = (((quote - 0x0101010101010101L) & ~quote) | ((slash - 0x0101010101010101L) & ~slash)
            | (w - 0x2020202020202020L) | w) & 0x8080808080808080L;
        if (special == 0) {
          p += 8;
          chars += 8;
          continue;
        }
        int skip = Long.numberOfTrailingZeros(special) >>> 3;
        p += skip;
        chars += skip;
      } else if (p >= n) {
        throw MalformedJsonException.syntax();
      }
      int c = b[p];
      if (c == '"') {
        break;
      }
      if (c >= 0) {
        if (c == '\\') {
          escaped = true;
          p = escape(p + 1);
        } else if (c < 0x20) {
          throw MalformedJsonException.syntax();
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
      throw MalformedJsonException.syntax();
    }
    switch (b[p]) {
      case 'u':
        if (p + 4 >= n) {
          throw MalformedJsonException.syntax();
        }
        for (int i = p + 1; i <= p + 4; i++) {
          if (JsonText.hex(b[i]) < 0) {
            throw MalformedJsonException.syntax();
          }
        }
        return p + 5;
      case 't': case 'b': case 'n': case 'r': case 'f': case '"': case '\\': case '/':
        return p + 1;
      default:
        throw MalformedJsonException.syntax();
    }
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
      throw MalformedJsonException.notUtf8();
    }
    if (p + need >= n) {
      throw MalformedJsonException.notUtf8();
    }
    for (int k = 1; k <= need; k++) {
      int c = b[p + k];
      if ((c & 0xC0) != 0x80) {
        throw MalformedJsonException.notUtf8();
      }
      cp = (cp << 6) | (c & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      throw MalformedJsonException.notUtf8();
    }
    return p + need + 1;
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

  /** The next non-blank byte, at {@code pos}; the end of the document is a syntax error. */
  private int nextNonWhitespace() {
    skipWhitespace();
    if (pos >= n) {
      throw MalformedJsonException.syntax();
    }
    return b[pos];
  }

  /** A short name of a kind for messages ("a string", "an array"). */
  public static String describe(int kind) {
    switch (kind) {
      case ARRAY: return "an array";
      case OBJECT: return "an object";
      case STRING: return "a string";
      case NUMBER: return "a number";
      case BOOLEAN: return "a boolean";
      default: return "null";
    }
  }
}
