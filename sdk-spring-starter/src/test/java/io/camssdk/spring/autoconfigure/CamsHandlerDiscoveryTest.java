package io.camssdk.spring.autoconfigure;

import static io.camssdk.spring.autoconfigure.TestHandlers.TOKEN;
import static io.camssdk.spring.autoconfigure.TestHandlers.signedRequest;
import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.CamsCode;
import io.camssdk.receipt.ReceiptType;
import io.camssdk.spring.CamsConfigurationException;
import io.camssdk.spring.CamsHandlerConfigurer;
import io.camssdk.spring.CamsHandlerMethods;
import io.camssdk.webhook.CamsEndpoint;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** Handler discovery: by the container, after conditions; annotated methods and handlers registered in code mix. */
class CamsHandlerDiscoveryTest {
  private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
      AutoConfigurations.of(CamsHandlerDiscoveryAutoConfiguration.class, CamsEndpointAutoConfiguration.class));
  private final WebApplicationContextRunner withToken = runner.withPropertyValues("cams.signature.tokens=" + TOKEN);

  /** Handlers in code, next to the annotated {@link TestHandlers.OrderHandlers}. */
  static CamsHandlerConfigurer codeHandlers() {
    return handlers -> handlers
        .intent("IN_CODE", call -> Map.of("from", "configurer", "code", call.intentCode()))
        .defaultIntent(call -> Map.of("fallback", call.intentCode()))
        .audit(receipts -> { });
  }

  @Test
  void theContainerCreatesTheHandlerBeansBeforeTheHandlerMethodsBean() {
    withToken.withBean("orders", TestHandlers.OrderHandlers.class)
        .withBean("inCode", CamsHandlerConfigurer.class, CamsHandlerDiscoveryTest::codeHandlers)
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBeanFactory().getBeanDefinition("camsHandlerMethods").getDependsOn())
              .contains("orders", "inCode");
        });
  }

  /** Before, the condition inspected every bean class for handler methods and matched on them. */
  @Test
  void theEndpointConditionDecidesWithoutInspectingHandlerBeans() {
    new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(CamsEndpointAutoConfiguration.class))
        .withBean(TestHandlers.OrderHandlers.class).run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean(CamsEndpoint.class);
          String outcomes = java.util.stream.StreamSupport.stream(ConditionEvaluationReport
                  .get(context.getBeanFactory()).getConditionAndOutcomesBySource()
                  .get(CamsEndpointAutoConfiguration.class.getName()).spliterator(), false)
              .map(o -> o.getOutcome().getMessage()).toList().toString();
          assertThat(outcomes).contains("no cams.signature.tokens and no CamsEndpoint or SignatureVerifier bean")
              .doesNotContain("handler methods");
        });
  }

  @Test
  void annotatedMethodsAndHandlersRegisteredInCodeServeOneEndpoint() {
    withToken.withBean("orders", TestHandlers.OrderHandlers.class)
        .withBean("receipts", TestHandlers.ReceiptHandlers.class)
        .withBean("inCode", CamsHandlerConfigurer.class, CamsHandlerDiscoveryTest::codeHandlers)
        .run(context -> {
          CamsEndpoint endpoint = context.getBean(CamsEndpoint.class);
          assertThat(endpoint.handleIntent(signedRequest(TOKEN, "r-1", "ORDER_STATUS", "{\"orderId\":\"A-1\"}"))
              .bodyText()).contains("\"status\":\"shipped\"");
          assertThat(endpoint.handleIntent(signedRequest(TOKEN, "r-2", "IN_CODE", "{}")).bodyText())
              .contains("\"from\":\"configurer\"", "\"code\":\"IN_CODE\"");
          assertThat(endpoint.handleIntent(signedRequest(TOKEN, "r-3", "ANY_OTHER", "{}")).bodyText())
              .contains("\"fallback\":\"ANY_OTHER\"");
          CamsHandlerMethods handlers = context.getBean(CamsHandlerMethods.class);
          assertThat(handlers.intentCodes()).contains("ORDER_STATUS", "PING", "IN_CODE");
          assertThat(handlers.receiptTypes())
              .containsExactlyInAnyOrder(ReceiptType.STATUS, ReceiptType.INBOUND, ReceiptType.AUDIT);
          assertThat(handlers.describe()).containsEntry("IN_CODE", "bean 'inCode' (CamsHandlerConfigurer)");
        });
  }

  @Test
  void aCodeHandlerClashingWithAnAnnotatedMethodStopsStartUpNamingBoth() {
    withToken.withBean("orders", TestHandlers.OrderHandlers.class)
        .withBean("clash", CamsHandlerConfigurer.class,
            () -> handlers -> handlers.intent("ORDER_STATUS", call -> Map.of()))
        .run(context -> {
          assertThat(context).hasFailed();
          FailureAnalysis analysis = new CamsConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
          assertThat(analysis.getDescription()).contains("ORDER_STATUS", "bean 'orders'", "OrderHandlers#status",
              "bean 'clash' (CamsHandlerConfigurer)");
        });
  }

  @Test
  void handlersWithoutATokenStopStartUpNamingTheProperty() {
    runner.withBean("inCode", CamsHandlerConfigurer.class, CamsHandlerDiscoveryTest::codeHandlers).run(context -> {
      assertThat(context).hasFailed();
      assertThat(org.springframework.core.NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
          .isInstanceOf(CamsConfigurationException.class);
      FailureAnalysis analysis = new CamsConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
      assertThat(analysis.getDescription()).startsWith("No signature token configured").contains("inCode");
      assertThat(analysis.getAction()).contains("cams.signature.tokens", "CAMS_SIGNATURE_TOKENS");
    });
    runner.withPropertyValues("cams.endpoint.enabled=false").withBean(TestHandlers.OrderHandlers.class)
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CamsEndpoint.class));
  }

  @Test
  void aLazyHandlerBeanIsStillCreatedAndRouted() {
    withToken.withBean("orders", TestHandlers.OrderHandlers.class, TestHandlers.OrderHandlers::new, bd -> bd.setLazyInit(true)).run(context ->
        assertThat(context.getBean(CamsEndpoint.class)
            .handleIntent(signedRequest(TOKEN, "r-1", "PING", "{\"n\":1}")).code()).isEqualTo(CamsCode.OK));
  }
}
