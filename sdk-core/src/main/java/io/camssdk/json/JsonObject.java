package io.camssdk.json;

import com.squareup.moshi.JsonClass;
import io.camssdk.internal.Json;
import io.camssdk.internal.MalformedJsonException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable JSON object, such as the {@code IntentData} of an intent call. Values are {@code String},
 * {@code Boolean}, {@code null}, {@code List<Object>} and {@code Map<String, Object>} (all unmodifiable), and numbers:
 * {@code Long} for an integer that fits, {@code Double} for a number that a double holds exactly as written, and
 * {@code java.math.BigDecimal} for any other number, exactly as written (never rounded: {@code 2023078469463703123.0}
 * stays that number).
 *
 * <pre>{@code
 * String orderId = call.intentData().getString("orderId");
 * OrderQuery query = call.intentData().as(OrderQuery.class);
 * }</pre>
 *
 * <p>Parsing is strict RFC 8259 (see {@link #parse(byte[], JsonLimits)}). Records of users' types may hold a
 * {@code JsonObject} component: it binds and writes as the object it holds.
 *
 * @since 0.1
 */
@JsonClass(generateAdapter = true) // Moshi then uses JsonObjectJsonAdapter, next to this class
public final class JsonObject {
  private static final JsonObject EMPTY = new JsonObject(Map.of());

  private final Map<String, Object> values;

  private JsonObject(Map<String, Object> values) {
    this.values = values;
  }

  /** The empty object {@code {}}. */
  public static JsonObject empty() {
    return EMPTY;
  }

  /**
   * An object with the entries of {@code values}: a deep copy, unless the map was made by the SDK's own reader and
   * is already immutable. Values must be JSON-representable (see the class comment; {@code Integer} and other
   * numbers are accepted).
   *
   * @throws IllegalArgumentException naming the key whose value cannot be represented in JSON
   */
  public static JsonObject of(Map<String, ?> values) {
    Objects.requireNonNull(values, "values");
    Map<String, Object> frozen = freeze(values);
    return frozen.isEmpty() ? EMPTY : new JsonObject(frozen);
  }

  /**
   * Parses a JSON object from a string, applying {@link JsonLimits#DEFAULTS}.
   *
   * @throws MalformedPayloadException as {@link #parse(byte[], JsonLimits)}
   */
  public static JsonObject parse(String json) {
    return parse(json, JsonLimits.DEFAULTS);
  }

  /**
   * Parses a JSON object from a string.
   *
   * @throws MalformedPayloadException as {@link #parse(byte[], JsonLimits)}
   */
  public static JsonObject parse(String json, JsonLimits limits) {
    return parse(json.getBytes(StandardCharsets.UTF_8), limits);
  }

  /**
   * Parses UTF-8 bytes that must hold exactly one JSON object, strictly as RFC 8259 defines JSON: lower-case
   * {@code true}, {@code false}, {@code null}; no comments, single quotes, trailing commas, {@code NaN} or leading
   * zeros; only the escapes the RFC lists and no raw control characters in strings; no key twice in one object;
   * nothing after the object but whitespace.
   *
   * <pre>{@code
   * JsonObject data = JsonObject.parse(bytes, JsonLimits.DEFAULTS);
   * }</pre>
   *
   * @throws MalformedPayloadException when the bytes are not one such object within {@code limits}, naming the
   *     path at fault (empty for a syntax error)
   */
  public static JsonObject parse(byte[] utf8, JsonLimits limits) {
    Objects.requireNonNull(utf8, "utf8");
    Objects.requireNonNull(limits, "limits");
    try {
      Map<String, Object> map = Json.readObject(utf8, limits.maxDepth(), limits.maxStringLength(),
          limits.maxNumberLength());
      return map.isEmpty() ? EMPTY : new JsonObject(map);
    } catch (MalformedJsonException e) {
      throw MalformedPayloadException.of(e);
    }
  }

  /** The value of {@code key}, or {@code null} when absent or JSON {@code null}. */
  public Object get(String key) {
    return values.get(key);
  }

  /** Whether the object has {@code key} (possibly with a {@code null} value). */
  public boolean has(String key) {
    return values.containsKey(key);
  }

  /** The string at {@code key}; numbers and booleans are rendered as text; {@code null} when absent. */
  public String getString(String key) {
    Object value = values.get(key);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    throw new IllegalStateException("'" + key + "' is not a string but " + Json.typeName(value));
  }

  /** The nested object at {@code key}; {@code null} when absent. */
  @SuppressWarnings("unchecked")
  public JsonObject getObject(String key) {
    Object value = values.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof Map) {
      return of((Map<String, Object>) value);
    }
    throw new IllegalStateException("'" + key + "' is not an object but " + Json.typeName(value));
  }

  /** The keys, in document order. */
  public Set<String> keys() {
    return values.keySet();
  }

  public int size() {
    return values.size();
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  /** The values as an unmodifiable map, in document order. */
  public Map<String, Object> asMap() {
    return values;
  }

  /**
   * Binds this object to {@code type} (a record, a class with fields, or a {@code Map}) with the SDK's Moshi
   * configuration; unknown keys are ignored.
   *
   * @throws MalformedPayloadException when the object does not fit the type, naming the field
   */
  public <T> T as(Class<T> type) {
    try {
      return Json.bind(values, type);
    } catch (MalformedJsonException e) {
      throw MalformedPayloadException.of(e);
    }
  }

  /** This object as compact JSON text. */
  public String toJson() {
    return Json.write(values);
  }

  /** Returns a new object with {@code overlay}'s keys replacing this object's (a shallow merge). */
  public JsonObject overlaidBy(JsonObject overlay) {
    if (overlay.isEmpty()) {
      return this;
    }
    Map<String, Object> merged = new LinkedHashMap<>(values);
    merged.putAll(overlay.values);
    return of(merged);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof JsonObject o && values.equals(o.values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return toJson();
  }

  /** An immutable deep copy of {@code values}, or {@code values} itself when the SDK made it. */
  private static Map<String, Object> freeze(Map<String, ?> values) {
    @SuppressWarnings("unchecked")
    Map<String, Object> own = (Map<String, Object>) values;
    if (Json.isFrozen(values)) {
      return own;
    }
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>();
    for (Map.Entry<String, ?> entry : values.entrySet()) {
      if (entry.getKey() == null) {
        throw new IllegalArgumentException("JSON object keys cannot be null");
      }
      copy.put(entry.getKey(), freezeValue(entry.getKey(), entry.getValue()));
    }
    return Json.frozen(copy);
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
    if (value instanceof Float f) {
      return f.doubleValue();
    }
    if (value instanceof BigInteger big) {
      return big.bitLength() < 64 ? (Object) big.longValue() : new BigDecimal(big);
    }
    if (value instanceof JsonObject object) {
      return object.values;
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
}
