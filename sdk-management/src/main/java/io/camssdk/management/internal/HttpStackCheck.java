package io.camssdk.management.internal;

import io.camssdk.CamsConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.Socket;
import java.net.URL;
import java.net.URLConnection;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks, when a management client is built, that the OkHttp and Okio on the classpath are the ones it is built on.
 * Internal.
 *
 * <p>Why: an application with Retrofit 2 (OkHttp 3.14) or OkHttp 4 declared first resolves its own, older OkHttp and
 * Okio next to ours; without this check the client fails later, at its first call, with a {@code NoSuchMethodError}
 * that names neither the cause nor the fix. Everything here is read reflectively with linkage errors caught, so the
 * check itself works on any classpath and only ever throws {@link CamsConfigurationException}.
 */
public final class HttpStackCheck {
  /** The setting named by the failure. */
  static final String SETTING = "OkHttp/Okio on the classpath";

  private static final Pattern JAR_VERSION = Pattern.compile("-(\\d+(?:\\.\\d+)+[^/]*?)\\.jar$");
  private static final Pattern MAJOR = Pattern.compile("(\\d+)\\..*");

  private HttpStackCheck() {}

  /**
   * Throws when the classes the client would use are from an OkHttp older than 5 or an Okio without what OkHttp 5
   * calls.
   *
   * @throws CamsConfigurationException naming the versions found and the fix (import {@code cams-sdk-bom})
   */
  public static void requireCompatible() {
    requireCompatible(HttpStackCheck.class.getClassLoader());
  }

  /** As {@link #requireCompatible()}, for the classes that {@code loader} sees. */
  static void requireCompatible(ClassLoader loader) {
    String problem = problem(loader);
    if (problem != null) {
      BuiltWith built = BuiltWith.read();
      throw new CamsConfigurationException(SETTING,
          "must be OkHttp 5 with an Okio that OkHttp 5 runs on (the SDK is built and tested with OkHttp "
              + built.okhttp + ", Okio " + built.okio + ") but " + problem,
          "import io.camssdk:cams-sdk-bom:" + built.sdk + " (type pom, scope import) in <dependencyManagement>, so"
              + " that OkHttp, Okio and the Kotlin standard library resolve to the versions the SDK is tested with;"
              + " or exclude the older okhttp and okio from the dependency that brings them");
    }
  }

  /** What is wrong with the HTTP stack {@code loader} sees, as the end of a sentence; {@code null} if nothing. */
  static String problem(ClassLoader loader) {
    Class<?> client = load(loader, "okhttp3.OkHttpClient");
    if (client == null) {
      return "no OkHttp is on the classpath";
    }
    String okhttpVersion = okhttpVersion(loader, client);
    Integer major = major(okhttpVersion);
    Class<?> okio = load(loader, "okio.Okio");
    boolean oldOkHttp = major != null && major < 5;
    boolean okioWithoutSocket = okio != null && !hasOkioSocket(okio);
    if (!oldOkHttp && okio != null && !okioWithoutSocket) {
      return null; // the common case reads no manifest and lists no jars
    }
    String found = "found OkHttp " + okhttpVersion + describeJars(loader, "okhttp3/OkHttpClient.class", client)
        + " with " + (okio == null
            ? "no Okio"
            : "Okio " + jarVersion(codeSource(okio)) + describeJars(loader, "okio/Okio.class", okio));
    return oldOkHttp || okio == null ? found : found + ", which lacks okio.Okio.socket(Socket)";
  }

  private static boolean hasOkioSocket(Class<?> okio) {
    try {
      Method socket = okio.getMethod("socket", Socket.class);
      return Modifier.isStatic(socket.getModifiers());
    } catch (NoSuchMethodException | LinkageError | SecurityException e) {
      return false;
    }
  }

  private static String okhttpVersion(ClassLoader loader, Class<?> client) {
    URL jar = codeSource(client);
    // OkHttp 4 and 5: okhttp3.OkHttp.VERSION (a constant: read it reflectively, never compile it in).
    Class<?> versionHolder = load(loader, "okhttp3.OkHttp");
    if (versionHolder != null && Objects.equals(codeSource(versionHolder), jar)) {
      try {
        Field field = versionHolder.getField("VERSION");
        Object value = field.get(null);
        if (value instanceof String version && !version.isBlank()) {
          return version;
        }
      } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
        // fall through to the next source
      }
    }
    // OkHttp 3: okhttp3.internal.Version.userAgent() is "okhttp/3.14.9".
    Class<?> legacy = load(loader, "okhttp3.internal.Version");
    if (legacy != null && Objects.equals(codeSource(legacy), jar)) {
      try {
        Object agent = legacy.getMethod("userAgent").invoke(null);
        if (agent instanceof String userAgent && userAgent.startsWith("okhttp/")) {
          return userAgent.substring("okhttp/".length());
        }
      } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
        // fall through
      }
    }
    return jarVersion(jar);
  }

  /** The version in the jar's manifest, else in its file name, else "of unknown version". */
  private static String jarVersion(URL jar) {
    if (jar == null) {
      return "(unknown version)";
    }
    String fromManifest = manifestVersion(jar);
    if (fromManifest != null) {
      return fromManifest;
    }
    Matcher matcher = JAR_VERSION.matcher(jar.getPath());
    return matcher.find() ? matcher.group(1) : "(unknown version)";
  }

  private static String manifestVersion(URL jar) {
    if (!jar.getPath().endsWith(".jar")) {
      return null;
    }
    try {
      URLConnection connection = new URL("jar:" + jar + "!/META-INF/MANIFEST.MF").openConnection();
      connection.setUseCaches(false); // never keep the application's jar open
      try (InputStream in = connection.getInputStream()) {
        Attributes attributes = new Manifest(in).getMainAttributes();
        String version = attributes.getValue("Bundle-Version");
        if (version == null) {
          version = attributes.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
        }
        return version == null || version.isBlank() ? null : version.trim();
      }
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /** " (okhttp-4.12.0.jar)", or with the other jars holding the same class, first one first. */
  private static String describeJars(ClassLoader loader, String resource, Class<?> loaded) {
    URL used = codeSource(loaded);
    List<String> others = new ArrayList<>();
    try {
      for (URL url : Collections.list(loader.getResources(resource))) {
        String name = fileName(url.toString().replaceFirst("^jar:", "").replaceFirst("!/.*$", ""));
        if (used == null || !name.equals(fileName(used.toString()))) {
          others.add(name);
        }
      }
    } catch (IOException | RuntimeException e) {
      // the list of other jars is a courtesy
    }
    String jar = used == null ? "" : fileName(used.toString());
    if (others.isEmpty()) {
      return jar.isEmpty() ? "" : " (" + jar + ")";
    }
    return " (" + (jar.isEmpty() ? "" : jar + ", ahead of ") + String.join(", ", others) + ")";
  }

  private static String fileName(String url) {
    String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  private static Integer major(String version) {
    Matcher matcher = MAJOR.matcher(version);
    return matcher.matches() ? Integer.valueOf(matcher.group(1)) : null;
  }

  private static Class<?> load(ClassLoader loader, String name) {
    try {
      return Class.forName(name, false, loader);
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  private static URL codeSource(Class<?> type) {
    try {
      CodeSource source = type.getProtectionDomain().getCodeSource();
      return source == null ? null : source.getLocation();
    } catch (SecurityException e) {
      return null;
    }
  }

  /** The versions this module was built with, filtered in from the root pom by the build. */
  record BuiltWith(String sdk, String okhttp, String okio) {
    static final String RESOURCE = "/io/camssdk/management/internal/built-with.properties";

    static BuiltWith read() {
      Properties properties = new Properties();
      try (InputStream in = HttpStackCheck.class.getResourceAsStream(RESOURCE)) {
        if (in != null) {
          properties.load(in);
        }
      } catch (IOException e) {
        // the message then says "unknown"; the check itself still holds
      }
      return new BuiltWith(properties.getProperty("cams-sdk.version", SdkVersion.FALLBACK),
          properties.getProperty("okhttp.version", "5"), properties.getProperty("okio.version", "3"));
    }
  }
}
