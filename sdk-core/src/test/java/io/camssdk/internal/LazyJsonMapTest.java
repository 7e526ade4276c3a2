package io.camssdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** An object kept as validated bytes: equal to its tree, read on demand, bound from bytes only where that is exact. */
class LazyJsonMapTest {
  record Plain(String name, int count, boolean flag) {}

  record Numbers(long count, double ratio) {}

  record Item(String sku, int qty) {}

  record Order(String orderId, List<Item> items, Item first, List<String> tags) {}

  record Measures(double ratio, Double boxed, List<Double> series, int count, String label) {}

  static Map<String, Object> lazy(String object) {
    byte[] body = ("{\"data\":" + object + "}").getBytes(StandardCharsets.UTF_8);
    JsonScanner scanner = new JsonScanner(body, 32, 1024, 40);
    scanner.open();
    scanner.nextMember(true);
    return scanner.readLazyObject(2);
  }

  static Map<String, Object> tree(String object) {
    return Json.readObject(object.getBytes(StandardCharsets.UTF_8), 32, 1024, 40);
  }

  @Test
  void equalsTheTreeOfItsBytesAndHashesAlike() {
    String object = "{\"name\":\"A\",\"count\":3,\"list\":[true,null,{\"x\":1.5}],\"nested\":{\"k\":\"v\"}}";
    Map<String, Object> lazy = lazy(object);
    assertThat(lazy).isInstanceOf(LazyJsonMap.class).isEqualTo(tree(object));
    assertThat(lazy.hashCode()).isEqualTo(tree(object).hashCode());
    assertThat(lazy.size()).isEqualTo(4);
    assertThat(lazy.get("list")).isEqualTo(tree(object).get("list"));
    assertThat(Json.isFrozen(lazy)).isTrue();
  }

  @Test
  void anEmptyObjectIsTheSharedEmptyMap() {
    assertThat(lazy("{}")).isSameAs(Map.of());
  }

  @Test
  void bindsFromBytesWhenExactAndFromTheTreeOtherwise() {
    assertThat(Json.bind(lazy("{\"name\":\"A\",\"count\":3,\"flag\":true,\"extra\":[1]}"), Plain.class))
        .isEqualTo(new Plain("A", 3, true));
    // a number beyond a plain int, and a string that looks like a number, go through the tree: same result
    assertThat(Json.bind(lazy("{\"count\":3.0,\"ratio\":1e2}"), Numbers.class)).isEqualTo(new Numbers(3, 100.0));
    assertThat(Json.bind(lazy("{\"name\":\"12\",\"count\":\"7\"}"), Plain.class)).isEqualTo(new Plain("12", 7, false));
  }

  @Test
  void bindsNestedRecordsAndListsFromBytesExactlyAsFromTheTree() {
    for (String object : List.of(
        "{\"orderId\":\"A\",\"items\":[{\"sku\":\"S1\",\"qty\":2},null,{\"qty\":-1}],\"first\":{\"sku\":\"S1\"},"
            + "\"tags\":[\"x\",null]}",
        "{\"items\":[{\"sku\":\"S\",\"qty\":1},{\"sku\":\"T\",\"qty\":true}]}",
        "{\"items\":{\"sku\":\"S\"}}", "{\"first\":[1]}", "{\"tags\":[1,\"a\",false]}", "{\"items\":[],\"x\":[{}]}")) {
      assertThat(outcome(lazy(object))).as(object).isEqualTo(outcome(tree(object)));
    }
    assertThat(Json.directAdapter(Order.class)).isNotNull();
    assertThat(outcome(lazy("{\"items\":[{\"sku\":\"S\",\"qty\":1},{\"sku\":\"T\",\"qty\":true}]}")))
        .isEqualTo("REJECTED $.items[1].qty");
  }

  private static String outcome(Map<String, Object> values) {
    try {
      return "OK " + Json.bind(values, Order.class);
    } catch (MalformedJsonException e) {
      return "REJECTED " + e.path();
    }
  }

  @Test
  void bindsDoublesFromBytesExactlyAsFromTheTree() {
    List<String> literals = new java.util.ArrayList<>(List.of("129.5", "0", "-0", "-0.0", "0.0", "-0e0", "-0.000000000000000001",
        "1e2", "1E-400", "-1e-400", "1e400", "-1e400", "0.1", "2.2250738585072011e-308", "4.9e-324", "9007199254740993",
        "-9223372036854775808", "9223372036854775808", "123456789012345678901234567890", "1.7976931348623157e308",
        "1.7976931348623159e308", "3.0", "12345678901234567", "-123456789012345678", "0.30000000000000004",
        "1.000000000000000111022302462515654", "2.5e-3", "7E+2", "123456789012.345", "0.000000000000001",
        "999999999999999.9", "99999999999999.9", "-1.5", "0.5", "-0.5", "8.589973e9", "1.0000000000000002"));
    java.util.Random random = new java.util.Random(11);
    for (int i = 0; i < 3000; i++) {
      double d = Double.longBitsToDouble(random.nextLong());
      if (Double.isFinite(d)) {
        literals.add(Double.toString(d).replace("Infinity", "1"));
        literals.add(new java.math.BigDecimal(d).toPlainString().length() > 300 ? "1e-5" : new java.math.BigDecimal(d).toString());
      }
      literals.add(String.format(java.util.Locale.ROOT, "%.3f", random.nextGaussian() * 1000));
      literals.add(Long.toString(random.nextLong() >> random.nextInt(64)));
    }
    for (String literal : literals) {
      if (literal.length() > 40) {
        continue; // the limit these helpers scan with
      }
      String object = "{\"ratio\":" + literal + ",\"boxed\":" + literal + ",\"series\":[" + literal + ",null,1],"
          + "\"count\":2,\"label\":\"x\"}";
      assertThat(measures(lazy(object))).as(object).isEqualTo(measures(tree(object)));
    }
    // the common case is read from the bytes, and anything not known to be exact is left to the tree
    String plain = "{\"ratio\":129.5,\"boxed\":null,\"series\":[1,2.5],\"count\":2,\"label\":\"x\"}";
    RecordAdapterFactory.RecordAdapter<?> direct = Json.directAdapter(Measures.class);
    assertThat(direct.bindDirectOrNull(plain.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo(new Measures(129.5, null, List.of(1.0, 2.5), 2, "x"));
    for (String other : List.of("{\"ratio\":-0.0}", "{\"count\":2.0}", "{\"label\":1.5}", "{\"ratio\":\"1\"}",
        "{\"ratio\":null}", "{\"series\":[true]}")) {
      assertThat(direct.bindDirectOrNull(other.getBytes(StandardCharsets.UTF_8))).as(other).isNull();
      assertThat(measures(lazy(other))).as(other).isEqualTo(measures(tree(other)));
    }
  }

  private static String measures(Map<String, Object> values) {
    try {
      return "OK " + Json.bind(values, Measures.class);
    } catch (MalformedJsonException e) {
      return "REJECTED " + e.path();
    }
  }

  @Test
  void readsAFewMembersFromItsBytesAsTheTreeHoldsThem() {
    String object = "{\"note\":\"caf\u00e9 \\\"q\\\"\",\"orderId\":\"A-1001\",\"amount\":129.5,\"big\":1e400,"
        + "\"n\":-0,\"flag\":false,\"none\":null,\"items\":[{\"sku\":\"S\"}],\"nested\":{\"k\":1},"
        + "\"k\\u0065y\":\"escaped key\",\"\u00fcber\":\"non-ASCII key\",\"ord\":\"prefix\"}";
    Map<String, Object> tree = tree(object);
    for (String key : List.of("orderId", "amount", "big", "n", "flag", "none", "note", "key", "\u00fcber", "ord",
        "orderI", "orderIdX", "absent")) {
      Map<String, Object> lazy = lazy(object);
      assertThat(lazy.get(key)).as(key).isEqualTo(tree.get(key));
      assertThat(((LazyJsonMap) lazy).treeBuilt()).as(key).isFalse();
    }
    Map<String, Object> lazy = lazy(object);
    assertThat(lazy.get("items")).isEqualTo(tree.get("items")).isSameAs(lazy.get("items"));
    assertThat(lazy.get("nested")).isEqualTo(tree.get("nested"));
    assertThat(lazy.get(1)).isNull();
    Map<String, Object> many = lazy(object);
    for (int i = 0; i < 6; i++) {
      assertThat(many.get("orderId")).isEqualTo("A-1001");
    }
    assertThat(((LazyJsonMap) many).treeBuilt()).isTrue();
  }

  @Test
  void readsItsTreeSafelyFromManyThreads() throws Exception {
    Map<String, Object> lazy = lazy("{\"a\":[1,2,3],\"b\":\"x\"}");
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<CompletableFuture<Object>> reads = new java.util.ArrayList<>();
      for (int i = 0; i < 16; i++) {
        reads.add(CompletableFuture.supplyAsync(() -> lazy.get("a"), pool));
      }
      for (CompletableFuture<Object> read : reads) {
        assertThat(read.get()).isEqualTo(List.of(1L, 2L, 3L));
      }
    } finally {
      pool.shutdown();
    }
  }
}
