package io.camssdk.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Set;

/**
 * Binds and writes every record, of any visibility and at any depth (a record inside a record, a list or a map of
 * records), so that the SDK never needs Moshi's own record adapter. That one needs public records, and it lives in
 * Moshi's {@code META-INF/versions/16}: in a shaded jar without a {@code Multi-Release} manifest it is replaced by a
 * stub that throws {@code AssertionError}. Resolved once per type, then bound through method handles: no reflection
 * per call.
 */
final class RecordAdapterFactory implements JsonAdapter.Factory {

  /**
   * The adapter this factory makes for {@code type} when it is a record, with its writing and binding without Moshi
   * worked out (see {@link RecordAdapter#writesDirect} and {@link RecordAdapter#bindsDirect}); else {@code null}.
   */
  static RecordAdapter<?> direct(Class<?> type, Moshi moshi) {
    return type.isRecord() ? new RecordAdapter<>(type, moshi, new HashSet<>()) : null;
  }

  @Override
  public JsonAdapter<?> create(Type type, Set<? extends Annotation> annotations, Moshi moshi) {
    if (!annotations.isEmpty() || !(type instanceof Class<?> raw) || !raw.isRecord()) {
      return null;
    }
    return new RecordAdapter<>(raw, moshi, null).nullSafe();
  }

  static final class RecordAdapter<T> extends JsonAdapter<T> {
    private final Class<T> type;
    private final String[] names;
    private final JsonAdapter<Object>[] adapters;
    private final MethodHandle[] accessors;
    private final MethodHandle constructor;
    private final Object[] defaults;
    private final JsonReader.Options options;
    /** Per component: how {@link #writeDirect} writes it, or {@code null} when some component needs Moshi. */
    private final int[] plainKinds;
    /**
     * Per component: how {@link #bindDirect} reads it (a plain kind, {@link #RECORD} or {@link #LIST}), or
     * {@code null} when some component needs Moshi.
     */
    private final int[] bindKinds;
    /** Per component: the adapter of a record component, or of a list component's record elements. */
    private final RecordAdapter<?>[] nested;
    /** Per list component: the kind of its elements. */
    private final int[] elementKinds;
    /** Per component: its name in UTF-8, to match unescaped keys. */
    private final byte[][] nameUtf8;
    /** Per component: {@code "name":} as Moshi's writer escapes it. */
    private final byte[][] nameBytes;

    /**
     * @param resolving the records whose direct binding is being worked out, to stop at a record that holds itself;
     *     {@code null} when only Moshi's binding is needed (no direct binding is worked out)
     */
    @SuppressWarnings("unchecked")
    RecordAdapter(Class<T> type, Moshi moshi, Set<Class<?>> resolving) {
      this.type = type;
      RecordComponent[] components = type.getRecordComponents();
      names = new String[components.length];
      adapters = new JsonAdapter[components.length];
      accessors = new MethodHandle[components.length];
      defaults = new Object[components.length];
      Class<?>[] parameterTypes = new Class<?>[components.length];
      try {
        MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
        for (int i = 0; i < components.length; i++) {
          RecordComponent component = components[i];
          com.squareup.moshi.Json json = component.getAnnotation(com.squareup.moshi.Json.class);
          names[i] = json != null ? json.name() : component.getName();
          Type componentType = component.getGenericType();
          adapters[i] = moshi.adapter(componentType, Types.getFieldJsonQualifierAnnotations(type, component.getName()));
          Method accessor = component.getAccessor();
          accessors[i] = lookup.unreflect(accessor).asType(MethodType.methodType(Object.class, Object.class));
          parameterTypes[i] = component.getType();
          defaults[i] = defaultValue(component.getType());
        }
        Constructor<T> canonical = type.getDeclaredConstructor(parameterTypes);
        // Spread once here, so that each call is a plain invokeExact: no adaptation per call.
        constructor = lookup.unreflectConstructor(canonical)
            .asType(MethodType.genericMethodType(components.length))
            .asSpreader(Object[].class, components.length);
      } catch (ReflectiveOperationException | IllegalArgumentException e) {
        throw new IllegalArgumentException("cannot bind record " + type.getName() + ": " + e.getMessage(), e);
      }
      options = JsonReader.Options.of(names);
      plainKinds = plainKinds(type, components);
      nested = new RecordAdapter<?>[components.length];
      elementKinds = new int[components.length];
      bindKinds = resolving == null ? null : bindKinds(type, components, moshi, resolving);
      nameUtf8 = new byte[names.length][];
      for (int i = 0; i < names.length; i++) {
        nameUtf8[i] = names[i].getBytes(java.nio.charset.StandardCharsets.UTF_8);
      }
      nameBytes = new byte[names.length][];
      for (int i = 0; i < names.length; i++) {
        DirectJson out = new DirectJson(names[i].length() + 3);
        out.string(names[i]);
        out.write(':');
        nameBytes[i] = out.toByteArray();
      }
    }

    /**
     * The kinds of a record's components when each is one that {@link DirectJson} writes exactly as Moshi's
     * standard adapters do (String, int, long, boolean and their boxes, without qualifier annotations), else
     * {@code null}.
     */
    private static int[] plainKinds(Class<?> type, RecordComponent[] components) {
      int[] kinds = new int[components.length];
      for (int i = 0; i < components.length; i++) {
        if (!Types.getFieldJsonQualifierAnnotations(type, components[i].getName()).isEmpty()) {
          return null;
        }
        int kind = scalarKind(components[i].getType());
        if (kind == 0 || kind == DOUBLE) {
          return null; // a double is written in Moshi's own number format
        }
        kinds[i] = kind;
      }
      return kinds;
    }

    static final int RECORD = 10;
    static final int LIST = 11;
    /** A double component: bound from bytes, never written directly (Moshi's number format is its own). */
    static final int DOUBLE = 12;

    private int[] bindKinds(Class<?> type, RecordComponent[] components, Moshi moshi, Set<Class<?>> resolving) {
      if (!resolving.add(type)) {
        return null; // a record that holds itself, directly or not: bound by Moshi
      }
      try {
        int[] kinds = new int[components.length];
        for (int i = 0; i < components.length; i++) {
          if (!Types.getFieldJsonQualifierAnnotations(type, components[i].getName()).isEmpty()) {
            return null;
          }
          Class<?> c = components[i].getType();
          int kind = scalarKind(c);
          if (kind == 0 && c.isRecord()) {
            nested[i] = new RecordAdapter<>(c, moshi, resolving);
            kind = nested[i].bindKinds == null ? 0 : RECORD;
          } else if (kind == 0 && c == java.util.List.class
              && components[i].getGenericType() instanceof java.lang.reflect.ParameterizedType list) {
            Type element = list.getActualTypeArguments()[0];
            if (element instanceof Class<?> e && !e.isPrimitive()) {
              int elementKind = scalarKind(e);
              if (elementKind == 0 && e.isRecord()) {
                nested[i] = new RecordAdapter<>(e, moshi, resolving);
                elementKind = nested[i].bindKinds == null ? 0 : RECORD;
              }
              elementKinds[i] = elementKind;
              kind = elementKind == 0 ? 0 : LIST;
            }
          }
          if (kind == 0) {
            return null;
          }
          kinds[i] = kind;
        }
        return kinds;
      } finally {
        resolving.remove(type);
      }
    }

    private static int scalarKind(Class<?> c) {
      if (c == String.class) return DirectJson.STRING;
      if (c == int.class || c == Integer.class) return DirectJson.INT;
      if (c == long.class || c == Long.class) return DirectJson.LONG;
      if (c == boolean.class || c == Boolean.class) return DirectJson.BOOLEAN;
      if (c == double.class || c == Double.class) return DOUBLE;
      return 0;
    }

    /** Whether {@link #writeDirect} writes this record: its components are all plain. */
    boolean writesDirect() {
      return plainKinds != null;
    }

    /**
     * Whether {@link #bindDirect} binds this record straight from validated bytes: its components are plain, or
     * records of such components, or lists of either, at any depth (a record that holds itself is not).
     */
    boolean bindsDirect() {
      return bindKinds != null;
    }

    /**
     * Writes {@code value} as Moshi's writer would with this adapter (null components left out); only when
     * {@link #writesDirect}.
     */
    void writeDirect(T value, DirectJson out) {
      out.write('{');
      boolean first = true;
      for (int i = 0; i < names.length; i++) {
        Object componentValue = component(i, value);
        if (componentValue == null) {
          continue;
        }
        if (!first) {
          out.write(',');
        }
        first = false;
        out.write(nameBytes[i]);
        out.value(plainKinds[i], componentValue);
      }
      out.write('}');
    }

    /**
     * Binds the validated object {@code json} as {@link #fromJson} does on its generic tree (Moshi's
     * {@code JsonValueReader}), for a record whose components {@link #bindKinds} covers and an object whose numbers
     * are all plain ints and whose strings and keys do not look like numbers (there the tree and byte readers
     * agree).
     *
     * @throws JsonDataException ending in {@code at path <path>}, as Moshi's would
     */
    T bindDirect(byte[] json) {
      int[] at = {0};
      return bindObject(json, at);
    }

    /**
     * Binds as {@link #bindDirect}, or returns {@code null} when the object holds a value where reading the bytes
     * might not give what reading the tree gives (a number other than a plain int where an int, a long or a string is
     * wanted; a double the tree would hold differently): the caller then binds the tree.
     */
    T bindDirectOrNull(byte[] json) {
      try {
        return bindDirect(json);
      } catch (NotDirect e) {
        return null;
      }
    }

    /** Thrown inside the direct binder where only the tree's binding is known to be exact; never escapes. */
    private static final class NotDirect extends RuntimeException {
      NotDirect() {
        super(null, null, false, false); // no stack trace: it is caught a few frames up
      }
    }

    private static final NotDirect NOT_DIRECT = new NotDirect();

    /** Binds the object whose '{' is at {@code at[0]}; leaves {@code at[0]} after its '}'. */
    private T bindObject(byte[] json, int[] at) {
      Object[] values = defaults.clone();
      int p = JsonText.skipWhitespace(json, at[0] + 1);
      int expected = 0; // members usually come in the order of the record's components
      if (json[p] != '}') {
        while (true) {
          int keyStart = p + 1;
          int keyEnd = keyStart;
          boolean escaped = false;
          while (json[keyEnd] != '"') {
            if (json[keyEnd] == '\\') {
              escaped = true;
              keyEnd += 2;
            } else {
              keyEnd++;
            }
          }
          int index = componentIndex(json, keyStart, keyEnd, escaped, expected);
          expected = index + 1;
          p = JsonText.skipWhitespace(json, JsonText.skipWhitespace(json, keyEnd + 1) + 1);
          if (index < 0) {
            p = JsonText.skipValue(json, p);
          } else {
            at[0] = p;
            try {
              values[index] = readComponent(json, at, index);
            } catch (JsonDataException e) {
              throw within("." + names[index], e);
            }
            p = at[0];
          }
          p = JsonText.skipWhitespace(json, p);
          if (json[p] != ',') {
            break;
          }
          p = JsonText.skipWhitespace(json, p + 1);
        }
      }
      at[0] = p + 1;
      return construct(values, "$");
    }

    private int componentIndex(byte[] json, int start, int end, boolean escaped, int expected) {
      if (escaped) {
        String key = JsonText.decode(json, start, end, true);
        for (int i = 0; i < names.length; i++) {
          if (names[i].equals(key)) {
            return i;
          }
        }
        return -1;
      }
      if (expected < nameUtf8.length && matches(json, start, end, nameUtf8[expected])) {
        return expected;
      }
      for (int i = 0; i < nameUtf8.length; i++) {
        if (matches(json, start, end, nameUtf8[i])) {
          return i;
        }
      }
      return -1;
    }

    private static boolean matches(byte[] json, int start, int end, byte[] name) {
      if (name.length != end - start) {
        return false;
      }
      for (int i = 0; i < name.length; i++) {
        if (json[start + i] != name[i]) {
          return false;
        }
      }
      return true;
    }

    /** {@code e} with {@code step} inserted after the {@code $} of its path. */
    private static JsonDataException within(String step, JsonDataException e) {
      String message = e.getMessage();
      int at = message.lastIndexOf(" at path $");
      if (at < 0) {
        return e;
      }
      int split = at + " at path $".length();
      return new JsonDataException(message.substring(0, split) + step + message.substring(split));
    }

    private Object readComponent(byte[] json, int[] at, int index) {
      int p = at[0];
      int c = json[p];
      if (c == 'n') {
        if (defaults[index] != null) {
          if (bindKinds[index] == DOUBLE) {
            throw NOT_DIRECT; // Moshi's own message for a null double
          }
          throw mismatch();
        }
        at[0] = p + 4;
        return null;
      }
      switch (bindKinds[index]) {
        case RECORD:
          if (c != '{') {
            throw mismatch();
          }
          return nested[index].bindObject(json, at);
        case LIST: {
          if (c != '[') {
            throw mismatch();
          }
          java.util.List<Object> list = new java.util.ArrayList<>();
          p = JsonText.skipWhitespace(json, p + 1);
          int i = 0;
          while (json[p] != ']') {
            at[0] = p;
            try {
              list.add(readElement(json, at, index));
            } catch (JsonDataException e) {
              throw within("[" + i + "]", e);
            }
            p = JsonText.skipWhitespace(json, at[0]);
            if (json[p] == ',') {
              p = JsonText.skipWhitespace(json, p + 1);
            }
            i++;
          }
          at[0] = p + 1;
          return list;
        }
        default:
          return readScalar(json, at, bindKinds[index]);
      }
    }

    private Object readElement(byte[] json, int[] at, int index) {
      int p = at[0];
      int c = json[p];
      if (c == 'n') {
        at[0] = p + 4;
        return null;
      }
      if (elementKinds[index] == RECORD) {
        if (c != '{') {
          throw mismatch();
        }
        return nested[index].bindObject(json, at);
      }
      return readScalar(json, at, elementKinds[index]);
    }

    private static Object readScalar(byte[] json, int[] at, int kind) {
      int p = at[0];
      int c = json[p];
      switch (kind) {
        case DirectJson.STRING:
          if (c == '"') {
            int close = JsonText.plainStringEnd(json, p);
            if (close >= 0) {
              at[0] = close + 1;
              return JsonText.decode(json, p + 1, close, false);
            }
            int end = JsonText.skipString(json, p);
            at[0] = end;
            return JsonText.decode(json, p + 1, end - 1, true);
          }
          if (c == '-' || (c >= '0' && c <= '9')) {
            int end = JsonText.skipValue(json, p);
            requirePlainInt(json, p, end); // the tree's text of another number is not its literal
            at[0] = end;
            return new String(json, p, end - p, java.nio.charset.StandardCharsets.US_ASCII);
          }
          throw mismatch();
        case DirectJson.INT:
        case DirectJson.LONG:
          if (c == '-' || (c >= '0' && c <= '9')) {
            int end = JsonText.skipValue(json, p);
            requirePlainInt(json, p, end);
            long value = 0;
            boolean negative = c == '-';
            for (int i = negative ? p + 1 : p; i < end; i++) {
              value = value * 10 + (json[i] - '0'); // a plain int: at most 9 digits
            }
            value = negative ? -value : value;
            at[0] = end;
            return kind == DirectJson.INT ? (Object) (int) value : (Object) value;
          }
          throw mismatch();
        case DOUBLE:
          if (c == '-' || (c >= '0' && c <= '9')) {
            int end = JsonText.skipValue(json, p);
            at[0] = end;
            return doubleOf(json, p, end);
          }
          throw NOT_DIRECT; // Moshi's own messages for a string, a boolean, an object or an array
        default:
          if (c == 't') {
            at[0] = p + 4;
            return Boolean.TRUE;
          }
          if (c == 'f') {
            at[0] = p + 5;
            return Boolean.FALSE;
          }
          throw mismatch();
      }
    }

    /** Refuses to bind a number literal other than a plain int from bytes: at most 9 digits, no fraction, no exponent, not {@code -0}. */
    private static void requirePlainInt(byte[] json, int start, int end) {
      boolean negative = json[start] == '-';
      if ((negative ? end - start - 1 : end - start) > 9 || (negative && json[start + 1] == '0')) {
        throw NOT_DIRECT;
      }
      for (int i = start; i < end; i++) {
        int c = json[i];
        if (c == '.' || c == 'e' || c == 'E') {
          throw NOT_DIRECT;
        }
      }
    }

    /**
     * The double Moshi reads from the tree's value of a valid number literal: the tree holds a short integer as a
     * {@code long} (so {@code -0} is 0.0) and any other number so that its {@code doubleValue()} is the correctly
     * rounded value of the literal, which {@link Double#parseDouble} also gives. A negative zero (the tree may hold a
     * {@code BigDecimal} zero, which has no sign) and a number beyond a double (refused on the tree) are left to the
     * tree.
     */
    private static double doubleOf(byte[] json, int start, int end) {
      boolean integral = true;
      for (int i = start; i < end; i++) {
        int c = json[i];
        if (c == '.' || c == 'e' || c == 'E') {
          integral = false;
          break;
        }
      }
      boolean negative = json[start] == '-';
      if (integral && end - start <= 18) {
        long value = 0;
        for (int i = negative ? start + 1 : start; i < end; i++) {
          value = value * 10 + (json[i] - '0');
        }
        return negative ? -value : value;
      }
      double simple = simpleDecimal(json, negative ? start + 1 : start, end);
      if (simple > 0) {
        return negative ? -simple : simple;
      }
      double value = Double.parseDouble(new String(json, start, end - start, java.nio.charset.StandardCharsets.US_ASCII));
      if (!Double.isFinite(value) || (value == 0 && json[start] == '-')) {
        throw NOT_DIRECT;
      }
      return value;
    }

    private static final double[] POWERS_OF_TEN = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
    };

    /**
     * The value of unsigned {@code digits.digits} of at most 15 digits in all, without an exponent, or -1 when it is
     * not such a literal or is zero. Both the digits as an integer (below 2^53) and the power of ten are exact
     * doubles, so their quotient is correctly rounded: the value {@link Double#parseDouble} gives.
     */
    private static double simpleDecimal(byte[] json, int start, int end) {
      long digits = 0;
      int count = 0;
      int fraction = -1;
      for (int i = start; i < end; i++) {
        int c = json[i];
        if (c == '.') {
          fraction = 0;
        } else if (c >= '0' && c <= '9') {
          digits = digits * 10 + (c - '0');
          count++;
          if (fraction >= 0) {
            fraction++;
          }
        } else {
          return -1; // an exponent
        }
      }
      if (count > 15 || fraction < 0 || digits == 0) {
        return -1;
      }
      return digits / POWERS_OF_TEN[fraction];
    }

    private static JsonDataException mismatch() {
      return new JsonDataException("Expected a value of another type at path $");
    }

    private T construct(Object[] values, String path) {
      try {
        return type.cast((Object) constructor.invokeExact(values));
      } catch (RuntimeException e) {
        throw new JsonDataException(type.getSimpleName() + " rejected its values at path " + path);
      } catch (Throwable e) {
        throw new JsonDataException(type.getSimpleName() + " could not be created at path " + path);
      }
    }

    @Override
    public T fromJson(JsonReader reader) throws IOException {
      Object[] values = defaults.clone();
      reader.beginObject();
      while (reader.hasNext()) {
        int index = reader.selectName(options);
        if (index < 0) {
          reader.skipName();
          reader.skipValue();
          continue;
        }
        Object value = adapters[index].fromJson(reader);
        if (value == null && defaults[index] != null) {
          throw new JsonDataException("null for primitive " + names[index] + " at path " + reader.getPath());
        }
        values[index] = value;
      }
      reader.endObject();
      return construct(values, reader.getPath());
    }

    private Object component(int index, T value) {
      try {
        return (Object) accessors[index].invokeExact((Object) value);
      } catch (Throwable e) {
        throw new IllegalStateException("cannot read " + names[index] + " of " + type.getSimpleName(), e);
      }
    }

    @Override
    public void toJson(JsonWriter writer, T value) throws IOException {
      writer.beginObject();
      for (int i = 0; i < names.length; i++) {
        Object componentValue = component(i, value);
        writer.name(names[i]);
        adapters[i].toJson(writer, componentValue);
      }
      writer.endObject();
    }

    private static Object defaultValue(Class<?> type) {
      if (!type.isPrimitive()) return null;
      if (type == boolean.class) return false;
      if (type == char.class) return '\0';
      if (type == long.class) return 0L;
      if (type == double.class) return 0d;
      if (type == float.class) return 0f;
      if (type == short.class) return (short) 0;
      if (type == byte.class) return (byte) 0;
      return 0;
    }

    @Override
    public String toString() {
      return "RecordAdapter(" + type.getName() + ")";
    }
  }
}
