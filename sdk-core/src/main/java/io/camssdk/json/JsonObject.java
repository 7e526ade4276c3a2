package io.camssdk.json;

import io.camssdk.internal.Json;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable JSON object, such as the {@code IntentData} of an intent call. Values are {@code String},
 * {@code Boolean}, {@code Long} (integral numbers), {@code Double} or {@code java.math.BigDecimal} (other numbers),
 * {@code null}, {@code List<Object>} and {@code Map<String, Object>}, all unmodifiable.
 *
 * <pre>{@code
 * String orderId = call.intentData().getString("orderId");
 * OrderQuery query = call.intentData().as(OrderQuery.class);
 * }</pre>
 *
 * @since 0.1
 */
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
    Map<String, Object> frozen = Json.freeze(values);
    return frozen.isEmpty() ? EMPTY : new JsonObject(frozen);
  }

  /** Parses a JSON object from a string, applying {@link JsonLimits#DEFAULTS}. */
  public static JsonObject parse(String json) {
    return Json.parseObject(json, JsonLimits.DEFAULTS);
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
    return Json.bind(this, type);
  }

  /** This object as compact JSON text. */
  public String toJson() {
    return Json.write(this);
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
}
