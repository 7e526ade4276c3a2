package io.camssdk.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.json.JsonObject;
import io.camssdk.management.BusinessSystem;
import io.camssdk.management.CamsManagementClient;
import io.camssdk.testkit.CamsEmulator;
import io.camssdk.testkit.Delivery;
import io.camssdk.testkit.spring.AutoConfigureCamsEmulator;
import io.camssdk.testkit.spring.EmulatedBusinessSystem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

/**
 * One annotation, no token, no {@code @DynamicPropertySource}: the emulator starts before the context, the
 * application's placeholder for the token is overridden, and the emulator's calls reach the real port.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"cams.signature.tokens=${CAMS_SIGNATURE_TOKENS_THAT_THE_TEST_NEVER_SETS}",
        "cams.paths.intents=/hooks/cams"})
@AutoConfigureCamsEmulator(intents = {"ORDER_STATUS", "PING"})
class AutoConfigureCamsEmulatorTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    TestHandlers.OrderHandlers orderHandlers() {
      return new TestHandlers.OrderHandlers();
    }

    @Bean
    TestHandlers.ReceiptHandlers receiptHandlers() {
      return new TestHandlers.ReceiptHandlers();
    }
  }

  @Autowired
  CamsEmulator emulator;

  @Autowired
  EmulatedBusinessSystem system;

  @Autowired
  CamsManagementClient cams;

  @Autowired
  TestHandlers.OrderHandlers handlers;

  @Autowired
  TestHandlers.ReceiptHandlers receipts;

  @Value("${local.server.port}")
  int port;

  @Test
  void anIntentTriggeredOnTheEmulatorIsAnsweredByTheApplicationOnItsRealPort() throws Exception {
    Delivery delivery = system.trigger(emulator, "ORDER_STATUS", JsonObject.of(Map.of("orderId", "A-1001")))
        .await(Duration.ofSeconds(10));

    assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.DELIVERED);
    assertThat(delivery.url().toString()).isEqualTo("http://127.0.0.1:" + port + "/hooks/cams");
    assertThat(delivery.lastAttempt().status()).isEqualTo(200);
    assertThat(delivery.lastAttempt().replyBody()).contains("\"orderId\":\"A-1001\"", "\"status\":\"shipped\"");
    assertThat(handlers.statusCalls.get()).isPositive();
  }

  @Test
  void theApplicationVerifiesWithTheTokenTheEmulatorSignsWith() {
    assertThat(emulator.signatureTokens(system.businessSystemId())).hasSize(1);
    assertThat(handlers).isNotNull();
    Delivery delivery = system.trigger(emulator, "PING", JsonObject.of(Map.of("n", 7)))
        .await(Duration.ofSeconds(10));
    assertThat(delivery.lastAttempt().code()).isEqualTo("OK");
  }

  @Test
  void theStartersManagementClientIsPointedAtTheEmulatorWithItsKeys() {
    List<BusinessSystem> systems = cams.listBusinessSystems(system.custSpaceId());

    assertThat(systems).extracting(BusinessSystem::businessSystemId).contains(system.businessSystemId());
    assertThat(systems).filteredOn(s -> s.businessSystemId().equals(system.businessSystemId()))
        .extracting(BusinessSystem::apiUrl).containsExactly("http://127.0.0.1:" + port + "/hooks/cams");
  }

  @Test
  void receiptPushesReachTheApplicationsReceiptHandlers() {
    Delivery delivery = emulator.pushStatus(List.of(JsonObject.of(Map.of("MessageId", "m-emu-1",
        "Status", "DELIVERED")))).await(Duration.ofSeconds(10));

    assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.DELIVERED);
    assertThat(receipts.statuses).extracting(r -> r.messageId()).contains("m-emu-1");
  }
}
