package io.camssdk.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import io.camssdk.json.JsonObject;
import io.camssdk.receipt.ReceiptType;
import io.camssdk.receipt.StatusReceipt;
import io.camssdk.signature.SignatureVerifier;
import io.camssdk.signature.Signer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the code of {@code sdk-core/README.md} end to end: the JDK's own HTTP server on a loopback port, a call
 * signed by {@link Signer}, sent over HTTP. Keep the two in step: the README's lines are copied from here, with
 * the token read from the environment and the port fixed.
 */
class ReadmeExampleTest {
  static final String TOKEN = "tok-readme-0123456789";

  final List<StatusReceipt> statuses = new CopyOnWriteArrayList<>();
  final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  HttpServer server;
  URI base;

  @BeforeEach
  void startServer() throws IOException {
    // --- README: "Verify and handle a call" ---
    CamsEndpoint endpoint = CamsEndpoint.builder()
        .verifier(SignatureVerifier.builder().token(TOKEN).build())
        .onIntent("ORDER_STATUS", call -> Map.of("orderId", call.intentData().getString("orderId"), "status", "SHIPPED"))
        .onStatus(receipts -> statuses.addAll(receipts)) // README: "Receipts"
        .build();

    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/cams/intent", exchange -> {
      Headers headers = exchange.getRequestHeaders();
      EndpointResponse reply = endpoint.handleIntent(new EndpointRequest(exchange.getRequestMethod(),
          headers.getFirst("Content-Type"), name -> headers.getOrDefault(name, List.of()), -1,
          exchange.getRequestBody()));
      exchange.getResponseHeaders().set("Content-Type", EndpointResponse.CONTENT_TYPE);
      exchange.sendResponseHeaders(reply.status(), reply.bodyLength());
      try (OutputStream out = exchange.getResponseBody()) {
        reply.writeTo(out);
      }
    });
    // --- README: "Receipts" ---
    server.createContext("/cams/status", exchange -> {
      Headers headers = exchange.getRequestHeaders();
      EndpointResponse reply = endpoint.handleReceipts(ReceiptType.STATUS, new EndpointRequest(
          exchange.getRequestMethod(), headers.getFirst("Content-Type"),
          name -> headers.getOrDefault(name, List.of()), -1, exchange.getRequestBody()));
      exchange.getResponseHeaders().set("Content-Type", EndpointResponse.CONTENT_TYPE);
      exchange.sendResponseHeaders(reply.status(), reply.bodyLength());
      try (OutputStream out = exchange.getResponseBody()) {
        reply.writeTo(out);
      }
    });
    server.setExecutor(Executors.newFixedThreadPool(32)); // README: without one, every call waits for the one before it
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
    ((ExecutorService) server.getExecutor()).shutdownNow();
  }

  private HttpResponse<String> post(String path, Map<String, String> headers, byte[] body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static byte[] intentCall(String requestId) {
    return ("{\"RequestId\":\"" + requestId + "\",\"IntentCode\":\"ORDER_STATUS\","
        + "\"IntentData\":{\"orderId\":\"A-1001\"},\"Timestamp\":1732420000000}").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void readmeEndpointAnswersASignedCallWithTheHandlersData() throws Exception {
    byte[] body = intentCall("readme-1");
    HttpResponse<String> response = post("/cams/intent", Signer.of(TOKEN).sign("readme-1", body).asMap(), body);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(EndpointResponse.CONTENT_TYPE);
    JsonObject reply = JsonObject.parse(response.body());
    assertThat(reply.getString("Code")).isEqualTo("OK");
    assertThat(reply.getString("Message")).isEmpty();
    assertThat(reply.getObject("Data").asMap()).isEqualTo(Map.of("orderId", "A-1001", "status", "SHIPPED"));
  }

  @Test
  void readmeEndpointRejectsACallSignedWithAnotherToken() throws Exception {
    byte[] body = intentCall("readme-2");
    HttpResponse<String> response =
        post("/cams/intent", Signer.of("some-other-token").sign("readme-2", body).asMap(), body);

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).startsWith("{\"Code\":\"InvalidSignature\",");
  }

  @Test
  void readmeEndpointHandsAnUnsignedStatusPushToItsHandlerOnce() throws Exception {
    byte[] push = "[{\"MessageId\":\"m-1\",\"Status\":\"Delivered\",\"Timestamp\":1732420000000}]"
        .getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> first = post("/cams/status", Map.of(), push);
    HttpResponse<String> repeat = post("/cams/status", Map.of(), push);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(repeat.statusCode()).isEqualTo(200);
    assertThat(first.body()).isEqualTo("{\"Code\":\"OK\",\"Message\":\"\"}");
    assertThat(statuses).singleElement().satisfies(receipt -> {
      assertThat(receipt.messageId()).isEqualTo("m-1");
      assertThat(receipt.status().value()).isEqualTo("Delivered");
    });
  }
}
