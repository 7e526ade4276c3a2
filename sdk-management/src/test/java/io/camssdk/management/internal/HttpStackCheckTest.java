package io.camssdk.management.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.camssdk.CamsCode;
import io.camssdk.CamsConfigurationException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * The check against the real jars of the stacks applications bring: Retrofit 2.11's OkHttp 3.14.9 with Okio 1.17.2,
 * OkHttp 4.12.0 with Okio 3.6.0 (copied to target/http-stacks by the build), each in its own class loader.
 */
class HttpStackCheckTest {
  private static final Path STACKS = Path.of(System.getProperty("basedir", "."), "target", "http-stacks");

  @Test
  void theStackTheSdkIsBuiltWithPasses() {
    assertThat(HttpStackCheck.problem(HttpStackCheck.class.getClassLoader())).isNull();
    HttpStackCheck.requireCompatible();
  }

  @Test
  void okHttp4WithItsOkio36IsRefusedNamingBothVersionsAndTheBom() throws Exception {
    try (URLClassLoader loader = loader(stack("okhttp-4.12.0.jar"), stack("okio-jvm-3.6.0.jar"),
        stack("kotlin-stdlib-1.8.21.jar"))) {
      CamsConfigurationException failure = catchThrowableOfType(loader);

      assertThat(failure.code()).isEqualTo(CamsCode.INVALID_CONFIGURATION);
      assertThat(failure.setting()).isEqualTo("OkHttp/Okio on the classpath");
      assertThat(failure.getMessage())
          .contains("found OkHttp 4.12.0 (okhttp-4.12.0.jar) with Okio 3.6.0 (okio-jvm-3.6.0.jar)")
          .contains("built and tested with OkHttp 5.5.1, Okio 3.18.1")
          .contains("Fix: import io.camssdk:cams-sdk-bom:")
          .doesNotContain("\n");
    }
  }

  @Test
  void retrofitsOkHttp314IsRefusedNamingItsVersions() throws Exception {
    try (URLClassLoader loader = loader(stack("okhttp-3.14.9.jar"), stack("okio-1.17.2.jar"))) {
      assertThat(catchThrowableOfType(loader).getMessage())
          .contains("found OkHttp 3.14.9 (okhttp-3.14.9.jar) with Okio 1.17.2 (okio-1.17.2.jar)");
    }
  }

  @Test
  void olderOkHttpAheadOfOkHttp5IsNamedWithTheJarItShadows() throws Exception {
    try (URLClassLoader loader = loader(stack("okhttp-4.12.0.jar"), stack("okio-jvm-3.6.0.jar"),
        jarOf(OkHttpClient.class), jarOf(okio.Okio.class), jarOf(kotlin.KotlinVersion.class))) {
      assertThat(catchThrowableOfType(loader).getMessage())
          .contains("OkHttp 4.12.0 (okhttp-4.12.0.jar, ahead of okhttp-jvm-5.5.1.jar)")
          .contains("Okio 3.6.0 (okio-jvm-3.6.0.jar, ahead of okio-jvm-3.18.1.jar)");
    }
  }

  @Test
  void okHttp5OnAnOkioWithoutSocketIsRefusedNamingTheMissingMethod() throws Exception {
    try (URLClassLoader loader = loader(jarOf(OkHttpClient.class), stack("okio-jvm-3.6.0.jar"),
        jarOf(kotlin.KotlinVersion.class))) {
      assertThat(catchThrowableOfType(loader).getMessage())
          .contains("found OkHttp 5.5.1 (okhttp-jvm-5.5.1.jar) with Okio 3.6.0 (okio-jvm-3.6.0.jar), which lacks"
              + " okio.Okio.socket(Socket)");
    }
  }

  @Test
  void noOkHttpAtAllIsRefused() throws Exception {
    try (URLClassLoader loader = loader()) {
      assertThat(catchThrowableOfType(loader).getMessage()).contains("but no OkHttp is on the classpath");
    }
  }

  /** The real client, loaded with its own classes on top of OkHttp 3.14 or 4.12: build() fails with the check. */
  @Test
  void buildingTheClientOnAnOlderStackFailsAtBuildWithTheCheckNotALinkageError() throws Exception {
    for (List<URL> stack : List.of(
        List.of(stack("okhttp-3.14.9.jar"), stack("okio-1.17.2.jar")),
        List.of(stack("okhttp-4.12.0.jar"), stack("okio-jvm-3.6.0.jar"), stack("kotlin-stdlib-1.8.21.jar")))) {
      List<URL> urls = new ArrayList<>(stack);
      urls.add(jarOf(HttpStackCheck.class)); // target/classes of this module
      urls.add(jarOf(CamsConfigurationException.class));
      urls.add(jarOf(org.apache.commons.codec.binary.Hex.class));
      urls.add(jarOf(org.slf4j.Logger.class));
      urls.add(jarOf(com.squareup.moshi.Moshi.class));
      try (URLClassLoader loader = loader(urls.toArray(URL[]::new))) {
        Class<?> client = loader.loadClass("io.camssdk.management.CamsManagementClient");
        Object builder = client.getMethod("builder").invoke(null);
        Throwable thrown = catchThrowable(() -> builder.getClass().getMethod("build").invoke(builder));

        assertThat(thrown).isInstanceOf(InvocationTargetException.class);
        Throwable failure = thrown.getCause();
        assertThat(failure.getClass().getName()).isEqualTo(CamsConfigurationException.class.getName());
        assertThat(failure.getMessage()).contains("found OkHttp " + (stack.size() == 2 ? "3.14.9" : "4.12.0"))
            .contains("cams-sdk-bom");
      }
    }
  }

  private static CamsConfigurationException catchThrowableOfType(ClassLoader loader) {
    Throwable thrown = catchThrowable(() -> HttpStackCheck.requireCompatible(loader));
    assertThat(thrown).isInstanceOf(CamsConfigurationException.class);
    return (CamsConfigurationException) thrown;
  }

  private static URLClassLoader loader(URL... urls) {
    return new URLClassLoader(urls, ClassLoader.getPlatformClassLoader());
  }

  private static URL stack(String jar) throws MalformedURLException {
    Path path = STACKS.resolve(jar);
    assertThat(Files.isRegularFile(path)).as("%s copied by the build", path).isTrue();
    return path.toUri().toURL();
  }

  private static URL jarOf(Class<?> type) {
    return type.getProtectionDomain().getCodeSource().getLocation();
  }

  @Test
  void theFailureIsAConfigurationExceptionWhoseFixNamesTheBom() throws Exception {
    try (URLClassLoader loader = loader(stack("okhttp-3.14.9.jar"), stack("okio-1.17.2.jar"))) {
      assertThatThrownBy(() -> HttpStackCheck.requireCompatible(loader))
          .isInstanceOfSatisfying(CamsConfigurationException.class,
              e -> assertThat(e.fix()).startsWith("import io.camssdk:cams-sdk-bom:"));
    }
  }
}
