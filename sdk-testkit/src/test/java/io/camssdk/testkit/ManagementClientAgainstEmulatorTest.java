package io.camssdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camssdk.json.JsonObject;
import io.camssdk.management.BusinessSystem;
import io.camssdk.management.CamsApiException;
import io.camssdk.management.CamsManagementClient;
import io.camssdk.management.CreateBusinessSystemRequest;
import io.camssdk.management.CreateIntentRequest;
import io.camssdk.management.CreatedBusinessSystem;
import io.camssdk.management.Intent;
import io.camssdk.management.IntentPage;
import io.camssdk.management.ModifyBusinessSystemRequest;
import io.camssdk.management.ModifyIntentRequest;
import io.camssdk.management.OtpScheduling;
import io.camssdk.management.RetryPolicy;
import io.camssdk.management.ServiceSettings;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The SDK's management client runs its whole action set against the emulator, over loopback. */
@CamsEmulatorTest
class ManagementClientAgainstEmulatorTest {
  private static final String WA = CamsEmulator.DEFAULT_WHATSAPP_CUST_SPACE_ID;
  private static final String VIBER = CamsEmulator.DEFAULT_VIBER_CUST_SPACE_ID;

  private static CreatedBusinessSystem create(CamsManagementClient cams, String name) {
    return cams.createBusinessSystem(CreateBusinessSystemRequest.builder().custSpaceId(WA).systemName(name)
        .apiUrl("https://" + name.toLowerCase() + ".example.com/cams").remarks("test").build());
  }

  @Test
  void managesBusinessSystemsEndToEnd(CamsEmulator emulator, CamsManagementClient cams) {
    CreatedBusinessSystem created = create(cams, "Orders");
    assertThat(emulator.signatureTokens(created.businessSystemId())).containsExactly(created.signature());

    cams.modifyBusinessSystem(ModifyBusinessSystemRequest.builder().custSpaceId(WA)
        .businessSystemId(created.businessSystemId()).systemName("Orders v2")
        .apiUrl("http://127.0.0.1:9/cams").build());
    List<BusinessSystem> systems = cams.listBusinessSystems(WA);
    BusinessSystem listed = systems.stream().filter(s -> s.businessSystemId().equals(created.businessSystemId()))
        .findFirst().orElseThrow();
    assertThat(listed.systemName()).isEqualTo("Orders v2");
    assertThat(listed.apiUrl()).isEqualTo("http://127.0.0.1:9/cams");
    assertThat(listed.remarks()).isEqualTo("test");
    assertThat(created.signature()).endsWith(listed.signatureHint());

    String fresh = cams.refreshBusinessSystemSignature(WA, created.businessSystemId()).signature();
    assertThat(emulator.signatureTokens(created.businessSystemId())).containsExactly(fresh, created.signature());

    cams.deleteBusinessSystem(WA, created.businessSystemId());
    assertThat(cams.listBusinessSystems(WA)).extracting(BusinessSystem::businessSystemId)
        .doesNotContain(created.businessSystemId());
    assertThatThrownBy(() -> cams.deleteBusinessSystem(WA, created.businessSystemId()))
        .isInstanceOfSatisfying(CamsApiException.class, e -> {
          assertThat(e.errorCode()).isEqualTo("BusinessSystem.NotFound");
          assertThat(e.kind()).isEqualTo(CamsApiException.Kind.NOT_FOUND);
        });
  }

  @Test
  void managesIntentsWithPaging(CamsManagementClient cams) {
    String id = create(cams, "Intents").businessSystemId();
    for (int i = 1; i <= 25; i++) {
      cams.createIntent(CreateIntentRequest.builder().custSpaceId(WA).businessSystemId(id).intentCode("I" + i)
          .intentName("Intent " + i).defaultIntentData(Map.of("n", i)).build());
    }
    CreateIntentRequest echo = CreateIntentRequest.builder().custSpaceId(WA).businessSystemId(id).intentCode("ECHO")
        .intentName("Echo").defaultIntentData(Map.of("lang", "en")).build();
    cams.createIntent(echo);
    assertThatThrownBy(() -> cams.createIntent(echo)).isInstanceOfSatisfying(CamsApiException.class,
        e -> assertThat(e.kind()).isEqualTo(CamsApiException.Kind.ALREADY_EXISTS));

    cams.modifyIntent(ModifyIntentRequest.builder().custSpaceId(WA).businessSystemId(id).intentCode("ECHO")
        .intentName("Echo back").defaultIntentData(Map.of("lang", "de")).build());
    IntentPage first = cams.listIntents(WA, id, 1, 20);
    assertThat(first.total()).isEqualTo(26);
    assertThat(first.intents()).hasSize(20);
    assertThat(first.hasNext()).isTrue();
    Map<String, Intent> all = cams.streamIntents(WA, id).collect(Collectors.toMap(Intent::intentCode, i -> i));
    assertThat(all).hasSize(26);
    assertThat(all.get("ECHO").intentName()).isEqualTo("Echo back");
    assertThat(all.get("ECHO").defaultIntentData()).isEqualTo(JsonObject.of(Map.of("lang", "de")));
    assertThat(all.get("I7").defaultIntentData().get("n")).isEqualTo(7L);

    cams.deleteIntent(WA, id, "ECHO");
    assertThatThrownBy(() -> cams.deleteIntent(WA, id, "ECHO")).isInstanceOfSatisfying(CamsApiException.class,
        e -> assertThat(e.errorCode()).isEqualTo("Intent.NotFound"));
  }

  @Test
  void managesServiceSettingsAndRefusesOtpSchedulingOnViber(CamsManagementClient cams) {
    cams.modifySmsActivation(WA, true);
    cams.modifyOtpScheduling(WA, new OtpScheduling(true, List.of("SG", "ID"), true));
    ServiceSettings settings = cams.getServiceSettings(WA);
    assertThat(settings.channelType()).isEqualTo("whatsapp");
    assertThat(settings.smsActivated()).isTrue();
    assertThat(settings.otpScheduling()).isEqualTo(new OtpScheduling(true, List.of("SG", "ID"), true));

    assertThatThrownBy(() -> cams.modifyOtpScheduling(VIBER, new OtpScheduling(true, List.of("SG"), false)))
        .isInstanceOfSatisfying(CamsApiException.class, e -> {
          assertThat(e.httpStatus()).isEqualTo(400);
          assertThat(e.errorCode()).isEqualTo("OtpScheduling.NotSupported");
          assertThat(e.kind()).isEqualTo(CamsApiException.Kind.NOT_SUPPORTED);
        });
    assertThat(cams.getServiceSettings(VIBER).channelType()).isEqualTo("viber");
  }

  @Test
  void asyncVariantsWork(CamsManagementClient cams) throws Exception {
    CreatedBusinessSystem created = cams.createBusinessSystemAsync(CreateBusinessSystemRequest.builder()
        .custSpaceId(WA).systemName("Async").apiUrl("https://async.example.com/cams").build()).get();
    assertThat(cams.listBusinessSystemsAsync(WA).get()).extracting(BusinessSystem::businessSystemId)
        .contains(created.businessSystemId());
  }

  @Test
  void rejectsWrongSecretAndUnknownKey(CamsEmulator emulator) {
    CamsManagementClient wrongSecret = emulator.managementClientBuilder()
        .credentials(io.camssdk.management.Credentials.of(emulator.accessKeyId(), "wrong-secret"))
        .retryPolicy(RetryPolicy.none()).build();
    assertThatThrownBy(() -> wrongSecret.listBusinessSystems(WA)).isInstanceOfSatisfying(CamsApiException.class,
        e -> {
          assertThat(e.errorCode()).isEqualTo("SignatureDoesNotMatch");
          assertThat(e.kind()).isEqualTo(CamsApiException.Kind.AUTH_FAILURE);
          assertThat(e.getMessage()).doesNotContain("wrong-secret");
        });
    CamsManagementClient unknown = emulator.managementClientBuilder()
        .credentials(io.camssdk.management.Credentials.of("LTAIunknownKey", "secret"))
        .retryPolicy(RetryPolicy.none()).build();
    assertThatThrownBy(() -> unknown.listBusinessSystems(WA)).isInstanceOfSatisfying(CamsApiException.class,
        e -> assertThat(e.errorCode()).isEqualTo("InvalidAccessKeyId.NotFound"));
  }

  @Test
  void clientRetriesThrottlingFromEmulator(CamsEmulator emulator) {
    CamsManagementClient retrying = emulator.managementClientBuilder()
        .retryPolicy(RetryPolicy.builder().maxAttempts(3).build())
        .sleeper(duration -> { })
        .build();
    emulator.failNextManagementCalls(2, 503, "ServiceUnavailable");
    assertThat(retrying.listBusinessSystems(VIBER)).isEmpty();
  }

  @Test
  void clientAndEmulatorAgreeOnValidation(CamsEmulator emulator) throws Exception {
    // The client refuses before sending; the emulator refuses the same input with InvalidParameter.
    CamsManagementClient cams = CamsEmulatorExtension.managementClient(emulator);
    assertThatThrownBy(() -> cams.createBusinessSystem(CreateBusinessSystemRequest.builder().custSpaceId(WA)
        .systemName("S").apiUrl("http://shop.example.com").build()))
        .isInstanceOf(io.camssdk.management.CamsValidationException.class)
        .hasMessageContaining("ApiUrl");
    RawManagementCalls raw = new RawManagementCalls(emulator.url());
    assertThat(raw.call(emulator, "CreateBusinessSystem", Map.of("CustSpaceId", WA, "SystemName", "S",
        "ApiUrl", "http://shop.example.com")).code()).isEqualTo("InvalidParameter");
  }
}
