package io.camssdk.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class ValidationTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  CamsManagementClient client() {
    return CamsManagementClient.builder()
        .endpoint(server.url("/").toString())
        .credentials(Credentials.of("LTAI5tKey", "secret"))
        .build();
  }

  /** Runs {@code call}, expects a validation failure naming {@code field}, and checks nothing was sent. */
  CamsValidationException rejects(String field, Executable call) {
    CamsValidationException e = catchThrowableOfType(CamsValidationException.class, () -> {
      try {
        call.execute();
      } catch (Throwable t) {
        if (t instanceof RuntimeException r) {
          throw r;
        }
        throw new AssertionError(t);
      }
    });
    assertThat(e).as("expected a CamsValidationException").isNotNull();
    assertThat(e.parameter()).isEqualTo(field);
    assertThat(e.getMessage()).startsWith(field + " ");
    assertThat(server.getRequestCount()).isZero();
    return e;
  }

  CreateBusinessSystemRequest.Builder system() {
    return CreateBusinessSystemRequest.builder().custSpaceId("cams-1").systemName("Orders")
        .apiUrl("https://orders.example.com/cams");
  }

  CreateIntentRequest.Builder intent() {
    return CreateIntentRequest.builder().custSpaceId("cams-1").businessSystemId("bs-1").intentCode("A")
        .intentName("A");
  }

  @Test
  void rejectsSystemNameOutside1To64Characters() {
    rejects("SystemName", () -> client().createBusinessSystem(system().systemName("").build()));
    rejects("SystemName", () -> client().createBusinessSystem(system().systemName("x".repeat(65)).build()));
    rejects("SystemName", () -> system().systemName(null).build());
    assertThat(system().systemName("😀".repeat(64)).build().systemName()).hasSize(128); // 64 code points
  }

  @Test
  void rejectsApiUrlThatIsNotAbsoluteHttps() {
    CamsValidationException e = rejects("ApiUrl", () -> system().apiUrl("http://orders.example.com/cams").build());
    assertThat(e).hasMessage("ApiUrl must use https (http only for loopback hosts) but was "
        + "'http://orders.example.com/cams'");
    rejects("ApiUrl", () -> system().apiUrl("/cams").build());
    rejects("ApiUrl", () -> system().apiUrl("ftp://orders.example.com").build());
    rejects("ApiUrl", () -> ModifyBusinessSystemRequest.builder().custSpaceId("c").businessSystemId("b")
        .apiUrl("http://10.0.0.1/x").build());
  }

  @Test
  void acceptsPlainHttpApiUrlOnLoopbackHosts() {
    assertThat(system().apiUrl("http://127.0.0.1:8080/cams").build()).isNotNull();
    assertThat(system().apiUrl("http://localhost:8080/cams").build()).isNotNull();
    assertThat(system().apiUrl("http://[::1]:8080/cams").build()).isNotNull();
  }

  @Test
  void rejectsIntentCodeOutsideThePattern() {
    CamsValidationException e = rejects("IntentCode", () -> intent().intentCode("order status").build());
    assertThat(e).hasMessage("IntentCode must match [A-Za-z0-9_.-]{1,64} but was 'order status'");
    assertThat(e.rule()).isEqualTo("[A-Za-z0-9_.-]{1,64}");
    rejects("IntentCode", () -> intent().intentCode("x".repeat(65)).build());
    rejects("IntentCode", () -> client().deleteIntent("cams-1", "bs-1", "é"));
    assertThat(intent().intentCode("Order_status.v2-1").build().intentCode()).isEqualTo("Order_status.v2-1");
  }

  @Test
  void rejectsIntentNameOutside1To64Characters() {
    rejects("IntentName", () -> intent().intentName("").build());
    rejects("IntentName", () -> intent().intentName("n".repeat(65)).build());
  }

  @Test
  void rejectsDefaultIntentDataThatIsNotAnObjectOrTooLarge() {
    rejects("DefaultIntentData", () -> intent().defaultIntentData(List.of(1, 2)));
    rejects("DefaultIntentData", () -> intent().defaultIntentData("{\"a\":1}"));
    CamsValidationException tooBig = rejects("DefaultIntentData",
        () -> intent().defaultIntentData(Map.of("k", "v".repeat(4090))));
    assertThat(tooBig.rule()).isEqualTo("at most 4 KiB");
    assertThat(intent().defaultIntentData(Map.of("k", "v".repeat(4088))).build()).isNotNull(); // exactly 4096
  }

  @Test
  void rejectsCountriesThatAreEmptyWhenEnabledInvalidOrRepeated() {
    CamsValidationException empty = rejects("Countries",
        () -> client().modifyOtpScheduling("cams-1", new OtpScheduling(true, List.of(), false)));
    assertThat(empty).hasMessage("Countries must not be empty when Enabled is true");
    rejects("Countries", () -> client().modifyOtpScheduling("cams-1", new OtpScheduling(true, List.of("XX"), false)));
    rejects("Countries", () -> client().modifyOtpScheduling("cams-1", new OtpScheduling(true, List.of("sg"), false)));
    rejects("Countries", () -> client().modifyOtpScheduling("cams-1", new OtpScheduling(true, List.of("SGP"), false)));
    CamsValidationException twice = rejects("Countries",
        () -> client().modifyOtpScheduling("cams-1", new OtpScheduling(true, List.of("SG", "ID", "SG"), false)));
    assertThat(twice).hasMessage("Countries must not hold duplicates but holds SG twice");
  }

  @Test
  void rejectsMissingIdsAndBadPaging() {
    rejects("CustSpaceId", () -> client().listBusinessSystems(" "));
    rejects("BusinessSystemId", () -> client().deleteBusinessSystem("cams-1", null));
    rejects("PageIndex", () -> client().listIntents("cams-1", "bs-1", 0, 20));
    rejects("PageSize", () -> client().listIntents("cams-1", "bs-1", 1, 101));
    rejects("PageSize", () -> client().listIntentsAsync("cams-1", "bs-1", 1, 0));
  }

  @Test
  void asyncVariantsValidateBeforeSending() {
    rejects("Countries", () -> client().modifyOtpSchedulingAsync("cams-1",
        new OtpScheduling(true, new ArrayList<>(), true)));
  }

  @Test
  void validationExceptionIsACamsExceptionWithTheInvalidParameterCode() {
    assertThatThrownBy(() -> intent().intentCode("").build())
        .isInstanceOfSatisfying(io.camssdk.CamsException.class,
            e -> assertThat(e.code()).isEqualTo(io.camssdk.CamsCode.INVALID_PARAMETER));
  }
}
