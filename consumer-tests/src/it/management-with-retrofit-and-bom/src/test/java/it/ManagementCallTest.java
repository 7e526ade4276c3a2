package it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.camssdk.management.BusinessSystem;
import io.camssdk.management.CamsManagementClient;
import io.camssdk.management.Credentials;
import io.camssdk.management.RetryPolicy;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Retrofit 2.11 next to cams-sdk-management, with the BOM imported: OkHttp and Okio align and a call works. */
class ManagementCallTest {
  @Test
  void listBusinessSystemsReadsTheCannedEnvelope() throws Exception {
    byte[] envelope = ("{\"RequestId\":\"r-1\",\"Code\":\"OK\",\"Data\":[{\"BusinessSystemId\":\"bs-1\","
        + "\"SystemName\":\"Orders\",\"ApiUrl\":\"https://orders.example.com/cams/intents\"}]}")
        .getBytes(StandardCharsets.UTF_8);
    AtomicReference<String> action = new AtomicReference<>();
    AtomicReference<String> authorization = new AtomicReference<>();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      action.set(exchange.getRequestHeaders().getFirst("x-acs-action"));
      authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
      exchange.getRequestBody().readAllBytes();
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, envelope.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(envelope);
      }
    });
    server.start();
    try {
      CamsManagementClient cams = CamsManagementClient.builder()
          .endpoint("http://127.0.0.1:" + server.getAddress().getPort())
          .credentials(Credentials.of("LTAI-consumer", "consumer-secret"))
          .retryPolicy(RetryPolicy.none())
          .build();

      List<BusinessSystem> systems = cams.listBusinessSystems("cams-83m8j9xxxxadc");

      assertEquals(1, systems.size());
      assertEquals("bs-1", systems.get(0).businessSystemId());
      assertEquals("ListBusinessSystems", action.get());
      assertTrue(authorization.get().startsWith("ACS3-HMAC-SHA256 Credential=LTAI-consumer,"), authorization.get());
      String okhttp = String.valueOf(getClass().getClassLoader().getResource("okhttp3/OkHttpClient.class"));
      assertTrue(okhttp.contains("/okhttp-jvm-" + System.getProperty("okhttp.version") + ".jar!"), okhttp);
    } finally {
      server.stop(0);
    }
  }
}
