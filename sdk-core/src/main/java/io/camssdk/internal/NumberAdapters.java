package io.camssdk.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Binding of numbers to users' numeric fields ({@code int}, {@code long}, {@code short}, {@code byte},
 * {@code double}, {@code float}, their boxes, {@code BigDecimal}, {@code BigInteger}), one rule for all: the JSON
 * number (or a string holding one) must fit the field exactly (an integer field takes {@code 3} and {@code 3.0},
 * not {@code 3.5}); a {@code double} takes the nearest double, but not an infinity; a number whose decimal exponent is
 * beyond ±{@value #MAX_EXPONENT} is refused. Anything else is a {@link JsonDataException} naming the path, which the
 * SDK answers as {@code 400 MalformedPayload}, never an {@code ArithmeticException} or an attempt to expand
 * {@code 1e2147483647} into two billion digits.
 */
final class NumberAdapters {
  static final int MAX_EXPONENT = 1000;

  static final JsonAdapter.Factory FACTORY = NumberAdapters::create;

  private NumberAdapters() {}

  private static JsonAdapter<?> create(Type type, java.util.Set<? extends java.lang.annotation.Annotation> annotations,
      com.squareup.moshi.Moshi moshi) {
    if (!annotations.isEmpty()) {
      return null;
    }
    if (type == int.class) return new IntegralAdapter(Integer.MIN_VALUE, Integer.MAX_VALUE, "an int", Kind.INT);
    if (type == Integer.class) return new IntegralAdapter(Integer.MIN_VALUE, Integer.MAX_VALUE, "an int", Kind.INT).nullSafe();
    if (type == long.class) return new IntegralAdapter(Long.MIN_VALUE, Long.MAX_VALUE, "a long", Kind.LONG);
    if (type == Long.class) return new IntegralAdapter(Long.MIN_VALUE, Long.MAX_VALUE, "a long", Kind.LONG).nullSafe();
    if (type == short.class) return new IntegralAdapter(Short.MIN_VALUE, Short.MAX_VALUE, "a short", Kind.SHORT);
    if (type == Short.class) return new IntegralAdapter(Short.MIN_VALUE, Short.MAX_VALUE, "a short", Kind.SHORT).nullSafe();
    if (type == byte.class) return new IntegralAdapter(Byte.MIN_VALUE, Byte.MAX_VALUE, "a byte", Kind.BYTE);
    if (type == Byte.class) return new IntegralAdapter(Byte.MIN_VALUE, Byte.MAX_VALUE, "a byte", Kind.BYTE).nullSafe();
    if (type == double.class) return new FloatingAdapter(false);
    if (type == Double.class) return new FloatingAdapter(false).nullSafe();
    if (type == float.class) return new FloatingAdapter(true);
    if (type == Float.class) return new FloatingAdapter(true).nullSafe();
    if (type == BigDecimal.class) return new DecimalAdapter().nullSafe();
    if (type == BigInteger.class) return new BigIntegerAdapter().nullSafe();
    return null;
  }

  private enum Kind { INT, LONG, SHORT, BYTE }

  /** The number at the reader (a JSON number, or a string holding one), its exponent bounded. */
  static BigDecimal decimal(String text, String path) {
    BigDecimal value;
    try {
      value = new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw new JsonDataException("Expected a number at path " + path);
    }
    long exponent = (long) value.precision() - value.scale() - 1;
    if (value.signum() != 0 && Math.abs(exponent) > MAX_EXPONENT) {
      throw new JsonDataException("Number out of range at path " + path);
    }
    return value;
  }

  private static String numberText(JsonReader reader) throws IOException {
    JsonReader.Token token = reader.peek();
    if (token != JsonReader.Token.NUMBER && token != JsonReader.Token.STRING) {
      throw new JsonDataException("Expected a number but was " + token + " at path " + reader.getPath());
    }
    return reader.nextString();
  }

  private static final class IntegralAdapter extends JsonAdapter<Object> {
    private final long min;
    private final long max;
    private final String name;
    private final Kind kind;

    IntegralAdapter(long min, long max, String name, Kind kind) {
      this.min = min;
      this.max = max;
      this.name = name;
      this.kind = kind;
    }

    @Override
    public Object fromJson(JsonReader reader) throws IOException {
      String path = reader.getPath();
      String text = numberText(reader);
      long value;
      try {
        value = Long.parseLong(text); // the common case: a plain integer
      } catch (NumberFormatException e) {
        try {
          value = decimal(text, path).longValueExact();
        } catch (ArithmeticException notExact) {
          throw new JsonDataException("Expected " + name + " at path " + path);
        }
      }
      if (value < min || value > max) {
        throw new JsonDataException("Expected " + name + " at path " + path);
      }
      switch (kind) {
        case INT: return (int) value;
        case SHORT: return (short) value;
        case BYTE: return (byte) value;
        default: return value;
      }
    }

    @Override
    public void toJson(JsonWriter writer, Object value) throws IOException {
      writer.value(((Number) value).longValue());
    }

    @Override
    public String toString() {
      return "JsonAdapter(" + kind + ")";
    }
  }

  private static final class FloatingAdapter extends JsonAdapter<Object> {
    private final boolean single;

    FloatingAdapter(boolean single) {
      this.single = single;
    }

    @Override
    public Object fromJson(JsonReader reader) throws IOException {
      String path = reader.getPath();
      double value = decimal(numberText(reader), path).doubleValue();
      if (Double.isInfinite(value) || (single && Float.isInfinite((float) value))) {
        throw new JsonDataException("Number out of range at path " + path);
      }
      return single ? (Object) (float) value : (Object) value;
    }

    @Override
    public void toJson(JsonWriter writer, Object value) throws IOException {
      writer.value(((Number) value).doubleValue());
    }

    @Override
    public String toString() {
      return single ? "JsonAdapter(Float)" : "JsonAdapter(Double)";
    }
  }

  private static final class DecimalAdapter extends JsonAdapter<BigDecimal> {
    @Override
    public BigDecimal fromJson(JsonReader reader) throws IOException {
      String path = reader.getPath();
      return decimal(numberText(reader), path);
    }

    @Override
    public void toJson(JsonWriter writer, BigDecimal value) throws IOException {
      writer.value(value);
    }

    @Override
    public String toString() {
      return "JsonAdapter(BigDecimal)";
    }
  }

  private static final class BigIntegerAdapter extends JsonAdapter<BigInteger> {
    @Override
    public BigInteger fromJson(JsonReader reader) throws IOException {
      String path = reader.getPath();
      try {
        return decimal(numberText(reader), path).toBigIntegerExact();
      } catch (ArithmeticException e) {
        throw new JsonDataException("Expected an integer at path " + path);
      }
    }

    @Override
    public void toJson(JsonWriter writer, BigInteger value) throws IOException {
      writer.value(value);
    }

    @Override
    public String toString() {
      return "JsonAdapter(BigInteger)";
    }
  }
}
