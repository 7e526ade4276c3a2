package io.camssdk.internal;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference reader for tests, written straight from RFC 8259's grammar (section 2 to 8) plus the SDK's two
 * additions (a key at most once per object; a number's exponent within {@code BigDecimal}'s range): slow and obvious,
 * sharing no code with {@link JsonScanner}. Numbers are {@code BigDecimal}, objects {@code LinkedHashMap}.
 */
public final class Rfc8259 {
  private static final Pattern NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?");

  /** The text is not JSON by the RFC. */
  public static final class Invalid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Invalid(String message) {
      super(message);
    }
  }

  private final String s;
  private int i;

  private Rfc8259(String s) {
    this.s = s;
  }

  /** The one value of {@code utf8}, or {@link Invalid}. */
  public static Object parse(byte[] utf8) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(utf8)).toString();
    } catch (CharacterCodingException e) {
      throw new Invalid("not UTF-8");
    }
    Rfc8259 reader = new Rfc8259(text);
    reader.ws();
    Object value = reader.value();
    reader.ws();
    if (reader.i != text.length()) {
      throw new Invalid("trailing text");
    }
    return value;
  }

  private void ws() {
    while (i < s.length() && " \t\n\r".indexOf(s.charAt(i)) >= 0) {
      i++;
    }
  }

  private char peek() {
    if (i >= s.length()) {
      throw new Invalid("end of text");
    }
    return s.charAt(i);
  }

  private Object value() {
    char c = peek();
    if (c == '{') {
      return object();
    }
    if (c == '[') {
      return array();
    }
    if (c == '"') {
      return string();
    }
    for (String literal : new String[] {"true", "false", "null"}) {
      if (s.startsWith(literal, i)) {
        i += literal.length();
        return literal.equals("null") ? null : Boolean.valueOf(literal);
      }
    }
    Matcher m = NUMBER.matcher(s).region(i, s.length());
    if (!m.lookingAt()) {
      throw new Invalid("no value");
    }
    i = m.end();
    try {
      return new BigDecimal(m.group());
    } catch (NumberFormatException e) {
      throw new Invalid("exponent out of range");
    }
  }

  private Map<String, Object> object() {
    i++;
    Map<String, Object> map = new LinkedHashMap<>();
    ws();
    if (peek() == '}') {
      i++;
      return map;
    }
    while (true) {
      ws();
      if (peek() != '"') {
        throw new Invalid("key expected");
      }
      String key = string();
      ws();
      if (peek() != ':') {
        throw new Invalid("colon expected");
      }
      i++;
      ws();
      Object value = value();
      if (map.containsKey(key)) {
        throw new Invalid("duplicate key");
      }
      map.put(key, value);
      ws();
      char c = peek();
      i++;
      if (c == '}') {
        return map;
      }
      if (c != ',') {
        throw new Invalid("comma expected");
      }
    }
  }

  private List<Object> array() {
    i++;
    List<Object> list = new ArrayList<>();
    ws();
    if (peek() == ']') {
      i++;
      return list;
    }
    while (true) {
      ws();
      list.add(value());
      ws();
      char c = peek();
      i++;
      if (c == ']') {
        return list;
      }
      if (c != ',') {
        throw new Invalid("comma expected");
      }
    }
  }

  private String string() {
    i++;
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = peek();
      i++;
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw new Invalid("control character");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = peek();
      i++;
      switch (e) {
        case '"': case '\\': case '/': out.append(e); break;
        case 'b': out.append('\b'); break;
        case 'f': out.append('\f'); break;
        case 'n': out.append('\n'); break;
        case 'r': out.append('\r'); break;
        case 't': out.append('\t'); break;
        case 'u':
          if (i + 4 > s.length() || !s.substring(i, i + 4).matches("[0-9a-fA-F]{4}")) {
            throw new Invalid("bad unicode escape");
          }
          out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
          i += 4;
          break;
        default:
          throw new Invalid("bad escape");
      }
    }
  }
}
