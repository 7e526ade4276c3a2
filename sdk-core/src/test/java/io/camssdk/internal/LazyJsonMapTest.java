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
