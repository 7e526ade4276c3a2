package io.camssdk.receipt;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The one implementation of this package's open sets ({@link MessageStatus}, {@link InboundMessageType},
 * {@link AuditStatus}, {@link AuditType}): a wire value kept as sent, equal to another value of the same set when
 * they are equal ignoring case. Each set only names its documented constants.
 */
abstract class OpenValue {
  private final String value;
  private final String folded;

  OpenValue(String value) {
    this.value = Objects.requireNonNull(value, "value");
    this.folded = fold(value);
  }

  /** The value, as documented for a known value, else as on the wire. */
  public final String value() {
    return value;
  }

  /** Equal when of the same set and equal ignoring case. */
  @Override
  public final boolean equals(Object other) {
    return other != null && other.getClass() == getClass() && folded.equals(((OpenValue) other).folded);
  }

  @Override
  public final int hashCode() {
    return folded.hashCode();
  }

  /** The value. */
  @Override
  public final String toString() {
    return value;
  }

  /** The case-folded value, the form dedup keys use. */
  final String folded() {
    return folded;
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

  /** The documented constants of one set, and how to make a value the set does not know. */
  static final class Known<T extends OpenValue> {
    private final List<T> constants;
    private final Function<String, T> create;

    @SafeVarargs
    Known(Function<String, T> create, T... constants) {
      this.create = create;
      this.constants = List.of(constants);
    }

    /** The constant equal to {@code value} ignoring case, else a new value keeping the wire's spelling. */
    T of(String value) {
      Objects.requireNonNull(value, "value");
      for (T constant : constants) {
        if (constant.value().equalsIgnoreCase(value)) {
          return constant;
        }
      }
      return create.apply(value);
    }

    boolean contains(OpenValue value) {
      return constants.contains(value);
    }
  }
}
