package io.camssdk.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Warns, once the environment is prepared, about each {@code cams.*} key that no CAMS property has, naming the
 * closest known one: {@code cams.signature.token} is not bound, and the endpoint would otherwise stay off or fail
 * for a reason far from the typo. The known names are those of the configuration metadata on the class path.
 * Values are never read. Environment variables ({@code CAMS_*}) are reported only when one is close to a known
 * property, as unrelated tools use that prefix too. Registered in {@code META-INF/spring.factories}.
 */
final class CamsUnknownPropertiesListener implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {
  private static final Logger log = LoggerFactory.getLogger(CamsUnknownPropertiesListener.class);
  private static final Pattern METADATA_NAME = Pattern.compile("\"name\"\\s*:\\s*\"(cams\\.[^\"]+)\"");
  private static final Pattern INDEX = Pattern.compile("\\[\\d+]|\\.\\d+(?=\\.|$)");

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    ClassLoader loader = event.getSpringApplication().getClassLoader();
    for (String warning : warnings(event.getEnvironment(), knownProperties(loader))) {
      log.warn(warning);
    }
  }

  /** One message per unknown {@code cams.*} key of {@code environment}. */
  static List<String> warnings(ConfigurableEnvironment environment, Set<String> known) {
    if (known.isEmpty()) {
      return List.of();
    }
    Set<String> seen = new LinkedHashSet<>();
    List<String> warnings = new ArrayList<>();
    for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
      if (!(source instanceof IterableConfigurationPropertySource iterable)) {
        continue;
      }
      Object underlying = source.getUnderlyingSource();
      String sourceName = underlying instanceof PropertySource<?> ps ? ps.getName() : String.valueOf(underlying);
      boolean environmentVariables =
          StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(sourceName);
      for (ConfigurationPropertyName name : (Iterable<ConfigurationPropertyName>) iterable::iterator) {
        String key = name.toString();
        if (!key.startsWith("cams.")) {
          continue;
        }
        String property = INDEX.matcher(key).replaceAll("");
        if (isKnown(property, known) || !seen.add(property)) {
          continue;
        }
        String closest = closest(property, known);
        if (closest == null && environmentVariables) {
          continue;
        }
        warnings.add("Unknown CAMS property " + property + " in " + sourceName + " is ignored"
            + (closest == null ? "; see the cams.* properties in the starter's README." :
            "; did you mean " + closest + "?"));
      }
    }
    return warnings;
  }

  private static boolean isKnown(String property, Set<String> known) {
    String normal = normal(property);
    for (String k : known) {
      if (normal(k).equals(normal)) {
        return true;
      }
    }
    return false;
  }

  /** The known property nearest by edit distance, when near enough to be a typo. */
  static String closest(String property, Set<String> known) {
    String normal = normal(property);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String k : known) {
      int d = distance(normal, normal(k));
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
      }
    }
    return bestDistance <= Math.max(2, normal.length() / 6) ? best : null;
  }

  /** Relaxed binding ignores dashes: {@code access-key-id} and {@code accesskeyid} are one property. */
  private static String normal(String name) {
    return name.replace("-", "");
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }

  /** The {@code cams.*} names of every configuration metadata file on the class path. */
  static Set<String> knownProperties(ClassLoader loader) {
    Set<String> names = new TreeSet<>();
    for (String file : List.of("META-INF/spring-configuration-metadata.json",
        "META-INF/additional-spring-configuration-metadata.json")) {
      Enumeration<URL> resources;
      try {
        resources = loader == null ? ClassLoader.getSystemResources(file) : loader.getResources(file);
      } catch (IOException e) {
        continue;
      }
      for (URL url : Collections.list(resources)) {
        try (InputStream in = url.openStream()) {
          Matcher m = METADATA_NAME.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          while (m.find()) {
            names.add(m.group(1));
          }
        } catch (IOException e) {
          // an unreadable metadata file only makes the check less complete
        }
      }
    }
    return names;
  }
}
