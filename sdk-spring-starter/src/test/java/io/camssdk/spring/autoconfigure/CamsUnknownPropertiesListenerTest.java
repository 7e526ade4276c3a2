package io.camssdk.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

@ExtendWith(OutputCaptureExtension.class)
class CamsUnknownPropertiesListenerTest {
  private static final Set<String> KNOWN = CamsUnknownPropertiesListener.knownProperties(
      CamsUnknownPropertiesListenerTest.class.getClassLoader());

  @SpringBootConfiguration
  static class Empty {}

  @Test
  void aMistypedPropertyIsWarnedAboutAtStartUpNamingTheClosestKnownOneAndNotTheValue(CapturedOutput output) {
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Empty.class)
        .web(WebApplicationType.NONE)
        .run("--cams.signature.token=typo-token-value-123", "--cams.paths.intents=/known")) {
      assertThat(context.isActive()).isTrue();
    }
    assertThat(output).contains("Unknown CAMS property cams.signature.token ",
        "did you mean cams.signature.tokens?");
    assertThat(output).doesNotContain("typo-token-value-123").doesNotContain("cams.paths.intents is ignored");
  }

  @Test
  void environmentVariablesAreCheckedInTheirRelaxedFormAndOnlyWhenCloseToAProperty() {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            Map.of("CAMS_SIGNATURE_TOKEN", "x", "CAMS_EMULATOR_PORT", "8787", "CAMS_SIGNATURE_TOKENS_0", "y",
                "CAMS_MANAGEMENT_ACCESSKEYID", "LTAI")));

    List<String> warnings = CamsUnknownPropertiesListener.warnings(environment, KNOWN);

    assertThat(warnings).singleElement().asString()
        .startsWith("Unknown CAMS property cams.signature.token in systemEnvironment")
        .endsWith("did you mean cams.signature.tokens?");
  }

  @Test
  void anUnknownPropertyFarFromAnyKnownOneIsStillReportedFromConfiguration() {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("test",
        Map.of("cams.something-else.entirely", "v", "cams.duplicates.jdbc.create-table", "true")));

    assertThat(CamsUnknownPropertiesListener.warnings(environment, KNOWN)).singleElement().asString()
        .contains("cams.something-else.entirely in test is ignored");
  }

  @Test
  void metadataDescriptionsArePlainText() throws Exception {
    String metadata = "";
    for (java.net.URL url : java.util.Collections.list(CamsUnknownPropertiesListenerTest.class.getClassLoader()
        .getResources("META-INF/spring-configuration-metadata.json"))) {
      try (InputStream in = url.openStream()) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        metadata = text.contains("\"cams.signature.tokens\"") ? text : metadata;
      }
    }
    assertThat(metadata).contains("\"cams.signature.tokens\"").doesNotContain("{@code", "{@link");
    assertThat(KNOWN).contains("cams.signature.tokens", "cams.endpoint.enabled", "cams.management.access-key-id");
  }
}
