package io.camssdk.spring.autoconfigure;

import io.camssdk.management.AlibabaCloudCredentialsProvider;
import io.camssdk.management.CamsManagementClient;
import io.camssdk.management.Credentials;
import io.camssdk.management.CredentialsProvider;
import io.camssdk.management.RetryPolicy;
import io.camssdk.spring.CamsConfigurationException;
import io.camssdk.spring.CamsProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.ClassUtils;

/**
 * A {@link CamsManagementClient} (any application type), signing with the first credentials found, the way Alibaba
 * Cloud's own tools look for them:
 *
 * <ol>
 *   <li>{@code cams.management.access-key-id}, {@code -secret} and {@code security-token};
 *   <li>the environment variables {@code ALIBABA_CLOUD_ACCESS_KEY_ID}, {@code ALIBABA_CLOUD_ACCESS_KEY_SECRET}
 *       and {@code ALIBABA_CLOUD_SECURITY_TOKEN} (read through Spring's {@link Environment}, so a property of
 *       that name works too);
 *   <li>with {@code com.aliyun:credentials-java} on the class path, its default chain (profile files, ECS RAM
 *       role, OIDC), through {@link AlibabaCloudCredentialsProvider}.
 * </ol>
 *
 * <p>Without any of them no client is created. Backs off when the application defines its own client. The secret
 * and security token are never logged ({@link Credentials#toString()} hides them); the log names the source only.
 * An invalid endpoint, region or timeout is reported by the failure analysis under its property, with the
 * builder's rule.
 *
 * @since 0.1
 */
@AutoConfiguration
@ConditionalOnClass(CamsManagementClient.class)
@Conditional(CamsManagementAutoConfiguration.CredentialsFound.class)
@EnableConfigurationProperties(CamsProperties.class)
public final class CamsManagementAutoConfiguration {
  private static final Logger log = LoggerFactory.getLogger(CamsManagementAutoConfiguration.class);

  static final String ALIBABA_CREDENTIALS_CLIENT = "com.aliyun.credentials.Client";

  @Bean
  @ConditionalOnMissingBean
  CamsManagementClient camsManagementClient(CamsProperties properties, Environment environment) {
    CamsProperties.Management m = properties.management();
    CamsProperties.Retries retries = m.retries();
    RetryPolicy retryPolicy = retries.enabled()
        ? RetryPolicy.builder().maxAttempts(retries.maxAttempts()).build()
        : RetryPolicy.none();
    CamsManagementClient.Builder builder = CamsManagementClient.builder();
    if (m.region() != null) {
      builder.region(m.region());
    }
    if (m.endpoint() != null) {
      builder.endpoint(m.endpoint().toString());
    }
    CredentialsProvider credentials = credentials(m, environment);
    CamsManagementClient client = builder
        .credentialsProvider(credentials)
        .connectTimeout(m.connectTimeout())
        .readTimeout(m.readTimeout())
        .callTimeout(m.callTimeout())
        .retryPolicy(retryPolicy)
        .build();
    log.info("CAMS management client: {} with {}", client.endpoint(), credentials);
    return client;
  }

  /** The first credentials found, in the order of the class Javadoc. */
  static CredentialsProvider credentials(CamsProperties.Management m, Environment environment) {
    if (m.enabled()) {
      return CredentialsProvider.of(new Credentials(m.accessKeyId().strip(), m.accessKeySecret().strip(),
          m.securityToken() == null || m.securityToken().isBlank() ? null : m.securityToken().strip()));
    }
    if (hasText(environment.getProperty(CredentialsProvider.ENV_ACCESS_KEY_ID))) {
      try {
        return CredentialsProvider.fromEnvironment(environment::getProperty);
      } catch (IllegalStateException e) {
        // The message names the missing variable, never a value.
        throw new CamsConfigurationException(e.getMessage() + ".", "Set "
            + CredentialsProvider.ENV_ACCESS_KEY_SECRET + " next to " + CredentialsProvider.ENV_ACCESS_KEY_ID
            + ", or configure cams.management.access-key-id and cams.management.access-key-secret.");
      }
    }
    return AlibabaChain.defaultChain();
  }

  private static boolean hasText(String value) {
    return value != null && !value.isBlank();
  }

  /** Keeps the reference to credentials-java's adapter off the path taken without it. */
  private static final class AlibabaChain {
    static CredentialsProvider defaultChain() {
      return AlibabaCloudCredentialsProvider.defaultChain();
    }
  }

  /** An AccessKey id in the properties or the environment, or Alibaba's credential library on the class path. */
  static final class CredentialsFound extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
      Environment env = context.getEnvironment();
      if (hasText(env.getProperty("cams.management.access-key-id"))) {
        return ConditionOutcome.match("cams.management.access-key-id is set");
      }
      if (hasText(env.getProperty(CredentialsProvider.ENV_ACCESS_KEY_ID))) {
        return ConditionOutcome.match(CredentialsProvider.ENV_ACCESS_KEY_ID + " is set");
      }
      if (ClassUtils.isPresent(ALIBABA_CREDENTIALS_CLIENT, context.getClassLoader())) {
        return ConditionOutcome.match("com.aliyun:credentials-java is present: its default chain");
      }
      return ConditionOutcome.noMatch("no cams.management.access-key-id, no " + CredentialsProvider.ENV_ACCESS_KEY_ID
          + " and no com.aliyun:credentials-java");
    }
  }
}
