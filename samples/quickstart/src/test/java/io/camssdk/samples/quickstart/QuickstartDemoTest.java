package io.camssdk.samples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Keeps the README's first command green: the demo runs to the end and exits 0. */
class QuickstartDemoTest {

  @Test
  void demoRunsEveryStepAndSucceeds() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    int code = new QuickstartDemo(out, Duration.ofMillis(10)).run();
    String transcript = buffer.toString(StandardCharsets.UTF_8);
    assertThat(code).as(transcript).isZero();
    assertThat(transcript)
        .contains("refused: HTTP 400 OtpScheduling.NotSupported")
        .contains("FAIL_ONCE -> #1 500 HandlerError")
        .contains("Delivery log: 8 deliveries, 8 delivered, 9 attempts.")
        .contains("Quickstart OK");
  }
}
