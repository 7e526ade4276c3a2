package io.camssdk.webhook;

import static io.camssdk.webhook.TestCalls.CLOCK;
import static io.camssdk.webhook.TestCalls.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camssdk.CamsCode;
import io.camssdk.CamsConfigurationException;
import io.camssdk.intent.IntentRouter;
import io.camssdk.signature.SignatureScheme;
import io.camssdk.signature.SignatureVerifier;
import io.camssdk.signature.TokenLocation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 11: every rule of the endpoint's builder is checked there and raised as a CamsConfigurationException. */
class CamsEndpointBuilderTest {
  final SignatureVerifier verifier = SignatureVerifier.builder().token(TOKEN).clock(CLOCK).build();

  @Test
  void requiresAVerifier() {
    assertThatThrownBy(() -> CamsEndpoint.builder().build())
        .isInstanceOfSatisfying(CamsConfigurationException.class, e -> {
          assertThat(e.setting()).isEqualTo("verifier");
          assertThat(e.code()).isEqualTo(CamsCode.INVALID_CONFIGURATION);
        });
  }

  @Test
  void refusesRetentionShorterThanTwiceTheToleranceAndAdaptersCanRenameIt() {
    CamsConfigurationException e = (CamsConfigurationException) org.assertj.core.api.Assertions.catchThrowable(
        () -> CamsEndpoint.builder().verifier(verifier).retention(Duration.ofMinutes(9)).build());
    assertThat(e.setting()).isEqualTo("retention");
    assertThat(e.rule()).contains("twice the signature tolerance (PT10M)");
    CamsConfigurationException renamed = e.renamed("cams.duplicates.retention");
    assertThat(renamed.getMessage()).startsWith("cams.duplicates.retention must be at least twice")
        .contains("Fix: raise cams.duplicates.retention to at least PT10M");
    assertThat(CamsEndpoint.builder().verifier(verifier).retention(Duration.ofMinutes(10)).build()).isNotNull();
  }

  @Test
  void refusesNonPositiveDurationsAndSizesNamingTheSetting() {
    assertThatThrownBy(() -> CamsEndpoint.builder().lease(Duration.ZERO))
        .isInstanceOfSatisfying(CamsConfigurationException.class, e -> assertThat(e.setting()).isEqualTo("lease"));
    assertThatThrownBy(() -> CamsEndpoint.builder().retention(Duration.ofSeconds(-1)))
        .isInstanceOfSatisfying(CamsConfigurationException.class,
            e -> assertThat(e.setting()).isEqualTo("retention"));
    assertThatThrownBy(() -> CamsEndpoint.builder().handlerBudget(Duration.ZERO))
        .isInstanceOfSatisfying(CamsConfigurationException.class,
            e -> assertThat(e.setting()).isEqualTo("handlerBudget"));
    assertThatThrownBy(() -> CamsEndpoint.builder().maxBodyBytes(0))
        .isInstanceOfSatisfying(CamsConfigurationException.class,
            e -> assertThat(e.setting()).isEqualTo("maxBodyBytes"));
  }

  @Test
  void refusesARouterTogetherWithOnIntent() {
    assertThatThrownBy(() -> CamsEndpoint.builder().onIntent("A", call -> null)
            .router(IntentRouter.builder().build()))
        .isInstanceOfSatisfying(CamsConfigurationException.class, e -> assertThat(e.setting()).isEqualTo("router"));
    assertThatThrownBy(() -> CamsEndpoint.builder().router(IntentRouter.builder().build())
            .onIntent("A", call -> null))
        .isInstanceOfSatisfying(CamsConfigurationException.class,
            e -> assertThat(e.setting()).isEqualTo("onIntent"));
  }

  @Test
  void refusesASecondReceiptHandlerOfOneType() {
    assertThatThrownBy(() -> CamsEndpoint.builder().onStatus(batch -> {}).onStatus(batch -> {}))
        .isInstanceOfSatisfying(CamsConfigurationException.class,
            e -> assertThat(e.setting()).isEqualTo("onStatus"));
  }

  @Test
  void refusesATokenLocationWithoutTheTokenScheme() {
    assertThatThrownBy(() -> SignatureVerifier.builder().token(TOKEN)
            .tokenLocation(TokenLocation.header("X-Api-Key")).build())
        .isInstanceOfSatisfying(CamsConfigurationException.class,
            e -> assertThat(e.setting()).isEqualTo("tokenLocation"));
    assertThat(SignatureVerifier.builder().token(TOKEN).scheme(SignatureScheme.TOKEN)
        .tokenLocation(TokenLocation.header("X-Api-Key")).build().tokenLocation())
        .isEqualTo(TokenLocation.header("X-Api-Key"));
  }

  @Test
  void describesItselfWithoutSecrets() {
    CamsEndpoint endpoint = CamsEndpoint.builder().verifier(verifier).onIntent("A", call -> null).build();
    assertThat(endpoint.toString()).doesNotContain(TOKEN).contains("InMemoryDuplicateStore")
        .contains("receiptStore=");
  }
}
