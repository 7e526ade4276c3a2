package io.camssdk.json;

/**
 * Limits applied while reading a JSON body, so that a hostile body cannot exhaust the process.
 * Breaking one is answered {@code 400 MalformedPayload} naming the limit.
 *
 * <pre>{@code
 * JsonLimits limits = JsonLimits.DEFAULTS.withMaxDepth(16);
 * }</pre>
 *
 * @param maxDepth deepest nesting of objects and arrays (the top-level value is depth 1)
 * @param maxStringLength longest string value or object key, in chars
 * @param maxNumberLength longest number literal, in chars
 * @param maxBatchSize most items in a receipt batch (a top-level array)
 * @since 0.1
 */
public record JsonLimits(int maxDepth, int maxStringLength, int maxNumberLength, int maxBatchSize) {

  /** 32 levels, 16 KiB strings, 40-char numbers, 1000 receipt items. */
  public static final JsonLimits DEFAULTS = new JsonLimits(32, 16 * 1024, 40, 1000);

  public JsonLimits {
    positive("maxDepth", maxDepth);
    positive("maxStringLength", maxStringLength);
    positive("maxNumberLength", maxNumberLength);
    positive("maxBatchSize", maxBatchSize);
  }

  public JsonLimits withMaxDepth(int value) {
    return new JsonLimits(value, maxStringLength, maxNumberLength, maxBatchSize);
  }

  public JsonLimits withMaxStringLength(int value) {
    return new JsonLimits(maxDepth, value, maxNumberLength, maxBatchSize);
  }

  public JsonLimits withMaxNumberLength(int value) {
    return new JsonLimits(maxDepth, maxStringLength, value, maxBatchSize);
  }

  public JsonLimits withMaxBatchSize(int value) {
    return new JsonLimits(maxDepth, maxStringLength, maxNumberLength, value);
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1 but was " + value);
    }
  }
}
