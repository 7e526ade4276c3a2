package io.camssdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camssdk.json.JsonObject;
import io.camssdk.management.CamsManagementClient;
import io.camssdk.management.CamsValidationException;
import io.camssdk.management.CreateBusinessSystemRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12, defect 10: the emulator's own endpoints stay local, and malformed input never gets in. */
class EmulatorHardeningTest {
  private static final String WA = CamsEmulator.DEFAULT_WHATSAPP_CUST_SPACE_ID;

  private CamsEmulator emulator;
  private RawManagementCalls calls;

  @BeforeEach
  void start() {
    emulator = CamsEmulator.builder().build().start();
    calls = new RawManagementCalls(emulator.url());
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private record Raw(int status, String contentType, String body) {}

  /** One HTTP/1.1 request over a plain socket, so that Host and Origin can be anything. */
  private Raw raw(String method, String path, String host, String origin, String contentType, String body)
      throws IOException {
    try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
      socket.setSoTimeout(5000);
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
          .append("Host: ").append(host).append("\r\n").append("Connection: close\r\n");
      if (origin != null) {
        request.append("Origin: ").append(origin).append("\r\n");
      }
      if (contentType != null) {
        request.append("Content-Type: ").append(contentType).append("\r\n");
      }
      request.append("Content-Length: ").append(bytes.length).append("\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(request.toString().getBytes(StandardCharsets.UTF_8));
      out.write(bytes);
      out.flush();
      String reply = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
      int status = Integer.parseInt(reply.substring(9, 12));
      String head = reply.substring(0, reply.indexOf("\r\n\r\n"));
      String type = head.lines().filter(l -> l.toLowerCase().startsWith("content-type:"))
          .map(l -> l.substring(13).trim()).findFirst().orElse("");
      return new Raw(status, type, reply.substring(reply.indexOf("\r\n\r\n") + 4));
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toByteArray();
  }

  private String self() {
    return "127.0.0.1:" + emulator.port();
  }

  @Test
  void adminAndConsoleEndpointsRejectAForeignOriginWithoutEchoingIt() throws Exception {
    for (String path : List.of("/_emulator/deliveries", "/console/api")) {
      Raw reply = raw("POST", path, self(), "http://attacker.example", "application/json", "{}");
      assertThat(reply.status()).as(path).isEqualTo(403);
      assertThat(reply.contentType()).startsWith("application/json");
      assertThat(JsonObject.parse(reply.body()).getString("Code")).isEqualTo("Forbidden.Origin");
      assertThat(reply.body()).doesNotContain("attacker");
    }
  }

  @Test
  void adminAndConsoleEndpointsRejectAHostOtherThanTheEmulatorsLoopbackAddress() throws Exception {
    // A DNS-rebinding page reaches 127.0.0.1 under its own name: the Host header gives it away.
    for (String path : List.of("/_emulator/deliveries", "/console/api")) {
      Raw reply = raw("POST", path, "rebind.attacker.example:" + emulator.port(), null, "application/json", "{}");
      assertThat(reply.status()).as(path).isEqualTo(403);
      assertThat(JsonObject.parse(reply.body()).getString("Code")).isEqualTo("Forbidden.Host");
      assertThat(reply.body()).doesNotContain("attacker");
    }
    assertThat(raw("GET", "/console/", "rebind.attacker.example:" + emulator.port(), null, null, "").status())
        .isEqualTo(403);
    assertThat(raw("POST", "/console/api", "127.0.0.1:1", null, "application/json", "{}").status()).isEqualTo(403);
  }

  @Test
  void adminAndConsoleEndpointsAcceptOnlyJsonPosts() throws Exception {
    for (String path : List.of("/_emulator/deliveries", "/console/api")) {
      Raw form = raw("POST", path, self(), null, "text/plain", "{}");
      assertThat(form.status()).as(path).isEqualTo(415);
      assertThat(JsonObject.parse(form.body()).getString("Code")).isEqualTo("UnsupportedMediaType");
      assertThat(raw("GET", path, self(), null, null, "").status()).as(path).isEqualTo(405);
    }
  }

  @Test
  void consoleApiServesSameOriginJsonThroughTheManagementActions() throws Exception {
    Raw reply = raw("POST", "/console/api", "localhost:" + emulator.port(), "http://localhost:" + emulator.port(),
        "application/json; charset=utf-8",
        "{\"Action\":\"CreateBusinessSystem\",\"Parameters\":{\"CustSpaceId\":\"" + WA + "\",\"SystemName\":\"Shop\","
            + "\"ApiUrl\":\"https://shop.example.com/cams\"}}");
    assertThat(reply.status()).isEqualTo(200);
    String id = JsonObject.parse(reply.body()).getObject("Data").getString("BusinessSystemId");
    RawManagementCalls.Reply listed = calls.call(emulator, "ListBusinessSystems", Map.of("CustSpaceId", WA));
    assertThat(listed.body().toJson()).contains(id);
  }

  @Test
  void idleConnectionsDoNotStallTheManagementApi() throws Exception {
    // Each socket sends the start of a request and stops: the JDK server reads headers on an executor thread.
    List<Socket> idle = new ArrayList<>();
    try {
      for (int i = 0; i < 8; i++) {
        Socket socket = new Socket("127.0.0.1", emulator.port());
        socket.getOutputStream().write("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        idle.add(socket);
      }
      Thread.sleep(200);
      long started = System.nanoTime();
      // Bounded, so that a stalled server fails the test instead of hanging it.
      RawManagementCalls.Reply reply = CompletableFuture.supplyAsync(() -> {
        try {
          return calls.call(emulator, "ListBusinessSystems", Map.of("CustSpaceId", WA));
        } catch (Exception e) {
          throw new CompletionException(e);
        }
      }).get(5, TimeUnit.SECONDS);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertThat(reply.status()).isEqualTo(200);
      assertThat(took).isLessThan(Duration.ofSeconds(1));
    } finally {
      for (Socket socket : idle) {
        socket.close();
      }
    }
  }

  @Test
  void aRequestThatStopsHalfwayIsClosedAfterTheReadTimeout() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", emulator.port())) {
      socket.setSoTimeout(20_000); // without a read timeout the server would keep it open: this fails the test
      socket.getOutputStream().write("POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      long started = System.nanoTime();
      try {
        assertThat(socket.getInputStream().read()).isEqualTo(-1);
      } catch (java.net.SocketException reset) {
        // closed by the server: as good as end of stream
      }
      Duration open = Duration.ofNanos(System.nanoTime() - started);
      assertThat(open).isBetween(Duration.ofSeconds(9), Duration.ofSeconds(13));
    }
  }

  @Test
  void apiUrlPortOutsideOneTo65535IsRejectedByTheEmulatorAndTheClientAlike() throws Exception {
    CamsManagementClient client = emulator.managementClientBuilder().build();
    for (String url : List.of("http://127.0.0.1:0/cams", "http://127.0.0.1:65536/cams",
        "https://shop.example.com:99999/cams", "https://shop.example.com:4294967297/cams")) {
      RawManagementCalls.Reply reply = calls.call(emulator, "CreateBusinessSystem",
          Map.of("CustSpaceId", WA, "SystemName", "Shop", "ApiUrl", url));
      assertThat(reply.status()).as(url).isEqualTo(400);
      assertThat(reply.code()).isEqualTo("InvalidParameter");
      assertThat(reply.body().getString("Message")).as(url).startsWith("ApiUrl ");
      assertThatThrownBy(() -> client.createBusinessSystem(CreateBusinessSystemRequest.builder().custSpaceId(WA)
          .systemName("Shop").apiUrl(url).build()))
          .as(url).isInstanceOf(CamsValidationException.class).hasMessageStartingWith("ApiUrl ");
    }
    assertThat(calls.call(emulator, "CreateBusinessSystem", Map.of("CustSpaceId", WA, "SystemName", "Shop",
        "ApiUrl", "http://127.0.0.1:65535/cams")).code()).isEqualTo("OK");
  }

  @Test
  void countriesMustBeExactlyAJsonArrayOfStrings() throws Exception {
    for (String countries : List.of("[\"SG\"],\"x\":{\"y\":1}", "[\"SG\"]]", "{\"c\":[\"SG\"]}", "\"SG\"", "[1]",
        "[[\"SG\"]]", "[\"SG\"] [\"MY\"]", "[\"SG\",]")) {
      RawManagementCalls.Reply reply = calls.call(emulator, "ModifyOtpScheduling",
          Map.of("CustSpaceId", WA, "Enabled", "true", "Countries", countries));
      assertThat(reply.status()).as(countries).isEqualTo(400);
      assertThat(reply.body().getString("Message")).as(countries).startsWith("Countries ");
    }
    assertThat(calls.call(emulator, "ModifyOtpScheduling",
        Map.of("CustSpaceId", WA, "Enabled", "true", "Countries", "[\"SG\", \"MY\"]")).code()).isEqualTo("OK");
  }

  @Test
  void truncatedDefaultIntentDataIsAnInvalidParameterNotAnInternalError() throws Exception {
    String id = calls.call(emulator, "CreateBusinessSystem", Map.of("CustSpaceId", WA, "SystemName", "Shop",
        "ApiUrl", "https://shop.example.com/cams")).data().getString("BusinessSystemId");
    RawManagementCalls.Reply reply = calls.call(emulator, "CreateIntent", Map.of("CustSpaceId", WA,
        "BusinessSystemId", id, "IntentCode", "ECHO", "IntentName", "Echo", "DefaultIntentData", "{\"lang\": \"en\","));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().getString("Message")).isEqualTo("DefaultIntentData must be a JSON object");
  }

  @Test
  void stateFileWithAnInvalidEntryRefusesToStartNamingTheFileAndField(@TempDir Path dir) throws Exception {
    String token = "AAAAbbbbCCCCddddEEEEffffGGGGhhhhIIIIjjjjKKK";
    Path file = dir.resolve("state.json");
    Files.writeString(file, "{\"Version\":1,\"Channels\":[{\"CustSpaceId\":\"cams-emu-whatsapp\","
        + "\"ChannelType\":\"whatsapp\",\"BusinessSystems\":[{\"BusinessSystemId\":\"bs-1\",\"SystemName\":\"Shop\","
        + "\"ApiUrl\":\"http://shop.example.com:70000/cams\",\"Signature\":\"" + token + "\",\"Intents\":[]}]}]}");
    assertThatThrownBy(() -> CamsEmulator.builder().stateFile(file).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("Channels[0].BusinessSystems[0]")
        .hasMessageContaining("ApiUrl")
        .message().doesNotContain(token);

    Files.writeString(file, "{\"Version\":1,\"Channels\":[{\"CustSpaceId\":\"cams-emu-whatsapp\","
        + "\"ChannelType\":\"whatsapp\",\"BusinessSystems\":[{\"BusinessSystemId\":\"bs-1\",\"SystemName\":\"Shop\","
        + "\"ApiUrl\":\"https://shop.example.com/cams\",\"Signature\":\"" + token + "!\",\"Intents\":[]}]}]}");
    assertThatThrownBy(() -> CamsEmulator.builder().stateFile(file).build())
        .hasMessageContaining(file.toString()).hasMessageContaining("Signature")
        .message().doesNotContain(token);

    Files.writeString(file, "{\"Version\":1,\"Channels\":[{\"CustSpaceId\":\"cams-emu-whatsapp\","
        + "\"ChannelType\":\"whatsapp\",\"OtpScheduling\":{\"Enabled\":true,\"Countries\":[\"XX\"]}}]}");
    assertThatThrownBy(() -> CamsEmulator.builder().stateFile(file).build())
        .hasMessageContaining(file.toString()).hasMessageContaining("OtpScheduling").hasMessageContaining("Countries");

    Files.writeString(file, "{\"Version\":1,\"Channels\":[{\"CustSpaceId\":\"cams-emu-whatsapp\","
        + "\"ChannelType\":\"whatsapp\",\"BusinessSystems\":[{\"BusinessSystemId\":\"bs-1\",\"SystemName\":\"Shop\","
        + "\"ApiUrl\":\"https://shop.example.com/cams\",\"Signature\":\"" + token + "\",\"Intents\":["
        + "{\"IntentCode\":\"bad code\",\"IntentName\":\"X\"}]}]}]}");
    assertThatThrownBy(() -> CamsEmulator.builder().stateFile(file).build())
        .hasMessageContaining(file.toString()).hasMessageContaining("Intents[0].IntentCode");
  }
}
