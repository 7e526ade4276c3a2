package io.camssdk.testkit;

import com.sun.net.httpserver.HttpExchange;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps the emulator's own endpoints (admin, console API, console pages) to the developer's machine: they sign and
 * send calls with real tokens, so a web page elsewhere must not be able to drive them. A request passes when
 * <ul>
 *   <li>its {@code Host} is the emulator's own host:port ({@code 127.0.0.1}, {@code localhost}, {@code [::1]} or the
 *       bound host): a DNS-rebinding page arrives with its own name;</li>
 *   <li>its {@code Origin}, if any, is {@code http://} plus one of those: a browser names the page that sent it;</li>
 *   <li>for actions, it is a {@code POST} of {@code application/json}: a cross-site page can send that only after a
 *       CORS preflight, which the emulator never answers with permission.</li>
 * </ul>
 * Rejections never echo a header's value.
 */
final class LocalGuard {
  private final Set<String> hosts;

  LocalGuard(String boundHost, int port) {
    String bound = boundHost.contains(":") && !boundHost.startsWith("[") ? "[" + boundHost + "]" : boundHost;
    this.hosts = new HashSet<>(List.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port,
        bound.toLowerCase(Locale.ROOT) + ":" + port));
  }

  /** Checks {@code Host} and {@code Origin}; for page loads. */
  void checkOrigin(HttpExchange exchange) {
    String host = exchange.getRequestHeaders().getFirst("Host");
    if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
      throw new ApiError(403, "Forbidden.Host",
          "the Host header must name the emulator's loopback address and port, such as 127.0.0.1:<port>");
    }
    String origin = exchange.getRequestHeaders().getFirst("Origin");
    if (origin != null && !(origin.toLowerCase(Locale.ROOT).startsWith("http://")
        && hosts.contains(origin.substring("http://".length()).toLowerCase(Locale.ROOT)))) {
      throw new ApiError(403, "Forbidden.Origin", "only pages served by the emulator itself may call it");
    }
  }

  /** Checks {@code Host}, {@code Origin}, the method ({@code POST}) and the media type (JSON); for actions. */
  void checkAction(HttpExchange exchange) {
    checkOrigin(exchange);
    if (!exchange.getRequestMethod().equals("POST")) {
      throw new ApiError(405, "UnsupportedHTTPMethod", "this endpoint accepts POST only");
    }
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    String mediaType = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("application/json")) {
      throw new ApiError(415, "UnsupportedMediaType", "this endpoint accepts Content-Type application/json only");
    }
  }
}
