package io.camssdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camssdk.json.JsonObject;
import io.camssdk.json.MalformedPayloadException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RecordAdapterFactory} binds and writes every record itself: of any visibility, nested at any depth, in
 * lists and maps. So it works where Moshi's own record support is missing, as in a shaded jar that dropped
 * Moshi's {@code META-INF/versions/16} or its {@code Multi-Release} manifest attribute.
 */
class RecordAdapterFactoryTest {
  public record Item(String sku, int qty) {}

  public record Address(String city, List<String> lines) {}

  public record Customer(String name, Address address) {}

  public record Order(String orderId, Customer customer, List<Item> items, Map<String, Item> bySku,
      List<List<Item>> batches) {}

  record PrivateOrder(String orderId, List<Item> items) {}

  private record Deep(Deep next, int level) {}

  static final String ORDER = "{\"orderId\":\"A-1\",\"customer\":{\"name\":\"Ann\",\"address\":{\"city\":\"Hangzhou\","
      + "\"lines\":[\"1 West Lake Rd\"]}},\"items\":[{\"sku\":\"S1\",\"qty\":2},{\"sku\":\"S2\",\"qty\":1}],"
      + "\"bySku\":{\"S1\":{\"sku\":\"S1\",\"qty\":2}},\"batches\":[[{\"sku\":\"S3\",\"qty\":3}]]}";

  static final Order EXPECTED = new Order("A-1", new Customer("Ann", new Address("Hangzhou", List.of("1 West Lake Rd"))),
      List.of(new Item("S1", 2), new Item("S2", 1)), Map.of("S1", new Item("S1", 2)),
      List.of(List.of(new Item("S3", 3))));

  @Test
  void bindsRecordsNestedAtAnyDepthInListsAndMaps() {
    assertThat(JsonObject.parse(ORDER).as(Order.class)).isEqualTo(EXPECTED);
  }

  @Test
  void everyRecordIsBoundByTheSdksOwnAdapter() {
    for (Class<?> type : List.of(Order.class, Item.class, Customer.class, PrivateOrder.class, Deep.class)) {
      assertThat(Json.MOSHI.adapter(type).toString()).contains("RecordAdapter(" + type.getName() + ")");
    }
  }

  @Test
  void bindsPrivateAndRecursiveRecords() {
    assertThat(JsonObject.parse("{\"orderId\":\"A\",\"items\":[{\"sku\":\"S\",\"qty\":1}]}").as(PrivateOrder.class))
        .isEqualTo(new PrivateOrder("A", List.of(new Item("S", 1))));
    assertThat(JsonObject.parse("{\"level\":1,\"next\":{\"level\":2}}").as(Deep.class))
        .isEqualTo(new Deep(new Deep(null, 2), 1));
  }

  @Test
  void writesRecordsAsTheyAreBound() {
    Object tree = Json.adapter(Order.class).toJsonValue(EXPECTED);
    assertThat(JsonObject.of((Map<String, ?>) tree).as(Order.class)).isEqualTo(EXPECTED);
  }

  @Test
  void namesThePathOfAValueThatDoesNotFit() {
    assertThatThrownBy(() -> JsonObject.parse("{\"items\":[{\"sku\":\"S\",\"qty\":1},{\"sku\":\"T\",\"qty\":\"x\"}]}")
        .as(Order.class))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessage("cannot bind to Order at $.items[1].qty");
    assertThatThrownBy(() -> JsonObject.parse("{\"items\":[{\"sku\":\"S\",\"qty\":null}]}").as(Order.class))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessageStartingWith("cannot bind to Order at $.items[0]");
  }

  /**
   * Loads Moshi from a copy of its jar without {@code META-INF/versions} and without the {@code Multi-Release}
   * attribute, next to the SDK's classes, in a class loader that sees nothing else: Moshi's own record adapter is
   * then the stub that throws, and the SDK binds and writes nested records and lists of records all the same.
   */
  @Test
  void bindsNestedRecordsWithAMoshiJarStrippedOfItsMultiReleaseClasses(@TempDir Path dir) throws Exception {
    Path moshi = stripMultiRelease(jarOf(com.squareup.moshi.Moshi.class), dir.resolve("moshi-shaded.jar"));
    List<URL> urls = new ArrayList<>();
    urls.add(moshi.toUri().toURL());
    urls.add(jarOf(okio.Buffer.class).toUri().toURL());
    urls.add(jarOf(kotlin.Unit.class).toUri().toURL());
    urls.add(jarOf(Json.class).toUri().toURL()); // the SDK's classes
    urls.add(jarOf(RecordAdapterFactoryTest.class).toUri().toURL()); // these records and Isolated
    try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      Class<?> isolated = loader.loadClass(Isolated.class.getName());
      assertThat(isolated.getClassLoader()).isSameAs(loader);
      assertThat(loader.loadClass("com.squareup.moshi.Moshi").getProtectionDomain().getCodeSource().getLocation())
          .isEqualTo(moshi.toUri().toURL());

      assertThat(invoke(isolated, "moshiAloneBindsPublicRecords")).isEqualTo("fails: java.lang.AssertionError");
      assertThat(invoke(isolated, "bindAndWrite", ORDER)).isEqualTo(EXPECTED.toString() + " | "
          + JsonObject.parse(ORDER).toJson());
    }
  }

  /** Runs inside the isolated class loader; uses only the SDK and Moshi. */
  public static final class Isolated {
    private Isolated() {}

    public static String moshiAloneBindsPublicRecords() {
      try {
        new com.squareup.moshi.Moshi.Builder().build().adapter(Item.class).fromJson("{\"sku\":\"S\",\"qty\":1}");
        return "works";
      } catch (Throwable e) {
        return "fails: " + e.getClass().getName();
      }
    }

    public static String bindAndWrite(String json) {
      Order order = JsonObject.parse(json).as(Order.class);
      @SuppressWarnings("unchecked")
      Map<String, Object> written = (Map<String, Object>) Json.adapter(Order.class).toJsonValue(order);
      return order + " | " + JsonObject.of(written).toJson();
    }
  }

  private static String invoke(Class<?> type, String method, Object... args) throws Exception {
    Class<?>[] types = new Class<?>[args.length];
    java.util.Arrays.fill(types, String.class);
    Method m = type.getMethod(method, types);
    try {
      return (String) m.invoke(null, args);
    } catch (InvocationTargetException e) {
      throw new AssertionError("failed in the isolated class loader", e.getCause());
    }
  }

  private static Path jarOf(Class<?> type) throws Exception {
    return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  /** A copy of {@code jar} without {@code META-INF/versions/} and without the {@code Multi-Release} attribute. */
  static Path stripMultiRelease(Path jar, Path target) throws IOException {
    try (JarFile in = new JarFile(jar.toFile())) {
      Manifest manifest = new Manifest(in.getManifest());
      manifest.getMainAttributes().remove(Attributes.Name.MULTI_RELEASE);
      try (OutputStream file = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(file, manifest)) {
        Enumeration<JarEntry> entries = in.entries();
        while (entries.hasMoreElements()) {
          JarEntry entry = entries.nextElement();
          String name = entry.getName();
          if (name.equals(JarFile.MANIFEST_NAME) || name.startsWith("META-INF/versions/")) {
            continue;
          }
          out.putNextEntry(new JarEntry(name));
          try (InputStream data = in.getInputStream(entry)) {
            data.transferTo(out);
          }
          out.closeEntry();
        }
      }
    }
    try (JarFile check = new JarFile(target.toFile())) {
      assertThat(check.isMultiRelease()).isFalse();
      assertThat(check.stream().anyMatch(e -> e.getName().startsWith("META-INF/versions/"))).isFalse();
    }
    return target;
  }
}
