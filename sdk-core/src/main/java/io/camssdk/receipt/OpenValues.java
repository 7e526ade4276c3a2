package io.camssdk.receipt;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Lookup and case-insensitive comparison shared by the open value types of this package. */
final class OpenValues {
  private OpenValues() {}

  /** The constant in {@code known} equal to {@code value} ignoring case, else {@code create.apply(value)}. */
  static <T> T of(List<T> known, Function<T, String> valueOf, String value, Function<String, T> create) {
    Objects.requireNonNull(value, "value");
    for (T constant : known) {
      if (valueOf.apply(constant).equalsIgnoreCase(value)) {
        return constant;
      }
    }
    return create.apply(value);
  }

  /**
   * The case-folded form of {@code value}: char by char, upper case then lower case, which is exactly the relation
   * {@link String#equalsIgnoreCase} tests, so that equal values have equal folds and hash codes.
   */
  static String fold(String value) {
    char[] chars = value.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      chars[i] = Character.toLowerCase(Character.toUpperCase(chars[i]));
    }
    return new String(chars);
  }
}
