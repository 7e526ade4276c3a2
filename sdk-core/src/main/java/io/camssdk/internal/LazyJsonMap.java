package io.camssdk.internal;

import com.squareup.moshi.JsonAdapter;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

/**
 * The immutable map of a JSON object kept as its exact bytes, already validated by {@link JsonScanner} (syntax,
 * limits, no duplicate keys), and turned into the generic tree only when a caller first reads its entries. Binding
 * it to a record of plain components reads the bytes directly when that gives the same result as binding the tree
 * (see {@code bindableFromBytes}); any other type is bound from the tree. Thread-safe: the tree is built at most a few times (racing threads build equal trees)
 * and published through a volatile field. Internal.
 */
final class LazyJsonMap extends AbstractMap<String, Object> {
  private final byte[] json;
  private final int size;
  private final boolean bindableFromBytes;
  private final int maxDepth;
  private final int maxStringLength;
  private final int maxNumberLength;
  private final int depth;
  private volatile Map<String, Object> tree;

  /**
   * @param json the object's bytes, from its '{' to its '}', owned by this map from now on
   * @param size the number of its members
   * @param bindableFromBytes whether reading the bytes and reading the tree agree on every string of the object: no
   *     string or key that a number parser might accept (the direct binder itself leaves to the tree the numbers it
   *     cannot read exactly)
   * @param depth the nesting depth of the object in its document
   */
  LazyJsonMap(byte[] json, int size, boolean bindableFromBytes, int maxDepth, int maxStringLength,
      int maxNumberLength, int depth) {
    this.json = json;
    this.size = size;
    this.bindableFromBytes = bindableFromBytes;
    this.maxDepth = maxDepth;
    this.maxStringLength = maxStringLength;
    this.maxNumberLength = maxNumberLength;
    this.depth = depth;
  }

  private Map<String, Object> tree() {
    Map<String, Object> result = tree;
    if (result == null) {
      // The bytes were validated under the same limits: reading them again cannot fail.
      result = new JsonScanner(json, maxDepth, maxStringLength, maxNumberLength).readObject(depth);
      tree = result;
    }
    return result;
  }

  /** Binds the object to {@code adapter}'s type, as {@link JsonAdapter#fromJsonValue} on the tree would. */
  @SuppressWarnings("unchecked")
  <T> T bind(JsonAdapter<T> adapter, Class<T> type) {
    if (bindableFromBytes) {
      RecordAdapterFactory.RecordAdapter<?> direct = Json.directAdapter(type);
      if (direct != null) {
        T bound = (T) direct.bindDirectOrNull(json);
        if (bound != null) {
          return bound;
        }
      }
    }
    return adapter.fromJsonValue(tree());
  }

  /** Whether the tree has been built (for tests). */
  boolean treeBuilt() {
    return tree != null;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return tree().entrySet();
  }

  @Override
  public Object get(Object key) {
    Map<String, Object> built = tree;
    if (built != null) {
      return built.get(key);
    }
    if (key instanceof String name && directReads < DIRECT_READS) {
      directReads++; // racy on purpose: it only decides when building the tree pays
      return readMember(name);
    }
    return tree().get(key);
  }

  /** Single members read from the bytes before the tree is built: a handler reading a field or two builds none. */
  private static final int DIRECT_READS = 4;

  private int directReads; // a hint only, not guarded

  /**
   * The value of member {@code name} read from the bytes with the scanner that builds the tree, so the same value
   * as the tree holds; an object or array value is taken from the tree, so that it is the tree's own.
   */
  private Object readMember(String name) {
    JsonScanner scanner = new JsonScanner(json, maxDepth, maxStringLength, maxNumberLength);
    scanner.open();
    boolean first = true;
    while (scanner.nextMember(first)) {
      first = false;
      if (keyIs(scanner, name)) {
        int kind = scanner.peek();
        return kind == JsonScanner.OBJECT || kind == JsonScanner.ARRAY ? tree().get(name) : scanner.readValue(depth + 1);
      }
      scanner.skipValue(depth + 1);
    }
    return null;
  }

  /** Whether the scanner's current key is {@code name}, compared on the bytes when neither holds escapes or non-ASCII. */
  private static boolean keyIs(JsonScanner scanner, String name) {
    if (scanner.stringEscaped()) {
      return scanner.string().equals(name);
    }
    byte[] bytes = scanner.bytes();
    int start = scanner.stringStart();
    int length = scanner.stringEnd() - start;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 0x80) {
        return scanner.string().equals(name);
      }
      if (i >= length || bytes[start + i] != c) {
        return false;
      }
    }
    return length == name.length();
  }

  @Override
  public boolean containsKey(Object key) {
    return tree().containsKey(key);
  }
}
