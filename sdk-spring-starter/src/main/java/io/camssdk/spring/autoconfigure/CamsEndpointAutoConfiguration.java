package io.camssdk.spring.autoconfigure;

import io.camssdk.duplicate.DuplicateStore;
import io.camssdk.receipt.ReceiptType;
import io.camssdk.signature.SignatureVerifier;
import io.camssdk.signature.TokenLocation;
import io.camssdk.spring.CamsConfigurationException;
import io.camssdk.spring.CamsHandlerMethods;
import io.camssdk.spring.CamsProperties;
import io.camssdk.webhook.CamsEndpoint;
import jakarta.servlet.http.HttpServlet;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;

/**
 * The CAMS endpoint on the servlet stack: a {@link SignatureVerifier} from {@code cams.signature.*}, the
 * {@link DuplicateStore} of {@code cams.duplicates.store} ({@code memory}, {@code jdbc} on the application's
 * {@code DataSource}, or {@code redis}), the handler methods found on beans, a {@link CamsEndpoint}, and one servlet mapped to
 * {@code cams.paths.*}. Each bean backs off when the application defines its own.
 *
 * <p>Active in a servlet web application when tokens are set, a bean declares handler methods, or the
 * application defines its own verifier or endpoint; {@code cams.endpoint.enabled=false} turns it off.
 *
 * @since 0.1
 */
@AutoConfiguration
@ConditionalOnClass({CamsEndpoint.class, HttpServlet.class, ServletRegistrationBean.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "cams.endpoint", name = "enabled", havingValue = "true", matchIfMissing = true)
@Conditional(OnCamsEndpointCondition.class)
@EnableConfigurationProperties(CamsProperties.class)
@Import({CamsDuplicateStoreConfigurations.Memory.class, CamsDuplicateStoreConfigurations.Jdbc.class,
    CamsDuplicateStoreConfigurations.Redis.class, CamsDuplicateStoreConfigurations.RedisModuleMissing.class})
public final class CamsEndpointAutoConfiguration {
  private static final Logger log = LoggerFactory.getLogger(CamsEndpointAutoConfiguration.class);

  /** The bean name of the servlet registration; define a bean of this name to replace it. */
  public static final String SERVLET_REGISTRATION_BEAN_NAME = "camsServletRegistration";

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

  @Bean(SERVLET_REGISTRATION_BEAN_NAME)
  @ConditionalOnMissingBean(name = SERVLET_REGISTRATION_BEAN_NAME)
  ServletRegistrationBean<HttpServlet> camsServletRegistration(CamsEndpoint endpoint, CamsProperties properties,
      ObjectProvider<CamsCallListener> listeners) {
    Map<String, String> kinds = new LinkedHashMap<>();
    kinds.put(properties.paths().intents(), CamsEndpointKinds.INTENT);
    kinds.put(properties.paths().status(), CamsEndpointKinds.of(ReceiptType.STATUS));
    kinds.put(properties.paths().inbound(), CamsEndpointKinds.of(ReceiptType.INBOUND));
    kinds.put(properties.paths().audit(), CamsEndpointKinds.of(ReceiptType.AUDIT));
    CamsEndpointServlet servlet = new CamsEndpointServlet(endpoint, kinds, listeners.orderedStream().toList());
    ServletRegistrationBean<HttpServlet> registration =
        new ServletRegistrationBean<>(servlet, kinds.keySet().toArray(String[]::new));
    registration.setName("camsEndpoint");
    registration.setLoadOnStartup(1);
    log.info("CAMS endpoint serving {}", kinds);
    return registration;
  }
}
