package io.camssdk.samples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.duplicate.InMemoryDuplicateStore;
import io.camssdk.json.JsonObject;
import io.camssdk.management.CamsManagementClient;
import io.camssdk.management.CreateBusinessSystemRequest;
import io.camssdk.management.CreatedBusinessSystem;
import io.camssdk.samples.jetty.SampleServer;
import io.camssdk.testkit.CamsEmulator;
import io.camssdk.testkit.Delivery;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The emulator drives the servlet sample (embedded Jetty 12) over loopback. */
class ServletSampleDrivenByEmulatorTest {

  private static CreatedBusinessSystem createSystem(CamsManagementClient cams, String space) {
    return cams.createBusinessSystem(CreateBusinessSystemRequest.builder().custSpaceId(space)
        .systemName("Jetty sample").apiUrl("http://127.0.0.1:9/cams/intents").build());
  }

  @Test
  void handlesEveryIntentExactlyOnceWhenThirtyPercentOfAttemptsFailOrStall() throws Exception {
    try (CamsEmulator emulator = FaultRun.emulator()) {
      CamsManagementClient cams = emulator.managementClientBuilder().build();
      String space = CamsEmulator.DEFAULT_WHATSAPP_CUST_SPACE_ID;
      CreatedBusinessSystem system = createSystem(cams, space);
      try (SampleServer sample = SampleServer.start(0, List.of(system.signature()),
          InMemoryDuplicateStore.create())) {
        FaultRun.run(emulator, cams, space, system.businessSystemId(),
            URI.create("http://127.0.0.1:" + sample.port()));
        assertThat(sample.countRuns()).isEqualTo(FaultRun.COUNT_CALLS);
        assertThat(sample.handlerRuns()).isEqualTo(FaultRun.COUNT_CALLS + FaultRun.ECHO_CALLS);
      }
    }
  }

  @Test
  void receivesSignedReceiptPushesOfEveryType() throws Exception {
    try (CamsEmulator emulator = CamsEmulator.builder().backoffBase(Duration.ofMillis(10)).build().start()) {
      CamsManagementClient cams = emulator.managementClientBuilder().build();
      String space = CamsEmulator.DEFAULT_WHATSAPP_CUST_SPACE_ID;
      CreatedBusinessSystem system = createSystem(cams, space);
      try (SampleServer sample = SampleServer.start(0, List.of(system.signature()),
          InMemoryDuplicateStore.create())) {
        String base = "http://127.0.0.1:" + sample.port();
        emulator.callbackUrl(Delivery.Kind.STATUS, URI.create(base + "/cams/receipts/status"),
            system.businessSystemId());
        emulator.callbackUrl(Delivery.Kind.INBOUND, URI.create(base + "/cams/receipts/inbound"),
            system.businessSystemId());
        emulator.callbackUrl(Delivery.Kind.AUDIT, URI.create(base + "/cams/receipts/audit"), null);
        emulator.pushStatus(List.of(
            JsonObject.of(Map.of("MessageId", "m-1", "Status", "Sent", "Timestamp", 1732420000000L)),
            JsonObject.of(Map.of("MessageId", "m-1", "Status", "Delivered", "Timestamp", 1732420001000L))));
        emulator.pushInbound(List.of(JsonObject.of(Map.of("MessageId", "m-2", "Type", "TEXT", "Message", "hi",
            "Timestamp", 1732420002000L))));
        emulator.pushAudit(List.of(JsonObject.of(Map.of("WabaId", "w-1", "TemplateCode", "t-1",
            "Language", "en", "AuditStatus", "pass"))));
        List<Delivery> log = emulator.awaitDeliveries(Duration.ofSeconds(20));
        assertThat(log).hasSize(3).allSatisfy(d ->
            assertThat(d.outcome()).as(d.summary()).isEqualTo(Delivery.Outcome.DELIVERED));
        assertThat(sample.receiptItems()).isEqualTo(4);
      }
    }
  }
}
