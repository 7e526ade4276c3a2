package io.camssdk.receipt;

/** Case-insensitive comparison shared by the open value types of this package. */
final class OpenValues {
  private OpenValues() {}

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
