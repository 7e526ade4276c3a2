package io.camssdk.webhook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads request headers by name, case-insensitively, the way an HTTP framework exposes them. Adapters implement
 * it with one lambda, for example {@code name -> Collections.list(servletRequest.getHeaders(name))}.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface HeaderSource {

  /** Every value of header {@code name}, in order; empty when absent. Never {@code null}. */
  List<String> values(String name);

  /**
   * The names of the headers that arrived, when the source can list them (only used to describe a rejected call
   * in diagnose mode); empty by default.
   *
   * @since 0.2
   */
  default Set<String> names() {
    return Set.of();
  }

  /** Headers from a map with one value per name; lookups ignore case. */
  static HeaderSource of(Map<String, String> headers) {
    TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, value) -> byName.put(name, List.of(value)));
    return new MapHeaders(byName);
  }

  /** Headers from a multi-valued map; lookups ignore case. */
  static HeaderSource ofMulti(Map<String, List<String>> headers) {
    TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> byName.merge(name, List.copyOf(values), (a, b) -> {
      List<String> all = new ArrayList<>(a);
      all.addAll(b);
      return List.copyOf(all);
    }));
    return new MapHeaders(byName);
  }
}

/** Headers held in a case-insensitive map. */
final class MapHeaders implements HeaderSource {
  private final TreeMap<String, List<String>> byName;

  MapHeaders(TreeMap<String, List<String>> byName) {
    this.byName = byName;
  }

  @Override
  public List<String> values(String name) {
    return byName.getOrDefault(name, List.of());
  }

  @Override
  public Set<String> names() {
    return byName.keySet();
  }

  @Override
  public String toString() {
    return "HeaderSource" + byName.keySet();
  }
}
