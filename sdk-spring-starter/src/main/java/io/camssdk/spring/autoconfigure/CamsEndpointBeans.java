package io.camssdk.spring.autoconfigure;

import io.camssdk.duplicate.DuplicateStore;
import io.camssdk.signature.SignatureVerifier;
import io.camssdk.signature.TokenLocation;
import io.camssdk.spring.CamsConfigurationException;
import io.camssdk.spring.CamsHandlerMethods;
import io.camssdk.spring.CamsProperties;
import io.camssdk.webhook.CamsEndpoint;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The endpoint itself, whichever web stack serves it: the handler methods found on beans, the
 * {@link SignatureVerifier} from {@code cams.signature.*}, the {@link DuplicateStore} of {@code cams.duplicates.store}
 * and the {@link CamsEndpoint}. Imported by the servlet auto-configuration and by the WebFlux one, whose conditions
 * decide whether these beans exist; each backs off when the application defines its own.
 */
@Configuration(proxyBeanMethods = false)
@Import({CamsDuplicateStoreConfigurations.Memory.class, CamsDuplicateStoreConfigurations.Jdbc.class,
    CamsDuplicateStoreConfigurations.Redis.class, CamsDuplicateStoreConfigurations.RedisModuleMissing.class})
final class CamsEndpointBeans {
  private static final Logger log = LoggerFactory.getLogger(CamsEndpointBeans.class);

  @Bean
  @ConditionalOnMissingBean
  CamsHandlerMethods camsHandlerMethods(ConfigurableListableBeanFactory beanFactory) {
    CamsHandlerMethods handlers = CamsHandlerMethods.scan(beanFactory);
    log.info("CAMS handler methods: {}", handlers.describe());
    return handlers;
  }

  @Bean
  @ConditionalOnMissingBean
  @Conditional(VerifierWanted.class)
  SignatureVerifier camsSignatureVerifier(CamsProperties properties, ObjectProvider<Clock> clock) {
    CamsProperties.Signature signature = properties.signature();
    if (signature.tokens().isEmpty()) {
      throw new CamsConfigurationException(
          "No signature token configured: the CAMS endpoint cannot verify intent calls without "
              + "cams.signature.tokens.",
          "Set cams.signature.tokens (env CAMS_SIGNATURE_TOKENS) to the business system's Signature token "
              + "from the CAMS console; during a rotation list both, comma-separated, the new one first.");
    }
    return SignatureVerifier.builder()
        .tokens(signature.tokens())
        .scheme(signature.scheme())
        .tokenLocation(TokenLocation.parse(signature.tokenLocation()))
        .tolerance(signature.tolerance())
        .clock(clock.getIfAvailable(Clock::systemUTC))
        .build();
  }

  @Bean
  @ConditionalOnMissingBean
  CamsEndpoint camsEndpoint(CamsProperties properties, SignatureVerifier verifier, DuplicateStore store,
      CamsHandlerMethods handlers) {
    CamsEndpoint.Builder builder = CamsEndpoint.builder()
        .verifier(verifier)
        .diagnoseRejections(properties.signature().diagnose())
        .duplicateStore(store)
        .retention(properties.duplicates().retention())
        .lease(properties.duplicates().lease())
        .handlerBudget(properties.handlerBudget())
        .maxBodyBytes(properties.bodyLimitBytes())
        .requireReceiptSignature(properties.receipts().requireSignature());
    return handlers.applyTo(builder).build();
  }

  /** Tokens are set, or no endpoint of the application's own needs a verifier from us (then tokens must be set). */
  static final class VerifierWanted extends AnyNestedCondition {
    VerifierWanted() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @Conditional(OnSignatureTokensCondition.class)
    static final class TokensSet {}

    @ConditionalOnMissingBean(CamsEndpoint.class)
    static final class NoOwnEndpoint {}
  }
}
