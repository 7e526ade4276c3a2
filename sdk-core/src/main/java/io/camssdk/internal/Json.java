package io.camssdk.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import io.camssdk.json.JsonLimits;
import io.camssdk.json.JsonObject;
import io.camssdk.json.MalformedPayloadException;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okio.Buffer;

/**
 * The SDK's single Moshi instance and the limit-aware reading of generic JSON values. Internal.
 */
public final class Json {
  /** Immutable and thread-safe; adapters for users' types are cached by Moshi itself. */
  public static final Moshi MOSHI = new Moshi.Builder().add(new RecordAdapterFactory()).build();

  /** Adapters for users' classes, resolved once per class: Moshi's own lookup synchronises on every call. */
  private static final ClassValue<JsonAdapter<?>> ADAPTERS = new ClassValue<>() {
    @Override
    protected JsonAdapter<?> computeValue(Class<?> type) {
      return MOSHI.adapter(type);
    }
  };

  /** Direct writers for users' plain records, resolved once per class; see {@link #writeDirect}. */
  private static final ClassValue<RecordAdapterFactory.RecordAdapter<?>> DIRECT = new ClassValue<>() {
    @Override
    protected RecordAdapterFactory.RecordAdapter<?> computeValue(Class<?> type) {
      return RecordAdapterFactory.directWriter(type, MOSHI);
    }
  };

  private Json() {}

  /** The SDK's own adapter for {@code type} when it is a record of plain components, else {@code null}. */
  static RecordAdapterFactory.RecordAdapter<?> directAdapter(Class<?> type) {
    return DIRECT.get(type);
  }

  /**
   * {@code prefix}, then {@code value} as the SDK's Moshi writes it, then {@code suffix}, in one array; or
   * {@code null} when {@code value} is not a record that can be written without Moshi's writer (one whose
   * components are all strings, ints, longs or booleans). The bytes are identical to Moshi's.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static byte[] writeDirect(byte[] prefix, Object value, int suffix) {
    RecordAdapterFactory.RecordAdapter adapter = DIRECT.get(value.getClass());
    if (adapter == null) {
      return null;
    }
    DirectJson out = new DirectJson(prefix.length + 64);
    out.write(prefix);
    adapter.writeDirect(value, out);
    out.write(suffix);
    return out.result();
  }

  /** The SDK's adapter for {@code type}, cached per class. */
  @SuppressWarnings("unchecked")
  public static <T> JsonAdapter<T> adapter(Class<T> type) {
    return (JsonAdapter<T>) ADAPTERS.get(type);
  }

  /** Opens a reader over {@code bytes} without copying them more than once. */
  public static JsonReader reader(byte[] bytes) {
    return JsonReader.of(new Buffer().write(bytes));
  }

  /**
   * Reads the next value as a generic tree (see {@link JsonObject}), enforcing {@code limits}.
   *
   * @param depth the nesting depth of the value about to be read (the top-level value is 1)
   */
  public static Object readValue(JsonReader reader, JsonLimits limits, int depth) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        return readObjectMap(reader, limits, depth);
      case BEGIN_ARRAY: {
        checkDepth(reader, limits, depth);
        reader.beginArray();
        List<Object> list = new ArrayList<>();
        while (reader.hasNext()) {
          list.add(readValue(reader, limits, depth + 1));
        }
        reader.endArray();
        return Collections.unmodifiableList(list);
      }
      case STRING:
        return readString(reader, limits);
      case NUMBER:
        return readNumber(reader, limits);
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new MalformedPayloadException(reader.getPath(), "unexpected " + reader.peek());
    }
  }

  /** Reads the next value, which must be an object, as an immutable map in document order. */
  public static Map<String, Object> readObjectMap(JsonReader reader, JsonLimits limits, int depth)
      throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      throw new MalformedPayloadException(reader.getPath(), "expected a JSON object but found " + describe(reader.peek()));
    }
    checkDepth(reader, limits, depth);
    reader.beginObject();
    LinkedHashMap<String, Object> map = new LinkedHashMap<>();
    while (reader.hasNext()) {
      String name = reader.nextName();
      if (name.length() > limits.maxStringLength()) {
        throw new MalformedPayloadException(reader.getPath(), "key longer than " + limits.maxStringLength() + " chars");
      }
      Object value = readValue(reader, limits, depth + 1);
      if (map.containsKey(name)) {
        throw new MalformedPayloadException(reader.getPath(), "duplicate key");
      }
      map.put(name, value);
    }
    reader.endObject();
    return new FrozenMap(map);
  }

  /** Skips the next value, enforcing the limits without building it. */
  public static void skipValue(JsonReader reader, JsonLimits limits, int depth) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        checkDepth(reader, limits, depth);
        reader.beginObject();
        while (reader.hasNext()) {
          if (reader.nextName().length() > limits.maxStringLength()) {
            throw new MalformedPayloadException(reader.getPath(), "key longer than " + limits.maxStringLength() + " chars");
          }
          skipValue(reader, limits, depth + 1);
        }
        reader.endObject();
        return;
      case BEGIN_ARRAY:
        checkDepth(reader, limits, depth);
        reader.beginArray();
        while (reader.hasNext()) {
          skipValue(reader, limits, depth + 1);
        }
        reader.endArray();
        return;
      case STRING:
        readString(reader, limits);
        return;
      case NUMBER:
        readNumber(reader, limits);
        return;
      default:
        reader.skipValue();
    }
  }

  /** Reads a string value, enforcing the string limit. */
  public static String readString(JsonReader reader, JsonLimits limits) throws IOException {
    String value = reader.nextString();
    if (value.length() > limits.maxStringLength()) {
      throw new MalformedPayloadException(reader.getPath(), "string longer than " + limits.maxStringLength() + " chars");
    }
    return value;
  }

  /** Reads a number literal into a {@code Long}, {@code Double} or {@code BigDecimal}, enforcing the number limit. */
  public static Number readNumber(JsonReader reader, JsonLimits limits) throws IOException {
    String path = reader.getPath();
    String literal = reader.nextString();
    if (literal.length() > limits.maxNumberLength()) {
      throw new MalformedPayloadException(path, "number longer than " + limits.maxNumberLength() + " chars");
    }
    return parseNumber(literal, path);
  }

  public static Number parseNumber(String literal, String path) {
    try {
      boolean integral = literal.indexOf('.') < 0 && literal.indexOf('e') < 0 && literal.indexOf('E') < 0;
      if (integral && literal.length() <= 18) {
        return Long.parseLong(literal); // fits a long: no BigInteger on the common path
      }
      if (integral) {
        BigInteger big = new BigInteger(literal);
        return big.bitLength() < 64 ? (Number) big.longValue() : new BigDecimal(big);
      }
      double d = Double.parseDouble(literal);
      return Double.isFinite(d) ? (Number) d : new BigDecimal(literal);
    } catch (NumberFormatException e) {
      throw new MalformedPayloadException(path, "not a number");
    }
  }

  private static void checkDepth(JsonReader reader, JsonLimits limits, int depth) {
    if (depth > limits.maxDepth()) {
      throw new MalformedPayloadException(reader.getPath(), "nesting deeper than " + limits.maxDepth());
    }
  }

  /** A short name of a token for messages ("a string", "an array"). */
  public static String describe(JsonReader.Token token) {
    switch (token) {
      case BEGIN_ARRAY: return "an array";
      case BEGIN_OBJECT: return "an object";
      case STRING: return "a string";
      case NUMBER: return "a number";
      case BOOLEAN: return "a boolean";
      case NULL: return "null";
      default: return "the end of the document";
    }
  }

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

  /** Parses text that must be one JSON object. */
  public static JsonObject parseObject(String json, JsonLimits limits) {
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(json))) {
      Map<String, Object> map = readObjectMap(reader, limits, 1);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new MalformedPayloadException("", "trailing data after the JSON object");
      }
      return JsonObject.of(map);
    } catch (JsonEncodingException | JsonDataException | EOFException e) {
      // Text that ends early (EOFException from the reader) is as malformed as any other bad text.
      throw new MalformedPayloadException("", "not valid JSON");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An immutable deep copy of {@code values}, or {@code values} itself when the SDK made it. */
  public static Map<String, Object> freeze(Map<String, ?> values) {
    if (values instanceof FrozenMap frozen) {
      return frozen;
    }
    if (values instanceof LazyJsonMap lazy) {
      return lazy;
    }
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<String, ?> entry : values.entrySet()) {
      if (entry.getKey() == null) {
        throw new IllegalArgumentException("JSON object keys cannot be null");
      }
      copy.put(entry.getKey(), freezeValue(entry.getKey(), entry.getValue()));
    }
    return new FrozenMap(copy);
  }

  @SuppressWarnings("unchecked")
  private static Object freezeValue(String key, Object value) {
    if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
        || value instanceof Double || value instanceof BigDecimal) {
      return value;
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float) {
      return ((Float) value).doubleValue();
    }
    if (value instanceof BigInteger big) {
      return big.bitLength() < 64 ? (Object) big.longValue() : new BigDecimal(big);
    }
    if (value instanceof JsonObject object) {
      return object.asMap();
    }
    if (value instanceof Map) {
      return freeze((Map<String, ?>) value);
    }
    if (value instanceof List) {
      List<Object> list = new ArrayList<>();
      for (Object item : (List<Object>) value) {
        list.add(freezeValue(key, item));
      }
      return Collections.unmodifiableList(list);
    }
    throw new IllegalArgumentException(
        "value of '" + key + "' is a " + value.getClass().getName() + ", which is not a JSON value");
  }

  /** Binds a generic object to a user type with {@link #MOSHI}. */
  public static <T> T bind(JsonObject object, Class<T> type) {
    JsonAdapter<T> adapter = adapter(type);
    Map<String, Object> values = object.asMap();
    try {
      return values instanceof LazyJsonMap lazy ? lazy.bind(adapter, type) : adapter.fromJsonValue(values);
    } catch (JsonDataException e) {
      throw new MalformedPayloadException(pathOf(e), "cannot bind to " + type.getSimpleName());
    } catch (AssertionError e) {
      // fromJsonValue wraps an encoding refusal (NaN or an infinity for a double) in an AssertionError.
      if (e.getCause() instanceof IOException cause) {
        throw new MalformedPayloadException(pathOf(cause.getMessage()), "cannot bind to " + type.getSimpleName());
      }
      throw e;
    }
  }

  private static String pathOf(JsonDataException e) {
    return pathOf(e.getMessage());
  }

  private static String pathOf(String message) {
    int at = message == null ? -1 : message.lastIndexOf(" at path ");
    return at < 0 ? "$" : message.substring(at + " at path ".length());
  }

  /** Writes a generic object as compact JSON text. */
  public static String write(JsonObject object) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writeValue(writer, object.asMap());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readUtf8();
  }

  /** Writes a generic value (as produced by {@link #readValue}) to {@code writer}. */
  @SuppressWarnings("unchecked")
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
    } else if (value instanceof JsonObject object) {
      writeValue(writer, object.asMap());
    } else {
      throw new IllegalArgumentException(value.getClass().getName() + " is not a JSON value");
    }
  }

  /** A map that only the SDK's reader creates; immutable, so it is shared without copying. */
  private static final class FrozenMap extends AbstractMap<String, Object> {
    private final Map<String, Object> delegate;

    FrozenMap(LinkedHashMap<String, Object> delegate) {
      this.delegate = Collections.unmodifiableMap(delegate);
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return delegate.entrySet();
    }

    @Override
    public Object get(Object key) {
      return delegate.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return delegate.containsKey(key);
    }

    @Override
    public int size() {
      return delegate.size();
    }
  }
}
