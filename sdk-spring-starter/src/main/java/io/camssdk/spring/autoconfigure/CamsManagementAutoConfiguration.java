package io.camssdk.spring.autoconfigure;

import io.camssdk.management.CamsManagementClient;
import io.camssdk.management.Credentials;
import io.camssdk.management.RetryPolicy;
import io.camssdk.spring.CamsConfigurationException;
import io.camssdk.spring.CamsProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * A {@link CamsManagementClient} from {@code cams.management.*} when {@code cams.management.access-key-id} is set
 * (any application type). Backs off when the application defines its own client. The secret and security token
 * are never logged ({@link Credentials#toString()} hides them).
 *
 * @since 0.1
 */
@AutoConfiguration
@ConditionalOnClass(CamsManagementClient.class)
@ConditionalOnProperty(prefix = "cams.management", name = "access-key-id")
@EnableConfigurationProperties(CamsProperties.class)
public final class CamsManagementAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  CamsManagementClient camsManagementClient(CamsProperties properties) {
    CamsProperties.Management m = properties.management();
    CamsProperties.Retries retries = m.retries();
    RetryPolicy retryPolicy = retries.enabled()
        ? RetryPolicy.builder().maxAttempts(retries.maxAttempts()).build()
        : RetryPolicy.none();
    try {
      CamsManagementClient.Builder builder = CamsManagementClient.builder();
      if (m.region() != null) {
        builder.region(m.region());
      }
      if (m.endpoint() != null) {
        builder.endpoint(m.endpoint().toString());
      }
      return builder
          .credentials(new Credentials(m.accessKeyId(), m.accessKeySecret(), m.securityToken()))
          .connectTimeout(m.connectTimeout())
          .readTimeout(m.readTimeout())
          .callTimeout(m.callTimeout())
          .retryPolicy(retryPolicy)
          .build();
    } catch (IllegalArgumentException e) {
      // Builder messages name the field and show non-secret values only (endpoint, region, timeouts).
      throw new CamsConfigurationException("Invalid cams.management.* configuration: " + e.getMessage() + ".",
          "Correct the cams.management.* property named in the message.");
    }
  }
}
