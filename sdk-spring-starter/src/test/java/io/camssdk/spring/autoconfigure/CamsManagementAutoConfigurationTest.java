package io.camssdk.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.management.CamsManagementClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CamsManagementAutoConfigurationTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(CamsManagementAutoConfiguration.class));
  private final ApplicationContextRunner withKey = runner.withPropertyValues(
      "cams.management.access-key-id=LTAI-test", "cams.management.access-key-secret=secret-value-123",
      "cams.management.endpoint=http://127.0.0.1:9/");

  @Test
  void createsNoClientWithoutAnAccessKeyId() {
    runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CamsManagementClient.class));
  }

  @Test
  void createsTheClientFromProperties() {
    withKey.run(context -> {
      assertThat(context).hasSingleBean(CamsManagementClient.class);
      CamsManagementClient client = context.getBean(CamsManagementClient.class);
      assertThat(client.endpoint().getHost()).isEqualTo("127.0.0.1");
      assertThat(client.toString()).doesNotContain("secret-value-123");
    });
  }

  @Test
  void createsTheClientWithRetriesOff() {
    withKey.withPropertyValues("cams.management.retries.enabled=false")
        .run(context -> assertThat(context).hasSingleBean(CamsManagementClient.class));
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
}
