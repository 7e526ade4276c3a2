package io.camssdk.spring.autoconfigure;

import static io.camssdk.spring.autoconfigure.TestHandlers.OLD_TOKEN;
import static io.camssdk.spring.autoconfigure.TestHandlers.TOKEN;
import static io.camssdk.spring.autoconfigure.TestHandlers.signedRequest;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.CamsCode;
import io.camssdk.duplicate.DuplicateStore;
import io.camssdk.duplicate.InMemoryDuplicateStore;
import io.camssdk.receipt.ReceiptType;
import io.camssdk.webhook.EndpointRequest;
import io.camssdk.signature.SignatureScheme;
import io.camssdk.signature.SignatureVerifier;
import io.camssdk.spring.CamsConfigurationException;
import io.camssdk.spring.CamsHandlerMethods;
import io.camssdk.spring.CamsProperties;
import io.camssdk.webhook.CamsEndpoint;
import io.camssdk.webhook.EndpointResponse;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServlet;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

class CamsEndpointAutoConfigurationTest {
  private static final AutoConfigurations ALL = AutoConfigurations.of(CamsHandlerDiscoveryAutoConfiguration.class,
      CamsEndpointAutoConfiguration.class,
      CamsMetricsAutoConfiguration.class, CamsInfoAutoConfiguration.class);

  private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(ALL);
  private final WebApplicationContextRunner withToken = runner.withPropertyValues("cams.signature.tokens=" + TOKEN);

  private static Map<String, String> mapOf(String... keysAndValues) {
    Map<String, String> map = new java.util.LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static FailureAnalysis analysisOf(AssertableWebApplicationContext context) {
    return new CamsConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
  }

  @Test
  void staysOffWithoutTokensHandlersOrEndpointBean() {
    runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CamsEndpoint.class)
        .doesNotHaveBean(CamsProperties.class));
  }

  @Test
  void createsVerifierStoreEndpointAndServletWhenTokensAreSet() {
    withToken.run(context -> {
      assertThat(context).hasSingleBean(SignatureVerifier.class).hasSingleBean(DuplicateStore.class)
          .hasSingleBean(CamsEndpoint.class).hasSingleBean(CamsHandlerMethods.class)
          .hasBean(CamsEndpointAutoConfiguration.SERVLET_REGISTRATION_BEAN_NAME);
      ServletRegistrationBean<?> registration = context.getBean(
          CamsEndpointAutoConfiguration.SERVLET_REGISTRATION_BEAN_NAME, ServletRegistrationBean.class);
      assertThat(registration.getUrlMappings()).containsExactlyInAnyOrder("/cams/intents", "/cams/receipts/status",
          "/cams/receipts/inbound", "/cams/receipts/audit");
      assertThat(context.getBean(SignatureVerifier.class).tokenCount()).isEqualTo(1);
      assertThat(context.getBean(DuplicateStore.class)).isInstanceOf(InMemoryDuplicateStore.class);
    });
  }

  @Test
  void bindsCommaSeparatedTokensFromTheEnvironmentVariable() {
    runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
            new SystemEnvironmentPropertySource("test-systemEnvironment",
                Map.of("CAMS_SIGNATURE_TOKENS", TOKEN + "," + OLD_TOKEN, "CAMS_SIGNATURE_TOLERANCE", "60s"))))
        .run(context -> {
          assertThat(context).hasNotFailed();
          CamsProperties properties = context.getBean(CamsProperties.class);
          assertThat(properties.signature().tokens()).containsExactly(TOKEN, OLD_TOKEN);
          assertThat(properties.signature().tolerance()).isEqualTo(Duration.ofSeconds(60));
          assertThat(context.getBean(SignatureVerifier.class).tokenCount()).isEqualTo(2);
        });
  }

  @Test
  void bindsDefaults() {
    withToken.run(context -> {
      CamsProperties p = context.getBean(CamsProperties.class);
      assertThat(p.signature().scheme()).isEqualTo(SignatureScheme.V1);
      assertThat(p.signature().tolerance()).isEqualTo(Duration.ofSeconds(300));
      assertThat(p.bodyLimit()).isEqualTo(DataSize.ofKilobytes(64));
      assertThat(p.paths().intents()).isEqualTo("/cams/intents");
      assertThat(p.paths().status()).isEqualTo("/cams/receipts/status");
      assertThat(p.paths().inbound()).isEqualTo("/cams/receipts/inbound");
      assertThat(p.paths().audit()).isEqualTo("/cams/receipts/audit");
      assertThat(p.duplicates().retention()).isEqualTo(Duration.ofHours(24));
      assertThat(p.duplicates().maxEntries()).isEqualTo(100_000);
      assertThat(p.handlerBudget()).isEqualTo(Duration.ofMillis(2500));
      assertThat(p.receipts().requireSignature()).isFalse();
      assertThat(p.management().enabled()).isFalse();
      assertThat(p.management().retries().maxAttempts()).isEqualTo(3);
      assertThat(p.management().endpoint()).isNull();
      assertThat(p.toString()).doesNotContain(TOKEN);
    });
  }

  @Test
  void bindsEveryProperty() {
    withToken.withPropertyValues("cams.signature.scheme=token", "cams.signature.tolerance=2m",
            "cams.body-limit=1KB", "cams.paths.intents=/hook", "cams.paths.status=/s", "cams.paths.inbound=/i",
            "cams.paths.audit=/a", "cams.duplicates.retention=1h", "cams.duplicates.max-entries=10",
            "cams.handler-budget=1s", "cams.receipts.require-signature=true",
            "cams.management.endpoint=http://127.0.0.1:9/", "cams.management.region=cn-hangzhou",
            "cams.management.connect-timeout=1s", "cams.management.read-timeout=2s",
            "cams.management.call-timeout=3s", "cams.management.retries.enabled=false",
            "cams.management.retries.max-attempts=5")
        .run(context -> {
          assertThat(context).hasNotFailed();
          CamsProperties p = context.getBean(CamsProperties.class);
          assertThat(p.signature().scheme()).isEqualTo(SignatureScheme.TOKEN);
          assertThat(context.getBean(SignatureVerifier.class).scheme()).isEqualTo(SignatureScheme.TOKEN);
          assertThat(context.getBean(SignatureVerifier.class).tolerance()).isEqualTo(Duration.ofMinutes(2));
          assertThat(p.bodyLimitBytes()).isEqualTo(1024);
          assertThat(p.paths()).isEqualTo(new CamsProperties.Paths("/hook", "/s", "/i", "/a"));
          assertThat(p.duplicates().retention()).isEqualTo(Duration.ofHours(1));
          assertThat(p.duplicates().maxEntries()).isEqualTo(10);
          assertThat(p.duplicates().store()).isEqualTo(CamsProperties.StoreType.MEMORY);
          assertThat(((InMemoryDuplicateStore) context.getBean(DuplicateStore.class)).maxEntries()).isEqualTo(10);
          assertThat(p.handlerBudget()).isEqualTo(Duration.ofSeconds(1));
          assertThat(p.receipts().requireSignature()).isTrue();
          assertThat(p.management().region()).isEqualTo("cn-hangzhou");
          assertThat(p.management().callTimeout()).isEqualTo(Duration.ofSeconds(3));
          assertThat(p.management().retries()).isEqualTo(new CamsProperties.Retries(false, 5));
          assertThat(context.getBean(CamsEndpointAutoConfiguration.SERVLET_REGISTRATION_BEAN_NAME,
              ServletRegistrationBean.class).getUrlMappings()).contains("/hook");
        });
  }

  @Test
  void enforcesTheBodyLimitFromProperties() {
    withToken.withPropertyValues("cams.body-limit=100B").withBean(TestHandlers.OrderHandlers.class)
        .run(context -> {
          EndpointResponse response = context.getBean(CamsEndpoint.class)
              .handleIntent(signedRequest(TOKEN, "r-1", "PING", "{\"pad\":\"" + "x".repeat(200) + "\"}"));
          assertThat(response.code()).isEqualTo(CamsCode.PAYLOAD_TOO_LARGE);
        });
  }

  @Test
  void failsWhenHandlersExistButNoTokenIsConfigured() {
    runner.withBean(TestHandlers.OrderHandlers.class).run(context -> {
      assertThat(context).hasFailed();
      assertThat(org.springframework.core.NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure()))
          .isInstanceOf(CamsConfigurationException.class);
      FailureAnalysis analysis = analysisOf(context);
      assertThat(analysis.getDescription()).startsWith("No signature token configured");
      assertThat(analysis.getAction()).contains("cams.signature.tokens", "CAMS_SIGNATURE_TOKENS");
    });
  }

  @Test
  void rejectsAnEmptyTokenEntryNamingItsIndex() {
    runner.withPropertyValues("cams.signature.tokens=" + TOKEN + ",,other").run(context -> {
      assertThat(context).hasFailed();
      FailureAnalysis analysis = analysisOf(context);
      assertThat(analysis.getDescription()).contains("cams.signature.tokens[1]").doesNotContain(TOKEN);
      assertThat(analysis.getAction()).contains("CAMS_SIGNATURE_TOKENS_1");
    });
  }

  @Test
  void rejectsInvalidPropertiesNamingTheProperty() {
    Map<String, String> cases = mapOf(
        "cams.signature.tolerance=-1s", "cams.signature.tolerance",
        "cams.body-limit=0B", "cams.body-limit",
        "cams.paths.intents=cams", "cams.paths.intents",
        "cams.paths.audit=/cams/intents", "cams.paths.audit",
        "cams.paths.status=/cams/*", "cams.paths.status",
        "cams.duplicates.retention=1m", "cams.duplicates.retention",
        "cams.duplicates.max-entries=0", "cams.duplicates.max-entries",
        "cams.handler-budget=0s", "cams.handler-budget");
    cases.forEach((property, name) -> withToken.withPropertyValues(property).run(context -> {
      assertThat(context).as(property).hasFailed();
      FailureAnalysis analysis = analysisOf(context);
      assertThat(analysis).as(property).isNotNull();
      assertThat(analysis.getDescription()).as(property).contains(name).doesNotContain(TOKEN);
    }));
  }

  @Test
  void anUnconvertibleValueIsReportedByPropertyAndTypeWithoutTheValue() {
    Map<String, String> cases = mapOf(
        "cams.signature.tolerance=soon-ish", "Property cams.signature.tolerance cannot be read as Duration.",
        "cams.signature.scheme=v9-custom", "Property cams.signature.scheme cannot be read as SignatureScheme.",
        "cams.duplicates.max-entries=many-many", "Property cams.duplicates.max-entries cannot be read as int.");
    cases.forEach((setting, description) -> withToken.withPropertyValues(setting).run(context -> {
      FailureAnalysis analysis = analysisOf(context);
      assertThat(analysis).as(setting).isNotNull();
      assertThat(analysis.getDescription()).isEqualTo(description);
      assertThat(analysis.getDescription() + analysis.getAction())
          .doesNotContain(setting.substring(setting.indexOf('=') + 1));
    }));
  }

  /** One place per rule: the endpoint builder's (twice the tolerance), reported under the property's name. */
  @Test
  void aRetentionShorterThanTwiceTheToleranceIsRefusedWithTheBuildersRule() {
    withToken.withPropertyValues("cams.signature.tolerance=300s", "cams.duplicates.retention=9m").run(context -> {
      assertThat(context).hasFailed();
      FailureAnalysis analysis = analysisOf(context);
      assertThat(analysis.getDescription()).startsWith("Property cams.duplicates.retention must be at least twice")
          .doesNotContain("PT9M", "PT5M");
      assertThat(analysis.getAction()).contains("cams.duplicates.retention", "CAMS_DUPLICATES_RETENTION");
    });
    withToken.withPropertyValues("cams.signature.tolerance=300s", "cams.duplicates.retention=10m")
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(CamsEndpoint.class));
  }

  /** The in-memory store keeps request ids for the replay window of the tolerance configured, not a fixed 10 min. */
  @Test
  void aLongerToleranceStartsWithAnInMemoryStoreThatKeepsIdsForItsReplayWindow() {
    withToken.withPropertyValues("cams.signature.tolerance=15m").run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(((io.camssdk.duplicate.InMemoryDuplicateStore) context.getBean(io.camssdk.duplicate.DuplicateStore.class))
          .evictionFloor()).isEqualTo(Duration.ofMinutes(30));
    });
  }

  /** Issue 12 defect 8: an unset variable left the literal "${...}" as the token, and calls signed with it passed. */
  @Test
  void anUnresolvedTokenPlaceholderStopsStartUpNamingThePropertyNotTheValue() {
    runner.withPropertyValues("cams.signature.tokens=${CAMS_TEST_TOKENS_NEVER_SET}")
        .withBean(TestHandlers.OrderHandlers.class).run(context -> {
          assertThat(context).hasFailed();
          FailureAnalysis analysis = analysisOf(context);
          assertThat(analysis.getDescription()).contains("cams.signature.tokens", "unresolved ${...} placeholder")
              .doesNotContain("CAMS_TEST_TOKENS_NEVER_SET");
          assertThat(analysis.getAction()).doesNotContain("CAMS_TEST_TOKENS_NEVER_SET");
        });
    runner.withPropertyValues("cams.signature.tokens=" + TOKEN + ",${CAMS_TEST_TOKENS_NEVER_SET}")
        .run(context -> assertThat(context).hasFailed());
  }

  @Test
  void requiresTheSecretWhenAnAccessKeyIdIsSet() {
    withToken.withPropertyValues("cams.management.access-key-id=LTAI-test").run(context -> {
      FailureAnalysis analysis = analysisOf(context);
      assertThat(analysis.getAction()).contains("cams.management.access-key-secret");
    });
  }

  @Test
  void managementToStringHidesTheSecretAndSecurityToken() {
    withToken.withPropertyValues("cams.management.access-key-id=LTAI-test",
        "cams.management.access-key-secret=s3cr3t-value", "cams.management.security-token=sts-value")
        .run(context -> assertThat(context.getBean(CamsProperties.class).toString())
            .doesNotContain("s3cr3t-value", "sts-value", TOKEN).contains("LTAI-test"));
  }

  @Test
  void staysOffOutsideServletWebApplications() {
    new ApplicationContextRunner().withConfiguration(ALL).withPropertyValues("cams.signature.tokens=" + TOKEN)
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CamsEndpoint.class));
    new ReactiveWebApplicationContextRunner().withConfiguration(ALL)
        .withPropertyValues("cams.signature.tokens=" + TOKEN)
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CamsEndpoint.class));
  }

  @Test
  void staysOffWithoutTheServletApi() {
    withToken.withClassLoader(new FilteredClassLoader(HttpServlet.class))
        .run(context -> assertThat(context).doesNotHaveBean(CamsEndpoint.class));
  }

  @Test
  void staysOffWhenDisabled() {
    withToken.withPropertyValues("cams.endpoint.enabled=false").withBean(TestHandlers.OrderHandlers.class)
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CamsEndpoint.class));
  }

  @Test
  void userBeansWin() {
    SignatureVerifier verifier = SignatureVerifier.builder().token(OLD_TOKEN).build();
    DuplicateStore store = InMemoryDuplicateStore.builder().maxEntries(7).build();
    withToken.withBean(SignatureVerifier.class, () -> verifier).withBean(DuplicateStore.class, () -> store)
        .run(context -> {
          assertThat(context.getBean(SignatureVerifier.class)).isSameAs(verifier);
          assertThat(context.getBean(DuplicateStore.class)).isSameAs(store);
        });
    CamsEndpoint endpoint = CamsEndpoint.builder().verifier(verifier).build();
    withToken.withBean(CamsEndpoint.class, () -> endpoint)
        .run(context -> assertThat(context.getBean(CamsEndpoint.class)).isSameAs(endpoint));
    ServletRegistrationBean<HttpServlet> own = new ServletRegistrationBean<>(new HttpServlet() {}, "/own");
    withToken.withBean(CamsEndpointAutoConfiguration.SERVLET_REGISTRATION_BEAN_NAME, ServletRegistrationBean.class,
            () -> own)
        .run(context -> assertThat(context.getBean(CamsEndpointAutoConfiguration.SERVLET_REGISTRATION_BEAN_NAME))
            .isSameAs(own));
  }

  @Test
  void anOwnEndpointBeanTurnsTheServletOnWithoutTokens() {
    CamsEndpoint endpoint = CamsEndpoint.builder().verifier(SignatureVerifier.builder().token(TOKEN).build()).build();
    runner.withBean(CamsEndpoint.class, () -> endpoint).run(context -> {
      assertThat(context).hasNotFailed().hasBean(CamsEndpointAutoConfiguration.SERVLET_REGISTRATION_BEAN_NAME);
    });
  }

  @Test
  void routesCallsToAnnotatedMethods() {
    withToken.withBean(TestHandlers.OrderHandlers.class).withBean(TestHandlers.Fallback.class).run(context -> {
      CamsEndpoint endpoint = context.getBean(CamsEndpoint.class);
      assertThat(context.getBean(CamsHandlerMethods.class).intentCodes())
          .containsExactlyInAnyOrder("ORDER_STATUS", "PING", "PING2", "NOTHING", "BROKEN");
      EndpointResponse status = endpoint.handleIntent(
          signedRequest(TOKEN, "r-1", "ORDER_STATUS", "{\"orderId\":\"A-1\"}"));
      assertThat(status.code()).isEqualTo(CamsCode.OK);
      assertThat(status.bodyText()).contains("\"orderId\":\"A-1\"", "\"status\":\"shipped\"",
          "\"channel\":\"whatsapp\"");
      assertThat(endpoint.handleIntent(signedRequest(TOKEN, "r-2", "PING2", "{\"a\":1}")).bodyText())
          .contains("\"Data\":{\"a\":1");
      assertThat(endpoint.handleIntent(signedRequest(TOKEN, "r-3", "NOTHING", "{}")).bodyText())
          .contains("\"Data\":{}");
      assertThat(endpoint.handleIntent(signedRequest(TOKEN, "r-4", "ELSE", "{}")).bodyText())
          .contains("\"fallback\":\"ELSE\"");
      EndpointResponse broken = endpoint.handleIntent(signedRequest(TOKEN, "r-5", "BROKEN", "{}"));
      assertThat(broken.code()).isEqualTo(CamsCode.HANDLER_ERROR);
      assertThat(broken.bodyText()).doesNotContain("hunter2", "IllegalStateException");
    });
  }

  @Test
  void answersUnknownIntentWithoutADefaultHandler() {
    withToken.withBean(TestHandlers.OrderHandlers.class).run(context -> assertThat(context.getBean(CamsEndpoint.class)
        .handleIntent(signedRequest(TOKEN, "r-1", "ELSE", "{}")).code()).isEqualTo(CamsCode.UNKNOWN_INTENT));
  }

  @Test
  void failsOnTwoHandlersForOneCodeNamingBothBeans() {
    withToken.withBean("orders", TestHandlers.OrderHandlers.class)
        .withBean("clash", TestHandlers.ClashingHandlers.class).run(context -> {
          FailureAnalysis analysis = analysisOf(context);
          assertThat(analysis.getDescription()).contains("ORDER_STATUS", "bean 'orders'", "OrderHandlers#status",
              "bean 'clash'", "ClashingHandlers#other");
        });
  }

  @Test
  void failsOnTwoDefaultHandlers() {
    withToken.withBean("defaults", TestHandlers.TwoDefaults.class).run(context -> assertThat(
        analysisOf(context).getDescription()).contains("default intent handler", "TwoDefaults#one",
        "TwoDefaults#two"));
  }

  @Test
  void failsOnUnsupportedSignaturesNamingBeanAndMethod() {
    Map<Class<?>, String> cases = Map.of(
        TestHandlers.TwoCalls.class, "TwoCalls#twice(IntentCall, IntentCall)",
        TestHandlers.PrimitiveReturn.class, "PrimitiveReturn#count(IntentCall) returns int",
        TestHandlers.StringParameter.class, "StringParameter#text(String)");
    cases.forEach((type, expected) -> withToken.withBean("handlers", type).run(context -> {
      assertThat(context).as(expected).hasFailed();
      assertThat(analysisOf(context).getDescription()).as(expected).contains("bean 'handlers'", expected);
    }));
  }

  @Test
  void routesReceiptsToAnnotatedMethodsInBatchesAndPerItem() {
    withToken.withBean(TestHandlers.ReceiptHandlers.class).run(context -> {
      CamsEndpoint endpoint = context.getBean(CamsEndpoint.class);
      TestHandlers.ReceiptHandlers handlers = context.getBean(TestHandlers.ReceiptHandlers.class);
      assertThat(context.getBean(CamsHandlerMethods.class).receiptTypes())
          .containsExactlyInAnyOrder(ReceiptType.STATUS, ReceiptType.INBOUND);
      byte[] statuses = ("[{\"MessageId\":\"m1\",\"Status\":\"Delivered\",\"Timestamp\":1732420000000},"
          + "{\"MessageId\":\"m2\",\"Status\":\"Read\",\"Timestamp\":1732420000000}]").getBytes(UTF_8);
      assertThat(endpoint.handleReceipts(ReceiptType.STATUS, EndpointRequest.post("application/json", Map.of(),
          statuses)).code()).isEqualTo(CamsCode.OK);
      assertThat(handlers.statuses).extracting(r -> r.messageId()).containsExactly("m1", "m2");
      byte[] inbound = ("[{\"MessageId\":\"i1\",\"Type\":\"TEXT\",\"Message\":\"hi\"},"
          + "{\"MessageId\":\"i2\",\"Type\":\"TEXT\",\"Message\":\"yo\"}]").getBytes(UTF_8);
      assertThat(endpoint.handleReceipts(ReceiptType.INBOUND, EndpointRequest.post("application/json", Map.of(),
          inbound)).code()).isEqualTo(CamsCode.OK);
      assertThat(handlers.inbound).extracting(r -> r.messageId()).containsExactly("i1", "i2");
    });
  }

  @Test
  void refusesUnsignedReceiptsWhenSignaturesAreRequired() {
    withToken.withPropertyValues("cams.receipts.require-signature=true").withBean(TestHandlers.ReceiptHandlers.class)
        .run(context -> assertThat(context.getBean(CamsEndpoint.class).handleReceipts(ReceiptType.STATUS,
            EndpointRequest.post("application/json", Map.of(), "[]".getBytes(UTF_8))).status()).isEqualTo(401));
  }

  @Test
  void failsOnUnsupportedReceiptHandlersAndDuplicates() {
    withToken.withBean("audits", TestHandlers.ReceiptReturningValue.class).run(context -> assertThat(
        analysisOf(context).getDescription()).contains("bean 'audits'", "ReceiptReturningValue#onAudit", "void"));
    withToken.withBean("wrong", TestHandlers.ReceiptWrongList.class).run(context -> assertThat(
        analysisOf(context).getDescription()).contains("ReceiptWrongList#onStatus", "List<StatusReceipt>"));
    withToken.withBean("first", TestHandlers.ReceiptHandlers.class)
        .withBean("second", TestHandlers.SecondStatusHandler.class).run(context -> assertThat(
            analysisOf(context).getDescription()).contains("ChatAppStatus", "bean 'first'", "bean 'second'"));
  }

  @Test
  void countsCallsByCodeKindAndTokenIndexWhenAMeterRegistryExists() {
    withToken.withPropertyValues("cams.signature.tokens=" + OLD_TOKEN + "," + TOKEN)
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
          assertThat(context).hasSingleBean(CamsCallListener.class);
          MeterRegistry registry = context.getBean(MeterRegistry.class);
          CamsCallListener listener = context.getBean(CamsCallListener.class);
          listener.onCall("intent", context.getBean(CamsEndpoint.class)
              .handleIntent(signedRequest(TOKEN, "r-1", "ELSE", "{}")));
          assertThat(registry.get("cams.calls").tags("kind", "intent", "code", "UnknownIntent", "token", "1")
              .counter().count()).isEqualTo(1.0);
        });
  }

  @Test
  void registersNoMetricsWithoutARegistryOrMicrometer() {
    withToken.run(context -> assertThat(context).doesNotHaveBean(CamsCallListener.class));
    withToken.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
        .run(context -> assertThat(context).doesNotHaveBean(CamsCallListener.class));
  }

  @Test
  void contributesInfoWithoutSecrets() {
    withToken.withBean(TestHandlers.OrderHandlers.class).run(context -> {
      InfoContributor contributor = context.getBean("camsInfoContributor", InfoContributor.class);
      Info.Builder builder = new Info.Builder();
      contributor.contribute(builder);
      Info info = builder.build();
      @SuppressWarnings("unchecked")
      Map<String, Object> cams = (Map<String, Object>) info.getDetails().get("cams");
      assertThat(cams).containsEntry("tokens", 1).containsEntry("duplicateStore", "InMemoryDuplicateStore")
          .containsKeys("paths", "tokenFingerprints", "intentCodes");
      assertThat(info.toString()).doesNotContain(TOKEN);
    });
    withToken.withClassLoader(new FilteredClassLoader(InfoContributor.class))
        .run(context -> assertThat(context).doesNotHaveBean("camsInfoContributor"));
  }

}
