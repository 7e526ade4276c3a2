package io.camssdk.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.camssdk.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulator's own endpoints, for the CLI and for scripts (loopback, unauthenticated, guarded by
 * {@link LocalGuard}: {@code POST} of {@code application/json} only, same-origin, loopback {@code Host}):
 * {@code POST /_emulator/deliveries} lists the delivery log, {@code POST /_emulator/trigger?CustSpaceId=…
 * &BusinessSystemId=…&IntentCode=…} with a JSON object body fires an intent call.
 */
final class AdminApi implements HttpHandler {
  static final String PATH = "/_emulator/";
  static final int MAX_BODY = 64 * 1024;

  private final CamsEmulator emulator;
  private final LocalGuard guard;

  AdminApi(CamsEmulator emulator, LocalGuard guard) {
    this.emulator = emulator;
    this.guard = guard;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      int status = 200;
      Object reply;
      try {
        guard.checkAction(exchange);
        byte[] body = readBody(exchange);
        if (path.equals(PATH + "deliveries")) {
          reply = deliveries(emulator.deliveries());
        } else if (path.equals(PATH + "trigger")) {
          Map<String, String> q = ManagementApi.decodeQuery(exchange.getRequestURI().getRawQuery());
          JsonObject data = body.length == 0 ? JsonObject.empty()
              : JsonObject.parse(new String(body, StandardCharsets.UTF_8));
          Dispatch dispatch = emulator.triggerIntent(q.get("CustSpaceId"), q.get("BusinessSystemId"),
              q.get("IntentCode"), data);
          reply = Map.of("RequestId", dispatch.requestId());
        } else {
          throw new ApiError(404, "NotFound", "no such emulator endpoint");
        }
      } catch (ApiError e) {
        status = e.status;
        reply = Map.of("Code", e.code, "Message", e.getMessage());
      } catch (RuntimeException e) {
        status = 400;
        reply = Map.of("Code", "InvalidParameter", "Message", oneLine(e));
      }
      respond(exchange, status, reply);
    }
  }

  static byte[] readBody(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      throw new ApiError(413, "RequestTooLarge", "the request body is larger than 64 KiB");
    }
    return body;
  }

  static String oneLine(RuntimeException e) {
    return e.getMessage() == null ? "bad request" : e.getMessage().replaceAll("[\\r\\n]+", " ");
  }

  static void respond(HttpExchange exchange, int status, Object reply) throws IOException {
    byte[] bytes = ManagementApi.write(reply);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.getResponseHeaders().set("Cache-Control", "no-store");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  static List<Object> deliveries(List<Delivery> deliveries) {
    List<Object> list = new ArrayList<>();
    for (Delivery d : deliveries) {
      list.add(toMap(d));
    }
    return list;
  }

  static Map<String, Object> toMap(Delivery d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("RequestId", d.requestId());
    m.put("Kind", d.kind().name());
    m.put("Url", d.url().toString());
    m.put("BusinessSystemId", d.businessSystemId());
    m.put("IntentCode", d.intentCode());
    m.put("CreatedAt", d.createdAt().toString());
    m.put("Outcome", d.outcome().name());
    List<Object> attempts = new ArrayList<>();
    for (Delivery.Attempt a : d.attempts()) {
      Map<String, Object> am = new LinkedHashMap<>();
      am.put("Number", (long) a.number());
      am.put("StartedAt", a.startedAt().toString());
      am.put("Status", (long) a.status());
      am.put("Code", a.code());
      am.put("LatencyMillis", a.latency().toMillis());
      am.put("Error", a.error());
      am.put("ReplyBody", a.replyBody());
      attempts.add(am);
    }
    m.put("Attempts", attempts);
    return m;
  }
}
