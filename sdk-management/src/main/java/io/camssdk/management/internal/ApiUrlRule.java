package io.camssdk.management.internal;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for a business system's {@code ApiUrl} (contract section 3): an absolute https URL, http only for a
 * loopback host, a port (when given) of 1-65535, at most 2048 characters. The management client checks it before
 * sending and the testkit's emulator answers {@code InvalidParameter} with it, so both say the same thing.
 */
public final class ApiUrlRule {
  /** The longest {@code ApiUrl} accepted. */
  public static final int MAX_LENGTH = 2048;
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private ApiUrlRule() {}

  /**
   * What is wrong with {@code value}, as the end of a sentence starting with the field name (such as
   * {@code "port must be 1-65535"}), or {@code null} when it is a valid {@code ApiUrl}. Never echoes the value.
   */
  public static String problem(String value) {
    if (value == null || value.isEmpty()) {
      return "is required (an absolute https URL)";
    }
    if (value.length() > MAX_LENGTH) {
      return "must be at most " + MAX_LENGTH + " characters";
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      return "must be an absolute https URL";
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      return "must be an absolute https URL";
    }
    if (uri.getHost() == null) {
      // java.net.URI falls back to a registry authority when the port is not a number it can read.
      String authority = uri.getRawAuthority();
      return authority != null && authority.matches(".*:[0-9]+$")
          ? "port must be 1-65535" : "must be an absolute https URL";
    }
    if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
      return "port must be 1-65535";
    }
    if (scheme.equals("http") && !isLoopback(uri.getHost())) {
      return "must use https (http only for loopback hosts)";
    }
    return null;
  }

  /** {@code localhost}, {@code *.localhost}, 127.0.0.0/8 and ::1; host names are never resolved. */
  public static boolean isLoopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    if (h.equals("localhost") || h.endsWith(".localhost")) {
      return true;
    }
    if (IPV4.matcher(h).matches() || h.indexOf(':') >= 0) {
      try {
        return InetAddress.getByName(h).isLoopbackAddress(); // a literal: no lookup
      } catch (UnknownHostException e) {
        return false;
      }
    }
    return false;
  }
}
