package io.camssdk.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Comparing trees of different readers: every number as a stripped {@code BigDecimal}. */
public final class TreeValues {
  private TreeValues() {}

  @SuppressWarnings("unchecked")
  public static Object decimals(Object value) {
    if (value instanceof Number number) {
      BigDecimal decimal = number instanceof BigDecimal d ? d : new BigDecimal(number.toString());
      return decimal.signum() == 0 ? BigDecimal.ZERO : decimal.stripTrailingZeros();
    }
    if (value instanceof Map) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<String, Object>) value).forEach((k, v) -> out.put(k, decimals(v)));
      return out;
    }
    if (value instanceof List) {
      List<Object> out = new ArrayList<>();
      ((List<Object>) value).forEach(v -> out.add(decimals(v)));
      return out;
    }
    return value;
  }
}
