package io.camssdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.intent.ChannelType;
import io.camssdk.management.CamsManagementClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CamsEmulatorExtensionTest {
  @RegisterExtension
  static final CamsEmulatorExtension CAMS = new CamsEmulatorExtension(CamsEmulator.builder()
      .channel(new EmulatorChannel("cams-shop-line", ChannelType.LINE))
      .accessKey("LTAIext", "ext-secret")
      .backoffBase(Duration.ofMillis(5)));

  private static CamsEmulator first;

  @Test
  void injectsAConfiguredRunningEmulator(CamsEmulator emulator) {
    assertThat(emulator.channels()).containsExactly(new EmulatorChannel("cams-shop-line", ChannelType.LINE));
    assertThat(emulator.accessKeyId()).isEqualTo("LTAIext");
    assertThat(emulator.port()).isPositive();
    remember(emulator);
  }

  @Test
  void injectsAClientThatTalksToIt(CamsEmulator emulator, CamsManagementClient cams) {
    assertThat(cams.getServiceSettings("cams-shop-line").channelType()).isEqualTo("line");
    assertThat(cams.endpoint().getPort()).isEqualTo(emulator.port());
    remember(emulator);
  }

  private static synchronized void remember(CamsEmulator emulator) {
    if (first == null) {
      first = emulator;
    }
    assertThat(emulator).as("one emulator per test class").isSameAs(first);
  }
}
