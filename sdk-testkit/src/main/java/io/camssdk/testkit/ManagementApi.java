package io.camssdk.testkit;

import com.squareup.moshi.JsonWriter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.camssdk.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import okio.Buffer;

/**
 * The management API of contract section 3 over HTTP: {@code POST /?params} with {@code x-acs-action}, verified
 * with ACS3-HMAC-SHA256, answered with the {@code {RequestId, Code, Message, Data}} envelope.
 */
final class ManagementApi implements HttpHandler {
  static final String VERSION = "2020-06-06";
  private static final int MAX_BODY = 64 * 1024;

  private final Platform platform;
  private final Acs3Verifier verifier;
  private final Supplier<String> requestIds;
  private final FaultQueue faults;
  private final DocumentedActions documented;

  ManagementApi(Platform platform, Acs3Verifier verifier, Supplier<String> requestIds, FaultQueue faults,
      DocumentedActions documented) {
    this.platform = platform;
    this.verifier = verifier;
    this.requestIds = requestIds;
    this.faults = faults;
    this.documented = documented;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    if (exchange.getRequestMethod().equals("GET") && exchange.getRequestURI().getRawPath().equals("/")) {
      try (exchange) {
        // A browser pointed at the emulator lands on its console.
        exchange.getResponseHeaders().set("Location", ConsoleApi.PATH + "/");
        exchange.sendResponseHeaders(302, -1);
      }
      return;
    }
    String requestId = requestIds.get();
    try (exchange) {
      ApiError failure = null;
      Object data = null;
      Map<String, Object> topLevel = null; // documented actions: their reply fields, Data included
      String retryAfter = null;
      try {
        byte[] body = readBody(exchange.getRequestBody());
        if (!exchange.getRequestMethod().equals("POST")) {
          throw new ApiError(405, "UnsupportedHTTPMethod", "the management API accepts POST only");
        }
        if (!exchange.getRequestURI().getRawPath().equals("/")) {
          throw new ApiError(404, "InvalidAction.NotFound", "the management API is served at /");
        }
        Map<String, String> query = decodeQuery(exchange.getRequestURI().getRawQuery());
        verifier.verify("POST", "/", query,
            name -> exchange.getRequestHeaders().getFirst(name.toLowerCase(Locale.ROOT)), body);
        String version = exchange.getRequestHeaders().getFirst("x-acs-version");
        if (!VERSION.equals(version)) {
          throw new ApiError(400, "InvalidVersion", "x-acs-version must be " + VERSION);
        }
        String action = exchange.getRequestHeaders().getFirst("x-acs-action");
        FaultQueue.Fault fault = faults.poll();
        if (fault != null) {
          retryAfter = fault.retryAfterSeconds() > 0 ? Long.toString(fault.retryAfterSeconds()) : null;
          throw new ApiError(fault.status(), fault.code(), fault.message());
        }
        if (documented.handles(action)) {
          topLevel = documented.perform(action, query);
        } else {
          data = platform.perform(action, query);
        }
      } catch (ApiError e) {
        failure = e;
      } catch (RuntimeException e) {
        failure = ApiError.internal();
      }
      int status = failure == null ? 200 : failure.status;
      Map<String, Object> envelope = ApiError.envelope(requestId, failure, data);
      if (topLevel != null && failure == null) {
        envelope.putAll(topLevel);
      }
      byte[] reply = write(envelope);
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
      exchange.getResponseHeaders().set("x-acs-request-id", requestId);
      if (retryAfter != null) {
        exchange.getResponseHeaders().set("Retry-After", retryAfter);
      }
      exchange.sendResponseHeaders(status, reply.length);
      exchange.getResponseBody().write(reply);
    }
  }

  private static byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BODY + 1);
    if (body.length > MAX_BODY) {
      throw ApiError.invalid("the request body is larger than 64 KiB");
    }
    return body;
  }

  /** Decodes {@code a=b&c=d}; {@code %XX} escapes are UTF-8 and {@code +} is a space. */
  static Map<String, String> decodeQuery(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return query;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name;
      String value;
      try {
        name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw ApiError.invalid("the query string has a malformed %-escape");
      }
      if (query.put(name, value) != null) {
        throw ApiError.invalid("query parameter " + name + " is repeated");
      }
    }
    return query;
  }

  static byte[] write(Object value) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setSerializeNulls(true);
      Json.writeValue(writer, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.readByteArray();
  }
}
