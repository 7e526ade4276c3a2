package io.camssdk.testkit;

import static io.camssdk.testkit.Platform.required;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.camssdk.internal.Json;
import io.camssdk.json.JsonLimits;
import io.camssdk.json.JsonObject;
import io.camssdk.json.MalformedPayloadException;
import io.camssdk.management.internal.ApiUrlRule;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The web console: its pages ({@code GET /console/}, bundled in the jar) and its JSON API ({@code POST
 * /console/api} with {@code {"Action": …, "Parameters": {…}}}). Management actions go to {@link Platform#perform},
 * the very code the signed management API runs after verifying a signature, so the console and the management
 * client see and change the same state under the same validation. The browser cannot sign ACS3 calls without the
 * AccessKey secret; {@link LocalGuard} keeps the API to pages the emulator served itself instead.
 */
final class ConsoleApi implements HttpHandler {
  static final String PATH = "/console";
  private static final Map<String, String> ASSETS = Map.of(
      "/console/", "index.html",
      "/console/app.js", "app.js",
      "/console/app.css", "app.css",
      "/console/favicon.svg", "favicon.svg");

  private final CamsEmulator emulator;
  private final Platform platform;
  private final LocalGuard guard;
  private final Supplier<String> requestIds;
  private final Duration gracePeriod;

  ConsoleApi(CamsEmulator emulator, Platform platform, LocalGuard guard, Supplier<String> requestIds,
      Duration gracePeriod) {
    this.emulator = emulator;
    this.platform = platform;
    this.guard = guard;
    this.requestIds = requestIds;
    this.gracePeriod = gracePeriod;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      if (path.equals(PATH + "/api")) {
        api(exchange);
        return;
      }
      try {
        guard.checkOrigin(exchange);
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
          throw new ApiError(405, "UnsupportedHTTPMethod", "console pages accept GET only");
        }
        if (path.equals(PATH)) {
          exchange.getResponseHeaders().set("Location", PATH + "/");
          exchange.sendResponseHeaders(302, -1);
          return;
        }
        String asset = ASSETS.get(path);
        if (asset == null) {
          throw new ApiError(404, "NotFound", "no such console page");
        }
        byte[] bytes;
        try (InputStream in = ConsoleApi.class.getResourceAsStream("console/" + asset)) {
          if (in == null) {
            throw new ApiError(500, "InternalError", "the console's files are missing from the jar");
          }
          bytes = in.readAllBytes();
        }
        exchange.getResponseHeaders().set("Content-Type", contentType(asset));
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; form-action 'none'; base-uri 'none'");
        if (method.equals("HEAD")) {
          exchange.sendResponseHeaders(200, -1);
        } else {
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
        }
      } catch (ApiError e) {
        AdminApi.respond(exchange, e.status, Map.of("Code", e.code, "Message", e.getMessage()));
      }
    }
  }

  private static String contentType(String asset) {
    if (asset.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (asset.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    if (asset.endsWith(".svg")) {
      return "image/svg+xml";
    }
    return "text/css; charset=utf-8";
  }

  private void api(HttpExchange exchange) throws IOException {
    String requestId = requestIds.get();
    ApiError failure = null;
    Object data = null;
    try {
      guard.checkAction(exchange);
      byte[] body = AdminApi.readBody(exchange);
      JsonObject request;
      try {
        request = JsonObject.parse(new String(body, StandardCharsets.UTF_8));
      } catch (MalformedPayloadException e) {
        throw ApiError.invalid("the body must be a JSON object {\"Action\": …, \"Parameters\": {…}}");
      }
      Object action = request.get("Action");
      if (!(action instanceof String name) || name.isEmpty()) {
        throw ApiError.missing("Action");
      }
      data = perform(name, parameters(request.get("Parameters")));
    } catch (ApiError e) {
      failure = e;
    } catch (RuntimeException e) {
      failure = ApiError.internal();
    }
    AdminApi.respond(exchange, failure == null ? 200 : failure.status, ApiError.envelope(requestId, failure, data));
  }

  private static Map<String, String> parameters(Object value) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (value == null) {
      return parameters;
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw ApiError.invalid("Parameters must be a JSON object of strings");
    }
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getValue() instanceof String text)) {
        // Parameters travel as the query strings of the signed API do: as text, each validated by the action.
        throw ApiError.invalid("Parameters must be a JSON object of strings");
      }
      parameters.put((String) entry.getKey(), text);
    }
    return parameters;
  }

  private Object perform(String action, Map<String, String> p) {
    if (Platform.ACTIONS.contains(action)) {
      Object data = platform.perform(action, p);
      if (action.equals("ListBusinessSystems")) {
        data = withGraceDeadlines(data);
      }
      return data;
    }
    switch (action) {
      case "DescribeConsole": return describe();
      case "ListDeliveries": return AdminApi.deliveries(emulator.deliveries());
      case "TriggerIntent": return trigger(p);
      case "PushReceipt": return push(p);
      default:
        throw new ApiError(404, "InvalidAction.NotFound", "the console API has no action " + safe(action));
    }
  }

  /** The card says until when a refreshed system's previous token still works. */
  @SuppressWarnings("unchecked")
  private Object withGraceDeadlines(Object data) {
    List<Object> systems = new ArrayList<>();
    for (Object item : (List<Object>) data) {
      Map<String, Object> system = new LinkedHashMap<>((Map<String, Object>) item);
      Instant until = platform.previousTokenValidUntil((String) system.get("BusinessSystemId"));
      system.put("PreviousSignatureValidUntil", until == null ? null : until.toString());
      systems.add(system);
    }
    return systems;
  }

  private Object describe() {
    List<Object> channels = new ArrayList<>();
    for (EmulatorChannel channel : emulator.channels()) {
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("CustSpaceId", channel.custSpaceId());
      c.put("ChannelType", channel.channelType().value());
      c.put("OtpSchedulingSupported", channel.supportsOtpScheduling());
      channels.add(c);
    }
    List<Object> countries = new ArrayList<>();
    for (String iso : Locale.getISOCountries()) {
      String name = new Locale("", iso).getDisplayCountry(Locale.ENGLISH);
      countries.add(Map.of("Code", iso, "Name", name.isEmpty() ? iso : name));
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("Url", emulator.url().toString());
    data.put("GracePeriodSeconds", gracePeriod.toSeconds());
    data.put("Channels", channels);
    data.put("Countries", countries);
    return data;
  }

  private Object trigger(Map<String, String> p) {
    JsonObject data = jsonObject(p.getOrDefault("IntentData", "{}"), "IntentData");
    Dispatch dispatch;
    try {
      dispatch = emulator.triggerIntent(required(p, "CustSpaceId"), required(p, "BusinessSystemId"),
          required(p, "IntentCode"), data);
    } catch (IllegalArgumentException e) {
      throw new ApiError(404, "Target.NotFound", AdminApi.oneLine(e));
    }
    return Map.of("RequestId", dispatch.requestId());
  }

  private Object push(Map<String, String> p) {
    Delivery.Kind kind;
    try {
      kind = Delivery.Kind.valueOf(required(p, "Kind").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid("Kind must be STATUS, INBOUND or AUDIT");
    }
    if (kind == Delivery.Kind.INTENT) {
      throw ApiError.invalid("Kind must be STATUS, INBOUND or AUDIT");
    }
    String url = required(p, "Url");
    String problem = ApiUrlRule.problem(url);
    if (problem != null) {
      throw ApiError.invalid("Url " + problem);
    }
    List<JsonObject> items = items(required(p, "Items"));
    String systemId = p.get("BusinessSystemId");
    if (systemId != null && systemId.isEmpty()) {
      systemId = null;
    }
    if (systemId != null && platform.activeTokens(systemId).isEmpty()) {
      throw new ApiError(404, "BusinessSystem.NotFound", "no business system " + safe(systemId));
    }
    Dispatch dispatch = emulator.push(kind, URI.create(url), items, systemId);
    return Map.of("RequestId", dispatch.requestId());
  }

  private static List<JsonObject> items(String text) {
    Object value;
    JsonLimits limits = JsonLimits.DEFAULTS;
    try {
      value = Json.readValue(text.getBytes(StandardCharsets.UTF_8), limits.maxDepth(), limits.maxStringLength(),
          limits.maxNumberLength());
    } catch (RuntimeException e) {
      value = null; // not one strict JSON document: answered as a missing array of items below
    }
    List<JsonObject> items = new ArrayList<>();
    if (value instanceof List<?> list && !list.isEmpty()) {
      for (Object item : list) {
        if (!(item instanceof Map<?, ?>)) {
          items.clear();
          break;
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> map = (Map<String, ?>) item;
        items.add(JsonObject.of(map));
      }
    }
    if (items.isEmpty()) {
      throw ApiError.invalid("Items must be a non-empty JSON array of objects");
    }
    return items;
  }

  private static JsonObject jsonObject(String text, String field) {
    try {
      return JsonObject.parse(text);
    } catch (MalformedPayloadException e) {
      throw ApiError.invalid(field + " must be a JSON object");
    }
  }

  private static String safe(String value) {
    return value.length() <= 64 && value.matches("[A-Za-z0-9_.-]*") ? value : "(not shown)";
  }
}
