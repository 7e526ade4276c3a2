package io.camssdk.spring.autoconfigure;

import io.camssdk.management.CamsManagementClient;
import io.camssdk.management.CamsManagementException;
import io.camssdk.management.IntentCoverage;
import io.camssdk.management.TemplateIntents;
import io.camssdk.spring.CamsConfigurationException;
import io.camssdk.spring.CamsHandlerMethods;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Opt-in start-up check ({@code cams.intent-coverage.mode=warn|fail}) that every intent code the channel's
 * template buttons call ({@code ExtendAttrs.IntentCode}, read with {@code ListChatappTemplate} and
 * {@code GetChatappTemplateDetail}) has a {@code @CamsIntentHandler} method, unless a
 * {@code @CamsDefaultIntentHandler} answers them all. Runs once all singletons exist, so every handler is known.
 * Needs the {@link CamsManagementClient} bean ({@code cams.management.*}).
 *
 * @since 0.1
 */
@AutoConfiguration(after = {CamsEndpointAutoConfiguration.class, CamsManagementAutoConfiguration.class})
@ConditionalOnClass(CamsManagementClient.class)
@ConditionalOnExpression("'${cams.intent-coverage.mode:off}'.toLowerCase() != 'off'")
@EnableConfigurationProperties(CamsIntentCoverageProperties.class)
public final class CamsIntentCoverageAutoConfiguration {
  private static final Logger log = LoggerFactory.getLogger(CamsIntentCoverageAutoConfiguration.class);

  @Bean
  @ConditionalOnBean({CamsManagementClient.class, CamsHandlerMethods.class})
  SmartInitializingSingleton camsIntentCoverageCheck(CamsIntentCoverageProperties properties,
      CamsManagementClient client, CamsHandlerMethods handlers) {
    return () -> check(properties, client, handlers);
  }

  static void check(CamsIntentCoverageProperties properties, CamsManagementClient client,
      CamsHandlerMethods handlers) {
    CamsIntentCoverageProperties.Mode mode = properties.mode();
    if (mode == CamsIntentCoverageProperties.Mode.OFF) {
      return;
    }
    String space = properties.custSpaceId();
    if (space == null || space.isBlank()) {
      throw new CamsConfigurationException("cams.intent-coverage.mode is " + mode.name().toLowerCase()
          + " but no channel is named.", "Set cams.intent-coverage.cust-space-id to the channel's CustSpaceId,"
          + " or set cams.intent-coverage.mode=off.");
    }
    IntentCoverage coverage;
    try {
      coverage = TemplateIntents.read(client, space)
          .coverage(handlers.intentCodes(), handlers.hasDefaultIntentHandler());
    } catch (CamsManagementException e) {
      if (mode == CamsIntentCoverageProperties.Mode.FAIL) {
        throw new CamsConfigurationException("The intent coverage check could not read the templates of " + space
            + ": " + e.getMessage(), "Fix the cams.management.* settings or the RAM permissions for"
            + " ListChatappTemplate and GetChatappTemplateDetail, or set cams.intent-coverage.mode=warn.");
      }
      log.warn("CAMS intent coverage not checked: {}", e.getMessage());
      return;
    }
    if (coverage.complete()) {
      log.info("CAMS intent coverage: {}", coverage.summary());
    } else if (mode == CamsIntentCoverageProperties.Mode.FAIL) {
      throw new CamsConfigurationException(coverage.summary() + ".",
          "Add @CamsIntentHandler methods for " + String.join(", ", coverage.unhandledIntentCodes())
              + ", or set cams.intent-coverage.mode=warn.");
    } else {
      log.warn("CAMS intent coverage: {}", coverage.summary());
    }
  }
}
