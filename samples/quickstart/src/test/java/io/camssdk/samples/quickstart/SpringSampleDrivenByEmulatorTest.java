package io.camssdk.samples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.management.CamsManagementClient;
import io.camssdk.management.CreateBusinessSystemRequest;
import io.camssdk.management.CreatedBusinessSystem;
import io.camssdk.samples.springboot.SampleApplication;
import io.camssdk.testkit.CamsEmulator;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** The emulator drives the Spring Boot sample (embedded Tomcat 11) over loopback. */
class SpringSampleDrivenByEmulatorTest {

  @Test
  void handlesEveryIntentExactlyOnceWhenThirtyPercentOfAttemptsFailOrStall() throws Exception {
    try (CamsEmulator emulator = FaultRun.emulator()) {
      CamsManagementClient cams = emulator.managementClientBuilder().build();
      String space = CamsEmulator.DEFAULT_WHATSAPP_CUST_SPACE_ID;
      CreatedBusinessSystem system = cams.createBusinessSystem(CreateBusinessSystemRequest.builder()
          .custSpaceId(space).systemName("Spring sample").apiUrl("http://127.0.0.1:9/cams/intents").build());
      try (ConfigurableApplicationContext app = SampleApplication.start(Map.of(
          "cams.signature.tokens", system.signature(),
          "logging.level.io.camssdk", "OFF"))) {
        FaultRun.Result result = FaultRun.run(emulator, cams, space, system.businessSystemId(),
            URI.create("http://127.0.0.1:" + SampleApplication.port(app)));
        // The COUNT handler's own counter ended at N: it ran N times for N request ids.
        assertThat(result.counts()).hasSize(FaultRun.COUNT_CALLS);
        assertThat(result.counts().stream().mapToLong(Long::longValue).max().orElse(0))
            .isEqualTo(FaultRun.COUNT_CALLS);
      }
    }
  }
}
