package io.camssdk.samples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.json.JsonObject;
import io.camssdk.testkit.CamsEmulator;
import io.camssdk.testkit.Delivery;
import io.camssdk.testkit.spring.AutoConfigureCamsEmulator;
import io.camssdk.testkit.spring.EmulatedBusinessSystem;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The sample as it runs in production, against the platform emulator: the emulator's token replaces
 * {@code ${CAMS_SIGNATURE_TOKENS:}} of application.properties, and its calls reach the sample's real port.
 */
@SpringBootTest(classes = SampleApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureCamsEmulator(intents = {"ECHO", "FAIL_ONCE"})
class SampleAgainstTheEmulatorTest {

  @Autowired
  CamsEmulator emulator;

  @Autowired
  EmulatedBusinessSystem system;

  @Test
  void echoesTheDataOfACallTheEmulatorSends() {
    Delivery delivery = system.trigger(emulator, "ECHO", JsonObject.of(Map.of("orderId", "A-1001")))
        .await(Duration.ofSeconds(10));

    assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.DELIVERED);
    assertThat(delivery.lastAttempt().replyBody()).contains("\"orderId\":\"A-1001\"");
  }

  @Test
  void aFailedCallSucceedsOnTheEmulatorsRetry() {
    Delivery delivery = system.trigger(emulator, "FAIL_ONCE", JsonObject.of(Map.of("x", 1)))
        .await(Duration.ofSeconds(10));

    assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.DELIVERED);
    assertThat(delivery.attempts()).extracting(Delivery.Attempt::status).containsExactly(500, 200);
  }
}
