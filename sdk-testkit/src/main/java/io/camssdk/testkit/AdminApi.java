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
 * The emulator's own endpoints, for the CLI and for scripts (loopback, unauthenticated):
 * {@code GET /_emulator/deliveries} lists the delivery log, {@code POST /_emulator/trigger?CustSpaceId=…
 * &BusinessSystemId=…&IntentCode=…} with a JSON object body fires an intent call.
 */
final class AdminApi implements HttpHandler {
  static final String PATH = "/_emulator/";

  private final CamsEmulator emulator;

  AdminApi(CamsEmulator emulator) {
    this.emulator = emulator;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      int status = 200;
      Object reply;
      try {
        if (path.equals(PATH + "deliveries") && exchange.getRequestMethod().equals("GET")) {
          List<Object> list = new ArrayList<>();
          for (Delivery d : emulator.deliveries()) {
            list.add(toMap(d));
          }
          reply = list;
        } else if (path.equals(PATH + "trigger") && exchange.getRequestMethod().equals("POST")) {
          Map<String, String> q = ManagementApi.decodeQuery(exchange.getRequestURI().getRawQuery());
          byte[] body = exchange.getRequestBody().readNBytes(64 * 1024);
          JsonObject data = body.length == 0 ? JsonObject.empty()
              : JsonObject.parse(new String(body, StandardCharsets.UTF_8));
          Dispatch dispatch = emulator.triggerIntent(q.get("CustSpaceId"), q.get("BusinessSystemId"),
              q.get("IntentCode"), data);
          reply = Map.of("RequestId", dispatch.requestId());
        } else {
          status = 404;
          reply = Map.of("Code", "NotFound", "Message", "no such emulator endpoint");
        }
      } catch (RuntimeException e) {
        status = 400;
        String message = e.getMessage() == null ? "bad request" : e.getMessage().replaceAll("[\\r\\n]+", " ");
        reply = Map.of("Code", "InvalidParameter", "Message", message);
      }
      byte[] bytes = ManagementApi.write(reply);
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
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
      attempts.add(am);
    }
    m.put("Attempts", attempts);
    return m;
  }
}
