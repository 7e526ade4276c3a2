package io.camssdk.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camssdk.signature.SignatureVerifier;
import io.camssdk.webhook.CamsEndpoint;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/** The handler's settings; its behaviour over HTTP is in the adapter and hostile-input contracts. */
final class ServletCallHandlerTest {

  @Test
  void readDeadlineDefaultsToTenSecondsAndMustBePositive() {
    assertThat(ServletCallHandler.create().readDeadline()).isEqualTo(Duration.ofSeconds(10));
    assertThat(ServletCallHandler.builder().readDeadline(Duration.ofMillis(1500)).build().readDeadline())
        .hasMillis(1500);
    assertThatThrownBy(() -> ServletCallHandler.builder().readDeadline(Duration.ZERO))
        .hasMessage("readDeadline must be positive but was PT0S");
    CamsEndpoint endpoint = CamsEndpoint.builder()
        .verifier(SignatureVerifier.builder().token("t-0123456789abcdef").build()).build();
    assertThatThrownBy(() -> new CamsIntentServlet(endpoint, Duration.ofSeconds(-1)))
        .hasMessage("readDeadline must be positive but was PT-1S");
  }

  @Test
  void closeLeavesASuppliedSchedulerToItsOwner() {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      ServletCallHandler.builder().scheduler(scheduler).build().close();
      assertThat(scheduler.isShutdown()).isFalse();
    } finally {
      scheduler.shutdownNow();
    }
  }
}
