package io.camssdk.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camssdk.management.BusinessSystem;
import io.camssdk.management.CamsApiException;
import io.camssdk.management.CamsManagementClient;
import io.camssdk.management.CreateBusinessSystemRequest;
import io.camssdk.testkit.CamsEmulator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The management client bean against the emulator: which credentials it signs with, and how it retries. */
class CamsManagementAutoConfigurationTest {
  private static final String SPACE = CamsEmulator.DEFAULT_WHATSAPP_CUST_SPACE_ID;
  private static final String ENV_KEY_ID = "LTAIfromEnvironment01";
  private static final String ENV_SECRET = "env-secret-value-0123456789";
  private static final FilteredClassLoader WITHOUT_ALIBABA_CREDENTIALS =
      new FilteredClassLoader("com.aliyun.credentials");

  private CamsEmulator emulator;
  private ApplicationContextRunner runner;
  private ApplicationContextRunner withKey;

  @BeforeEach
  void start() {
    emulator = CamsEmulator.builder().accessKey(ENV_KEY_ID, ENV_SECRET).build().start();
    runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CamsManagementAutoConfiguration.class))
        .withPropertyValues("cams.management.endpoint=" + emulator.url());
    withKey = runner.withPropertyValues("cams.management.access-key-id=" + ENV_KEY_ID,
        "cams.management.access-key-secret=" + ENV_SECRET);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private static FailureAnalysis analysisOf(AssertableApplicationContext context) {
    assertThat(context).hasFailed();
    return new CamsConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
  }

  /** A call the emulator answers only when it is signed with its AccessKey pair. */
  private static List<BusinessSystem> signedCall(CamsManagementClient client) {
    return client.listBusinessSystems(SPACE);
  }

  @Test
  void createsNoClientWithoutCredentialsOrAlibabasCredentialLibrary() {
    runner.withClassLoader(WITHOUT_ALIBABA_CREDENTIALS)
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CamsManagementClient.class));
  }

  @Test
  void signsWithTheAccessKeyPairOfTheProperties() {
    withKey.run(context -> {
      CamsManagementClient client = context.getBean(CamsManagementClient.class);
      assertThat(client.endpoint().getHost()).isEqualTo("127.0.0.1");
      assertThat(signedCall(client)).isEmpty();
      assertThat(client.toString()).doesNotContain(ENV_SECRET);
    });
  }

  @Test
  void signsWithTheStandardAlibabaCloudEnvironmentVariables() {
    // Spring's Environment is the lookup: the process environment in production, a property source here.
    runner.withClassLoader(WITHOUT_ALIBABA_CREDENTIALS)
        .withPropertyValues("ALIBABA_CLOUD_ACCESS_KEY_ID=" + ENV_KEY_ID, "ALIBABA_CLOUD_ACCESS_KEY_SECRET=" + ENV_SECRET)
        .run(context -> {
          CamsManagementClient client = context.getBean(CamsManagementClient.class);
          client.createBusinessSystem(CreateBusinessSystemRequest.builder().custSpaceId(SPACE)
              .systemName("From env").apiUrl("http://127.0.0.1:9/cams/intents").build());
          assertThat(signedCall(client)).extracting(BusinessSystem::systemName).containsExactly("From env");
          assertThat(client.toString()).contains(ENV_KEY_ID).doesNotContain(ENV_SECRET);
        });
  }

  @Test
  void aWrongSecretInTheEnvironmentIsRefusedByTheEmulatorsSignatureCheck() {
    runner.withPropertyValues("ALIBABA_CLOUD_ACCESS_KEY_ID=" + ENV_KEY_ID,
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET=not-the-secret").run(context ->
        assertThatThrownBy(() -> signedCall(context.getBean(CamsManagementClient.class)))
            .isInstanceOfSatisfying(CamsApiException.class,
                e -> assertThat(e.errorCode()).isEqualTo("SignatureDoesNotMatch")));
  }

  @Test
  void thePropertiesWinOverTheEnvironment() {
    withKey.withPropertyValues("ALIBABA_CLOUD_ACCESS_KEY_ID=LTAIsomeoneElse",
        "ALIBABA_CLOUD_ACCESS_KEY_SECRET=someone-elses-secret")
        .run(context -> assertThat(signedCall(context.getBean(CamsManagementClient.class))).isEmpty());
  }

  @Test
  void usesAlibabasDefaultChainWhenNoKeyIsConfigured() {
    runner.run(context -> assertThat(context.getBean(CamsManagementClient.class).toString())
        .contains("credentials=AlibabaCloudCredentialsProvider"));
  }

  @Test
  void anEnvironmentKeyIdWithoutItsSecretStopsStartUpNamingTheVariable() {
    runner.withPropertyValues("ALIBABA_CLOUD_ACCESS_KEY_ID=" + ENV_KEY_ID).run(context -> {
      FailureAnalysis analysis = analysisOf(context);
      assertThat(analysis.getDescription()).contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
      assertThat(analysis.getAction()).contains("ALIBABA_CLOUD_ACCESS_KEY_SECRET");
    });
  }

  @Test
  void retriesAFailedCallByDefault() {
    withKey.run(context -> {
      emulator.failNextManagementCalls(1, 503, "ServiceUnavailable");
      assertThat(signedCall(context.getBean(CamsManagementClient.class))).isEmpty();
    });
  }

  @Test
  void createsTheClientWithRetriesOff() {
    withKey.withPropertyValues("cams.management.retries.enabled=false").run(context -> {
      CamsManagementClient client = context.getBean(CamsManagementClient.class);
      emulator.failNextManagementCalls(1, 503, "ServiceUnavailable");
      assertThatThrownBy(() -> signedCall(client)).isInstanceOfSatisfying(CamsApiException.class,
          e -> assertThat(e.errorCode()).isEqualTo("ServiceUnavailable"));
      assertThat(signedCall(client)).isEmpty(); // the failure was the injected one, not the configuration
    });
  }

  @Test
  void backsOffForTheApplicationsOwnClient() {
    CamsManagementClient own = CamsManagementClient.builder().endpoint("http://127.0.0.1:8/")
        .credentials(io.camssdk.management.Credentials.of("own", "own-secret")).build();
    withKey.withBean(CamsManagementClient.class, () -> own)
        .run(context -> assertThat(context.getBean(CamsManagementClient.class)).isSameAs(own));
  }

  @Test
  void staysOffWithoutTheClientClass() {
    withKey.withClassLoader(new FilteredClassLoader(CamsManagementClient.class))
        .run(context -> assertThat(context).doesNotHaveBean(CamsManagementClient.class));
  }

  @Test
  void invalidSettingsAreReportedUnderTheirPropertyWithTheBuildersRuleAndNoValue() {
    Map<String, String> cases = Map.of(
        "cams.management.endpoint=http://example.com", "cams.management.endpoint",
        "cams.management.region=Not-A-Region", "cams.management.region",
        "cams.management.connect-timeout=-1s", "cams.management.connect-timeout",
        "cams.management.retries.max-attempts=11", "cams.management.retries.max-attempts");
    cases.forEach((setting, property) -> withKey.withPropertyValues(setting).run(context -> {
      FailureAnalysis analysis = analysisOf(context);
      assertThat(analysis).as(setting).isNotNull();
      assertThat(analysis.getDescription()).as(setting).startsWith("Property " + property + " ")
          .doesNotContain(setting.substring(setting.indexOf('=') + 1));
    }));
  }

  @Test
  void anUnresolvedPlaceholderForTheSecretStopsStartUpWithoutShowingIt() {
    runner.withPropertyValues("cams.management.access-key-id=" + ENV_KEY_ID,
        "cams.management.access-key-secret=${CAMS_TEST_UNSET_SECRET_VARIABLE}").run(context -> {
      FailureAnalysis analysis = analysisOf(context);
      assertThat(analysis.getDescription()).contains("cams.management.access-key-secret", "placeholder")
          .doesNotContain("CAMS_TEST_UNSET_SECRET_VARIABLE");
    });
  }
}
