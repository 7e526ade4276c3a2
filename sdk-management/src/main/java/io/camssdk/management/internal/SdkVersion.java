package io.camssdk.management.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's version, for the {@code User-Agent}. Internal. */
public final class SdkVersion {
  /** Used when the classes do not come from the packaged jar (for example in the IDE or in tests). */
  static final String FALLBACK = "0.1.0-SNAPSHOT";

  /** The version of {@code cams-sdk-core}, from the {@code pom.properties} that Maven packs into the jar. */
  public static final String VERSION = read();

  private SdkVersion() {}

  private static String read() {
    try (InputStream in = SdkVersion.class.getResourceAsStream(
        "/META-INF/maven/io.camssdk/cams-sdk-core/pom.properties")) {
      if (in == null) {
        return FALLBACK;
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty("version");
      return version == null || version.isBlank() ? FALLBACK : version.trim();
    } catch (IOException e) {
      return FALLBACK;
    }
  }
}
