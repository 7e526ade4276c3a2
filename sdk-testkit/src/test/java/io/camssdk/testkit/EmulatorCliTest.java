package io.camssdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.json.JsonObject;
import io.camssdk.signature.CamsHeaders;
import io.camssdk.signature.SignatureVerifier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class EmulatorCliTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) throws Exception {
    return EmulatorCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), env, false);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void servePrintsUrlAndEveryChannelWithoutTheSecret() throws Exception {
    int code = run(Map.of("CAMS_EMULATOR_PORT", "0", "CAMS_EMULATOR_ACCESS_KEY_ID", "LTAIcli",
        "CAMS_EMULATOR_ACCESS_KEY_SECRET", "cli-secret"), "serve");
    assertThat(code).isZero();
    assertThat(out()).containsPattern("CAMS emulator listening on http://127\\.0\\.0\\.1:\\d+")
        .containsPattern("Console: http://127\\.0\\.0\\.1:\\d+/console/")
        .contains("channel cams-emu-whatsapp (whatsapp)")
        .contains("channel cams-emu-viber (viber)")
        .contains("AccessKey id LTAIcli")
        .doesNotContain("cli-secret");
  }

  @Test
  void serveRefusesHalfConfiguredAccessKey() throws Exception {
    assertThat(run(Map.of("CAMS_EMULATOR_PORT", "0", "CAMS_EMULATOR_ACCESS_KEY_ID", "LTAIcli"), "serve")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("CAMS_EMULATOR_ACCESS_KEY_SECRET");
  }

  @Test
  void triggerSendsOneSignedIntentCallAndPrintsTheReply() throws Exception {
    try (MockWebServer business = new MockWebServer()) {
      business.start();
      business.enqueue(new MockResponse.Builder().code(200)
          .body("{\"Code\":\"OK\",\"Message\":\"\",\"Data\":{\"status\":\"shipped\"}}").build());
      int code = run(Map.of(), "trigger", "--url", business.url("/cams/intents").toString(), "--token", "tok-1",
          "--intent", "ORDER_STATUS", "--data", "{\"orderId\":\"A-1001\"}", "--request-id", "cli-req-1");

      assertThat(code).isZero();
      assertThat(out()).contains("HTTP 200").contains("\"status\":\"shipped\"").contains("cli-req-1")
          .doesNotContain("tok-1");
      RecordedRequest request = business.takeRequest(1, TimeUnit.SECONDS);
      SignatureVerifier.builder().token("tok-1").build().verify(request.getHeaders().get(CamsHeaders.REQUEST_ID),
          request.getHeaders().get(CamsHeaders.TIMESTAMP), request.getHeaders().get(CamsHeaders.SIGNATURE),
          request.getBody().toByteArray());
      JsonObject body = JsonObject.parse(request.getBody().utf8());
      assertThat(body.getString("IntentCode")).isEqualTo("ORDER_STATUS");
      assertThat(body.getObject("IntentData").getString("orderId")).isEqualTo("A-1001");
    }
  }

  @Test
  void triggerExitsNonZeroOnRejectionAndOnBadArguments() throws Exception {
    try (MockWebServer business = new MockWebServer()) {
      business.start();
      business.enqueue(new MockResponse.Builder().code(401).body("{\"Code\":\"InvalidSignature\"}").build());
      assertThat(run(Map.of(), "trigger", "--url", business.url("/").toString(), "--token", "t", "--intent", "X"))
          .isEqualTo(1);
      assertThat(out()).contains("HTTP 401");
    }
    assertThat(run(Map.of(), "trigger", "--url", "http://127.0.0.1:9/")).isEqualTo(2);
    assertThat(run(Map.of(), "trigger", "--url", "http://127.0.0.1:9/", "--token", "t", "--intent", "X",
        "--data", "[1]")).isEqualTo(2);
    assertThat(run(Map.of(), "bogus")).isEqualTo(2);
  }

  @Test
  void adminEndpointsTriggerIntentsAndListTheDeliveryLog() throws Exception {
    try (MockWebServer business = new MockWebServer();
         CamsEmulator emulator = CamsEmulator.builder().build().start()) {
      business.start();
      business.enqueue(new MockResponse.Builder().code(200).body("{\"Code\":\"OK\",\"Data\":{}}").build());
      RawManagementCalls calls = new RawManagementCalls(emulator.url());
      String space = CamsEmulator.DEFAULT_WHATSAPP_CUST_SPACE_ID;
      String id = calls.call(emulator, "CreateBusinessSystem", Map.of("CustSpaceId", space, "SystemName", "S",
          "ApiUrl", business.url("/cams/intents").toString())).data().getString("BusinessSystemId");
      calls.call(emulator, "CreateIntent", Map.of("CustSpaceId", space, "BusinessSystemId", id,
          "IntentCode", "ECHO", "IntentName", "Echo"));
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> triggered = http.send(HttpRequest.newBuilder(URI.create(emulator.url()
              + "/_emulator/trigger?CustSpaceId=" + space + "&BusinessSystemId=" + id + "&IntentCode=ECHO"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(triggered.statusCode()).isEqualTo(200);
      String requestId = JsonObject.parse(triggered.body()).getString("RequestId");
      emulator.awaitDeliveries(java.time.Duration.ofSeconds(5));
      HttpResponse<String> log = http.send(HttpRequest.newBuilder(URI.create(emulator.url()
          + "/_emulator/deliveries")).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(log.body()).contains(requestId).contains("\"Outcome\":\"DELIVERED\"")
          .doesNotContain(emulator.signatureTokens(id).get(0));
    }
  }
}
