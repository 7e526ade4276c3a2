package io.camssdk.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * The SDK's JSON machinery behind one door: reading with {@link JsonScanner} (the one reader), binding to users'
 * types and writing with the SDK's single Moshi instance. Knows nothing of the public {@code io.camssdk.json}
 * package, which builds on it. Internal.
 */
public final class Json {
  /**
   * Immutable and thread-safe. {@link RecordAdapterFactory} comes first, so that every record, at any depth, is
   * bound by the SDK's own adapter: Moshi's record support lives in a multi-release class that a shaded jar loses.
   */
  public static final Moshi MOSHI = new Moshi.Builder()
      .add(new RecordAdapterFactory())
      .add(NumberAdapters.FACTORY)
      .build();

  /** Adapters for users' classes, resolved once per class: Moshi's own lookup synchronises on every call. */
  private static final ClassValue<JsonAdapter<?>> ADAPTERS = new ClassValue<>() {
    @Override
    protected JsonAdapter<?> computeValue(Class<?> type) {
      return MOSHI.adapter(type);
    }
  };

  /**
   * The SDK's direct writers and binders of users' records (see {@link #writeDirect} and {@link LazyJsonMap}),
   * resolved once per class; {@code null} for a class that is not a record.
   */
  private static final ClassValue<RecordAdapterFactory.RecordAdapter<?>> DIRECT = new ClassValue<>() {
    @Override
    protected RecordAdapterFactory.RecordAdapter<?> computeValue(Class<?> type) {
      return RecordAdapterFactory.direct(type, MOSHI);
    }
  };

  /** Longest plain rendering of a number as text; beyond it, scientific notation keeps the text short. */
  private static final int MAX_PLAIN_NUMBER_DIGITS = 40;

  private Json() {}

  // ---- reading ----

  /**
   * Reads {@code utf8} as one JSON value, as a generic tree (see {@link JsonScanner}).
   *
   * @throws MalformedJsonException when it is not one strict JSON value within the limits
   */
  public static Object readValue(byte[] utf8, int maxDepth, int maxStringLength, int maxNumberLength) {
    return JsonScanner.readDocument(utf8, maxDepth, maxStringLength, maxNumberLength);
  }

  /**
   * Reads {@code utf8} as one JSON object, as an immutable map in document order.
   *
   * @throws MalformedJsonException when it is not one strict JSON object within the limits
   */
  public static Map<String, Object> readObject(byte[] utf8, int maxDepth, int maxStringLength, int maxNumberLength) {
    JsonScanner scanner = new JsonScanner(utf8, maxDepth, maxStringLength, maxNumberLength);
    Map<String, Object> map = scanner.readObject(1);
    scanner.end();
    return map;
  }

  /**
   * Reads the next value of a Moshi reader (one walking a tree the SDK made, when binding) as a generic tree, with
   * numbers as {@link JsonScanner} reads them: an integer stays a {@code Long}, never a {@code Double}.
   */
  public static Object readValue(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT: {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          String name = reader.nextName();
          if (map.containsKey(name)) {
            throw new JsonDataException("Duplicate key at path " + reader.getPath());
          }
          map.put(name, readValue(reader));
        }
        reader.endObject();
        return new FrozenJsonMap(map);
      }
      case BEGIN_ARRAY: {
        List<Object> list = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          list.add(readValue(reader));
        }
        reader.endArray();
        return Collections.unmodifiableList(list);
      }
      case STRING:
        return reader.nextString();
      case NUMBER: {
        byte[] literal = reader.nextString().getBytes(StandardCharsets.US_ASCII);
        try {
          return JsonScanner.readDocument(literal, 1, 1, literal.length);
        } catch (MalformedJsonException e) {
          throw new JsonDataException("Expected a number at path " + reader.getPath());
        }
      }
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new JsonDataException("Expected a value but was " + reader.peek() + " at path " + reader.getPath());
    }
  }

  /** Whether {@code map} was made by the SDK's reader or by {@link #frozen}: deeply immutable, shared as it is. */
  public static boolean isFrozen(Map<?, ?> map) {
    return map instanceof FrozenJsonMap || map instanceof LazyJsonMap;
  }

  /** Wraps a map of already frozen values (see {@link #isFrozen}); the caller gives up {@code values}. */
  public static Map<String, Object> frozen(LinkedHashMap<String, Object> values) {
    return new FrozenJsonMap(values);
  }

  // ---- binding ----

  /** The SDK's adapter for {@code type}, cached per class. */
  @SuppressWarnings("unchecked")
  public static <T> JsonAdapter<T> adapter(Class<T> type) {
    return (JsonAdapter<T>) ADAPTERS.get(type);
  }

  /** The SDK's own binder of validated bytes for {@code type} (see {@code RecordAdapter#bindDirect}), or {@code null}. */
  static RecordAdapterFactory.RecordAdapter<?> directAdapter(Class<?> type) {
    RecordAdapterFactory.RecordAdapter<?> adapter = DIRECT.get(type);
    return adapter != null && adapter.bindsDirect() ? adapter : null;
  }

  /**
   * Binds a generic object to a user type.
   *
   * @throws MalformedJsonException naming the path when the values do not fit the type
   */
  public static <T> T bind(Map<String, Object> values, Class<T> type) {
    JsonAdapter<T> adapter = adapter(type);
    try {
      return values instanceof LazyJsonMap lazy ? lazy.bind(adapter, type) : adapter.fromJsonValue(values);
    } catch (JsonDataException e) {
      throw MalformedJsonException.at(pathOf(e.getMessage()), "cannot bind to " + type.getSimpleName());
    } catch (AssertionError e) {
      // fromJsonValue wraps an encoding refusal (NaN or an infinity for a double) in an AssertionError.
      if (e.getCause() instanceof IOException cause) {
        throw MalformedJsonException.at(pathOf(cause.getMessage()), "cannot bind to " + type.getSimpleName());
      }
      throw e;
    }
  }

  private static String pathOf(String message) {
    int at = message == null ? -1 : message.lastIndexOf(" at path ");
    String path = at < 0 ? "$" : message.substring(at + " at path ".length());
    return path.startsWith("$") ? path : "$";
  }

  // ---- writing ----

  /**
   * {@code prefix}, then {@code value} as the SDK's Moshi writes it, then {@code suffix}, in one array; or
   * {@code null} when {@code value} is not a record that can be written without Moshi's writer (one whose
   * components are all strings, ints, longs or booleans). The bytes are identical to Moshi's.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static byte[] writeDirect(byte[] prefix, Object value, int suffix) {
    RecordAdapterFactory.RecordAdapter adapter = DIRECT.get(value.getClass());
    if (adapter == null || !adapter.writesDirect()) {
      return null;
    }
    DirectJson out = new DirectJson(prefix.length + 64);
    out.write(prefix);
    adapter.writeDirect(value, out);
    out.write(suffix);
    return out.result();
  }

  /** Writes a generic map as compact JSON text, {@code null} members included. */
  public static String write(Map<String, Object> values) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true);
      writeValue(writer, values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  /**
   * Writes a generic value (maps, lists, strings, numbers, booleans, {@code null}) to {@code writer}; any other
   * object is written by its Moshi adapter (so a {@code JsonObject} inside a map is written as its members).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static void writeValue(JsonWriter writer, Object value) throws IOException {
    if (value == null) {
      writer.nullValue();
    } else if (value instanceof String s) {
      writer.value(s);
    } else if (value instanceof Boolean b) {
      writer.value(b);
    } else if (value instanceof Long l) {
      writer.value(l.longValue());
    } else if (value instanceof Number n) {
      writer.value(n);
    } else if (value instanceof Map) {
      writer.beginObject();
      for (Map.Entry<String, Object> entry : ((Map<String, Object>) value).entrySet()) {
        writer.name(entry.getKey());
        writeValue(writer, entry.getValue());
      }
      writer.endObject();
    } else if (value instanceof List) {
      writer.beginArray();
      for (Object item : (List<Object>) value) {
        writeValue(writer, item);
      }
      writer.endArray();
    } else {
      JsonAdapter adapter = adapter(value.getClass());
      adapter.toJson(writer, value);
    }
  }

  // ---- text ----

  /** A short name of a generic value's JSON type. */
  public static String typeName(Object value) {
    if (value == null) return "null";
    if (value instanceof String) return "a string";
    if (value instanceof Number) return "a number";
    if (value instanceof Boolean) return "a boolean";
    if (value instanceof List) return "an array";
    if (value instanceof Map) return "an object";
    return value.getClass().getSimpleName();
  }

  /**
   * A number read as text: an integer in decimal, any other number with its digits, plain when short and in
   * scientific notation otherwise. Never longer than the number's own digits and exponent: a 13-char literal such
   * as {@code 1e2147483647} stays 13 chars, instead of the two billion digits of its plain form.
   */
  public static String numberText(Number number) {
    if (number instanceof Long || number instanceof Integer) {
      return number.toString();
    }
    BigDecimal decimal = number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
    BigDecimal stripped = decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
    int scale = stripped.scale();
    boolean shortPlain = scale <= 0
        ? (long) stripped.precision() - scale <= MAX_PLAIN_NUMBER_DIGITS
        : scale <= MAX_PLAIN_NUMBER_DIGITS;
    return shortPlain ? stripped.toPlainString() : stripped.toString();
  }
}
