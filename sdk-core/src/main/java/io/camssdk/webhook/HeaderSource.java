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
  /** Up to this many headers are looked up by a scan of their names, cheaper than the tree's comparisons. */
  private static final int SCANNED = 16;

  private final TreeMap<String, List<String>> byName;
  private final String[] names; // null when there are more than SCANNED headers
  private final List<?>[] values;

  MapHeaders(TreeMap<String, List<String>> byName) {
    this.byName = byName;
    if (byName.size() <= SCANNED) {
      names = byName.keySet().toArray(new String[0]);
      values = byName.values().toArray(new List<?>[0]);
    } else {
      names = null;
      values = null;
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<String> values(String name) {
    if (names != null && name != null) {
      // The same names as the map's case-insensitive order finds; lengths first, as most names differ in length.
      for (int i = 0; i < names.length; i++) {
        if (names[i].length() == name.length() && names[i].equalsIgnoreCase(name)) {
          return (List<String>) values[i];
        }
      }
      return List.of();
    }
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
