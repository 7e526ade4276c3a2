package io.camssdk.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import io.camssdk.json.JsonLimits;
import java.io.IOException;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import okio.Buffer;

/**
 * The immutable map of a JSON object kept as its exact bytes, already validated (syntax, limits, no duplicate
 * keys), and turned into the generic tree only when a caller first reads its entries. Binding it to a user type
 * reads the bytes directly when that gives the same result as binding the tree (see {@code bindableFromBytes}).
 * Thread-safe: the tree is built at most a few times (racing threads build equal trees) and published through a
 * volatile field. Internal.
 */
public final class LazyJsonMap extends AbstractMap<String, Object> {
  private final byte[] json;
  private final int size;
  private final boolean bindableFromBytes;
  private final JsonLimits limits;
  private final int depth;
  private volatile Map<String, Object> tree;

  /**
   * @param json the object's bytes, from its '{' to its '}', owned by this map from now on
   * @param size the number of its members
   * @param bindableFromBytes whether Moshi's byte reader and its tree reader agree on every value of the object:
   *     no number other than a plain {@code int} literal, and no string or key that a number parser might accept
   * @param limits the limits the bytes were validated with
   * @param depth the nesting depth of the object in its document
   */
  public LazyJsonMap(byte[] json, int size, boolean bindableFromBytes, JsonLimits limits, int depth) {
    this.json = json;
    this.size = size;
    this.bindableFromBytes = bindableFromBytes;
    this.limits = limits;
    this.depth = depth;
  }

  private Map<String, Object> tree() {
    Map<String, Object> result = tree;
    if (result == null) {
      try (JsonReader reader = Json.reader(json)) {
        result = Json.readObjectMap(reader, limits, depth);
      } catch (IOException e) {
        throw new IllegalStateException("validated JSON could not be read again", e);
      }
      tree = result;
    }
    return result;
  }

  /** Binds the object to {@code adapter}'s type, as {@link JsonAdapter#fromJsonValue} on the tree would. */
  @SuppressWarnings("unchecked")
  <T> T bind(JsonAdapter<T> adapter, Class<T> type) {
    if (!bindableFromBytes) {
      return adapter.fromJsonValue(tree());
    }
    RecordAdapterFactory.RecordAdapter<?> direct = Json.directAdapter(type);
    if (direct != null) {
      return (T) direct.bindDirect(json);
    }
    try {
      return adapter.fromJson(new Buffer().write(json));
    } catch (JsonDataException e) {
      throw e;
    } catch (IOException e) {
      // Moshi refuses NaN and infinities for doubles, as it does when binding the tree.
      throw new JsonDataException(e.getMessage());
    }
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
    return tree().get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return tree().containsKey(key);
  }
}
