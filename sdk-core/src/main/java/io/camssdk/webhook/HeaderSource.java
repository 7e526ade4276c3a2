package io.camssdk.webhook;

import java.util.List;
import java.util.Map;
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

  /** Headers from a map with one value per name; lookups ignore case. */
  static HeaderSource of(Map<String, String> headers) {
    TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, value) -> byName.put(name, List.of(value)));
    return name -> byName.getOrDefault(name, List.of());
  }

  /** Headers from a multi-valued map; lookups ignore case. */
  static HeaderSource ofMulti(Map<String, List<String>> headers) {
    TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((name, values) -> byName.merge(name, List.copyOf(values), (a, b) -> {
      List<String> all = new java.util.ArrayList<>(a);
      all.addAll(b);
      return List.copyOf(all);
    }));
    return name -> byName.getOrDefault(name, List.of());
  }
}
