package io.camssdk.spring.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.json.JsonObject;
import io.camssdk.management.CamsManagementClient;
import io.camssdk.testkit.CamsEmulator;
import io.camssdk.testkit.Delivery;
import io.camssdk.testkit.spring.AutoConfigureCamsEmulator;
import io.camssdk.testkit.spring.EmulatedBusinessSystem;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

// The starter README's test example, run as shown (package aside).
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureCamsEmulator(intents = {"ORDER_STATUS", "LEGACY_ORDER"})
class OrderIntentsTest {

  @Autowired
  CamsEmulator emulator;

  @Autowired
  EmulatedBusinessSystem system;

  @Autowired
  CamsManagementClient cams;                          // the application's client, pointed at the emulator

  @Test
  void answersOrderStatus() {
    Delivery delivery = system.trigger(emulator, "ORDER_STATUS", JsonObject.of(Map.of("orderId", "A-1001")))
        .await(Duration.ofSeconds(5));

    assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.DELIVERED);
    assertThat(delivery.lastAttempt().replyBody()).contains("\"status\":\"SHIPPED\"");
  }

  @Test
  void answersTheIntentRegisteredInCode() {
    Delivery delivery = system.trigger(emulator, "LEGACY_ORDER", JsonObject.of(Map.of("orderId", "L-7")))
        .await(Duration.ofSeconds(5));

    assertThat(delivery.lastAttempt().replyBody()).contains("\"orderId\":\"L-7\"");
  }

  @Test
  void theManagementClientSeesTheBusinessSystem() {
    assertThat(cams.listBusinessSystems(system.custSpaceId())).hasSize(1);
  }
}
