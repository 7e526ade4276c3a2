package io.camssdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagementApiTest {
  private static final String WA = CamsEmulator.DEFAULT_WHATSAPP_CUST_SPACE_ID;
  private static final String VIBER = CamsEmulator.DEFAULT_VIBER_CUST_SPACE_ID;

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

  private RawManagementCalls.Reply call(String action, Map<String, String> query) throws Exception {
    return calls.call(emulator, action, query);
  }

  private String createSystem() throws Exception {
    RawManagementCalls.Reply reply = call("CreateBusinessSystem", Map.of("CustSpaceId", WA, "SystemName", "Shop",
        "ApiUrl", "https://shop.example.com/cams"));
    return reply.data().getString("BusinessSystemId");
  }

  @Test
  void createsBusinessSystemAndIssuesToken() throws Exception {
    RawManagementCalls.Reply reply = call("CreateBusinessSystem", Map.of("CustSpaceId", WA, "SystemName", "Shop",
        "ApiUrl", "https://shop.example.com/cams", "Remarks", "demo"));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.code()).isEqualTo("OK");
    assertThat(reply.body().getString("RequestId")).isNotBlank();
    String id = reply.data().getString("BusinessSystemId");
    String token = reply.data().getString("Signature");
    assertThat(emulator.signatureTokens(id)).containsExactly(token);

    RawManagementCalls.Reply list = call("ListBusinessSystems", Map.of("CustSpaceId", WA));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> systems = (List<Map<String, Object>>) list.body().get("Data");
    assertThat(systems).singleElement().satisfies(s -> {
      assertThat(s).containsEntry("BusinessSystemId", id).containsEntry("SystemName", "Shop")
          .containsEntry("Remarks", "demo").containsEntry("SignatureHint", token.substring(token.length() - 4));
      assertThat(s.toString()).doesNotContain(token);
    });
  }

  @Test
  void rejectsWrongSecretWithSignatureDoesNotMatch() throws Exception {
    RawManagementCalls.Reply reply = calls.call("ListBusinessSystems", Map.of("CustSpaceId", WA),
        emulator.accessKeyId(), "not-the-secret");
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("SignatureDoesNotMatch");
    assertThat(reply.body().getString("Message")).doesNotContain(emulator.accessKeySecret());
  }

  @Test
  void rejectsUnknownAccessKeyId() throws Exception {
    RawManagementCalls.Reply reply = calls.call("ListBusinessSystems", Map.of("CustSpaceId", WA), "LTAIunknown",
        "whatever");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.code()).isEqualTo("InvalidAccessKeyId.NotFound");
  }

  @Test
  void rejectsReusedNonceAndStaleDate() throws Exception {
    String nonce = UUID.randomUUID().toString();
    Map<String, String> query = Map.of("CustSpaceId", WA);
    assertThat(calls.call("ListBusinessSystems", query, emulator.accessKeyId(), emulator.accessKeySecret(),
        Instant.now(), nonce).status()).isEqualTo(200);
    assertThat(calls.call("ListBusinessSystems", query, emulator.accessKeyId(), emulator.accessKeySecret(),
        Instant.now(), nonce).code()).isEqualTo("SignatureNonceUsed");
    assertThat(calls.call("ListBusinessSystems", query, emulator.accessKeyId(), emulator.accessKeySecret(),
        Instant.now().minusSeconds(3600), UUID.randomUUID().toString()).code()).isEqualTo("InvalidTimeStamp.Expired");
  }

  @Test
  void validatesParametersNamingTheField() throws Exception {
    RawManagementCalls.Reply plainHttp = call("CreateBusinessSystem", Map.of("CustSpaceId", WA, "SystemName", "S",
        "ApiUrl", "http://shop.example.com/cams"));
    assertThat(plainHttp.status()).isEqualTo(400);
    assertThat(plainHttp.code()).isEqualTo("InvalidParameter");
    assertThat(plainHttp.body().getString("Message")).startsWith("ApiUrl");

    assertThat(call("CreateBusinessSystem", Map.of("CustSpaceId", WA, "SystemName", "S",
        "ApiUrl", "http://127.0.0.1:8080/cams")).code()).isEqualTo("OK");
    assertThat(call("CreateBusinessSystem", Map.of("CustSpaceId", WA, "SystemName", "x".repeat(65),
        "ApiUrl", "https://a.example")).body().getString("Message")).startsWith("SystemName");
    assertThat(call("CreateBusinessSystem", Map.of("CustSpaceId", WA, "ApiUrl", "https://a.example"))
        .body().getString("Message")).isEqualTo("SystemName is required");

    String id = createSystem();
    Map<String, String> intent = Map.of("CustSpaceId", WA, "BusinessSystemId", id, "IntentCode", "BAD CODE",
        "IntentName", "n");
    assertThat(call("CreateIntent", intent).body().getString("Message")).startsWith("IntentCode");
    assertThat(call("CreateIntent", Map.of("CustSpaceId", WA, "BusinessSystemId", id, "IntentCode", "OK",
        "IntentName", "n", "DefaultIntentData", "[1]")).body().getString("Message")).startsWith("DefaultIntentData");
    assertThat(call("CreateIntent", Map.of("CustSpaceId", WA, "BusinessSystemId", id, "IntentCode", "OK",
        "IntentName", "n", "DefaultIntentData", "{\"a\":\"" + "x".repeat(4100) + "\"}")).body().getString("Message"))
        .isEqualTo("DefaultIntentData must be at most 4 KiB");
    assertThat(call("ModifyOtpScheduling", Map.of("CustSpaceId", WA, "Enabled", "true", "Countries", "[\"SG\",\"SG\"]"))
        .body().getString("Message")).isEqualTo("Countries must not repeat SG");
    assertThat(call("ModifyOtpScheduling", Map.of("CustSpaceId", WA, "Enabled", "true", "Countries", "[\"XX\"]"))
        .body().getString("Message")).startsWith("Countries must hold ISO 3166-1 alpha-2");
    assertThat(call("ModifyOtpScheduling", Map.of("CustSpaceId", WA, "Enabled", "true", "Countries", "[]"))
        .body().getString("Message")).isEqualTo("Countries must not be empty when Enabled is true");
    assertThat(call("ListIntents", Map.of("CustSpaceId", WA, "BusinessSystemId", id, "PageSize", "101"))
        .body().getString("Message")).startsWith("PageSize");
  }

  @Test
  void answersNotFoundAndAlreadyExistsCodes() throws Exception {
    assertThat(call("ListBusinessSystems", Map.of("CustSpaceId", "cams-nope")).code()).isEqualTo("CustSpace.NotFound");
    assertThat(call("DeleteBusinessSystem", Map.of("CustSpaceId", WA, "BusinessSystemId", "bs-missing")).code())
        .isEqualTo("BusinessSystem.NotFound");
    String id = createSystem();
    Map<String, String> intent = Map.of("CustSpaceId", WA, "BusinessSystemId", id, "IntentCode", "ECHO",
        "IntentName", "Echo", "DefaultIntentData", "{\"lang\":\"en\"}");
    assertThat(call("CreateIntent", intent).code()).isEqualTo("OK");
    RawManagementCalls.Reply again = call("CreateIntent", intent);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.code()).isEqualTo("Intent.AlreadyExists");
    RawManagementCalls.Reply missing = call("DeleteIntent", Map.of("CustSpaceId", WA, "BusinessSystemId", id,
        "IntentCode", "NOPE"));
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.code()).isEqualTo("Intent.NotFound");
    assertThat(call("NoSuchAction", Map.of()).code()).isEqualTo("InvalidAction.NotFound");
  }

  @Test
  void refusesOtpSchedulingOnViberChannel() throws Exception {
    RawManagementCalls.Reply reply = call("ModifyOtpScheduling", Map.of("CustSpaceId", VIBER, "Enabled", "true",
        "Countries", "[\"SG\"]", "UseOwnNumbers", "false"));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("OtpScheduling.NotSupported");

    assertThat(call("ModifyOtpScheduling", Map.of("CustSpaceId", WA, "Enabled", "true",
        "Countries", "[\"SG\",\"ID\"]", "UseOwnNumbers", "true")).code()).isEqualTo("OK");
    assertThat(call("ModifySmsActivation", Map.of("CustSpaceId", WA, "Activated", "true")).code()).isEqualTo("OK");
    JsonObject settings = call("GetServiceSettings", Map.of("CustSpaceId", WA)).data();
    assertThat(settings.getString("ChannelType")).isEqualTo("whatsapp");
    assertThat(settings.get("SmsActivated")).isEqualTo(true);
    assertThat(settings.getObject("OtpScheduling").asMap())
        .containsEntry("Enabled", true).containsEntry("Countries", List.of("SG", "ID"))
        .containsEntry("UseOwnNumbers", true);
  }

  @Test
  void pagesIntents() throws Exception {
    String id = createSystem();
    for (int i = 1; i <= 5; i++) {
      call("CreateIntent", Map.of("CustSpaceId", WA, "BusinessSystemId", id, "IntentCode", "I" + i,
          "IntentName", "Intent " + i));
    }
    JsonObject page = call("ListIntents", Map.of("CustSpaceId", WA, "BusinessSystemId", id, "PageIndex", "2",
        "PageSize", "2")).data();
    assertThat(page.get("Total")).isEqualTo(5L);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list = (List<Map<String, Object>>) page.get("List");
    assertThat(list).extracting(m -> m.get("IntentCode")).containsExactly("I3", "I4");
  }

  @Test
  void answersInjectedFaultsWithRetryAfter() throws Exception {
    emulator.failNextManagementCalls(1, 429, "Throttling");
    RawManagementCalls.Reply reply = call("ListBusinessSystems", Map.of("CustSpaceId", WA));
    assertThat(reply.status()).isEqualTo(429);
    assertThat(reply.code()).isEqualTo("Throttling");
    assertThat(call("ListBusinessSystems", Map.of("CustSpaceId", WA)).code()).isEqualTo("OK");
  }

  @Test
  void keepsStateInJsonFileAcrossRestarts(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("state.json");
    String id;
    String token;
    try (CamsEmulator first = CamsEmulator.builder().stateFile(file).build().start()) {
      RawManagementCalls.Reply created = new RawManagementCalls(first.url()).call(first, "CreateBusinessSystem",
          Map.of("CustSpaceId", WA, "SystemName", "Shop", "ApiUrl", "https://shop.example.com/cams"));
      id = created.data().getString("BusinessSystemId");
      token = created.data().getString("Signature");
      new RawManagementCalls(first.url()).call(first, "CreateIntent", Map.of("CustSpaceId", WA,
          "BusinessSystemId", id, "IntentCode", "ECHO", "IntentName", "Echo", "DefaultIntentData", "{\"n\":1}"));
    }
    assertThat(Files.readString(file)).contains(id);
    try (CamsEmulator second = CamsEmulator.builder().stateFile(file).build().start()) {
      assertThat(second.signatureTokens(id)).containsExactly(token);
      JsonObject page = new RawManagementCalls(second.url()).call(second, "ListIntents",
          Map.of("CustSpaceId", WA, "BusinessSystemId", id)).data();
      assertThat(page.get("Total")).isEqualTo(1L);
    }
  }
}
