package io.camssdk.internal;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A map that only the SDK creates, deeply immutable, so it is shared without copying. Internal. */
final class FrozenJsonMap extends AbstractMap<String, Object> {
  private final Map<String, Object> delegate;

  FrozenJsonMap(LinkedHashMap<String, Object> delegate) {
    this.delegate = Collections.unmodifiableMap(delegate);
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return delegate.entrySet();
  }

  @Override
  public Object get(Object key) {
    return delegate.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return delegate.containsKey(key);
  }

  @Override
  public int size() {
    return delegate.size();
  }
}
