package io.camssdk.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.CamsConfigurationException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class CamsConfigurationFailureAnalyzerTest {
  private final CamsConfigurationFailureAnalyzer analyzer = new CamsConfigurationFailureAnalyzer();

  private static Throwable fromBean(String beanName, Throwable cause) {
    return new IllegalStateException("context failed", new BeanCreationException(beanName, "failed", cause));
  }

  @Test
  void aBuildersConfigurationExceptionIsReportedUnderThePropertyItWasSetFrom() {
    FailureAnalysis analysis = analyzer.analyze(fromBean("camsSignatureVerifier", new CamsConfigurationException(
        "tokens", "must not contain whitespace or control characters", "Copy tokens again from the console")));

    assertThat(analysis.getDescription()).isEqualTo(
        "Property cams.signature.tokens must not contain whitespace or control characters.");
    assertThat(analysis.getAction()).isEqualTo(
        "Copy cams.signature.tokens again from the console (env CAMS_SIGNATURE_TOKENS).");
  }

  @Test
  void aSettingTheStarterDoesNotSetKeepsTheBuildersName() {
    FailureAnalysis analysis = analyzer.analyze(new CamsConfigurationException("executor", "must not be shut down",
        "Pass a running executor"));

    assertThat(analysis.getDescription()).isEqualTo("CAMS setting executor must not be shut down.");
    assertThat(analysis.getAction()).isEqualTo("Pass a running executor");
  }

  @Test
  void anIllegalArgumentOfABuilderNotYetConvertedIsNamedByPropertyWithoutItsValue() {
    FailureAnalysis analysis = analyzer.analyze(fromBean("camsManagementClient", new IllegalArgumentException(
        "endpoint must use https (http only for loopback hosts) but was 'http://internal.example.com'")));

    assertThat(analysis.getDescription()).isEqualTo(
        "Property cams.management.endpoint must use https (http only for loopback hosts).");
    assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("internal.example.com");
  }

  @Test
  void failuresOfOtherBeansAreLeftToOtherAnalyzers() {
    assertThat(analyzer.analyze(fromBean("dataSource", new IllegalArgumentException("timeout must be positive"))))
        .isNull();
    assertThat(analyzer.analyze(fromBean("camsEndpoint", new IllegalStateException("something unrelated"))))
        .isNull();
  }
}
