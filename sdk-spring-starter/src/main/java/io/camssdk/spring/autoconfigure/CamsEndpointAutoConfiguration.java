package io.camssdk.spring.autoconfigure;

import io.camssdk.duplicate.DuplicateStore;
import io.camssdk.signature.SignatureVerifier;
import io.camssdk.spring.CamsProperties;
import io.camssdk.webhook.CamsEndpoint;
import jakarta.servlet.http.HttpServlet;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
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
 * {@code cams.paths.*}. Each bean backs off when the application defines its own. The endpoint's beans are in
 * {@link CamsEndpointBeans}, shared with the WebFlux auto-configuration.
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
@Import(CamsEndpointBeans.class)
public final class CamsEndpointAutoConfiguration {
  private static final Logger log = LoggerFactory.getLogger(CamsEndpointAutoConfiguration.class);

  /** The bean name of the servlet registration; define a bean of this name to replace it. */
  public static final String SERVLET_REGISTRATION_BEAN_NAME = "camsServletRegistration";

  @Bean(SERVLET_REGISTRATION_BEAN_NAME)
  @ConditionalOnMissingBean(name = SERVLET_REGISTRATION_BEAN_NAME)
  ServletRegistrationBean<HttpServlet> camsServletRegistration(CamsEndpoint endpoint, CamsProperties properties,
      ObjectProvider<CamsCallListener> listeners) {
    Map<String, String> kinds = CamsEndpointKinds.byPath(properties.paths());
    CamsEndpointServlet servlet = new CamsEndpointServlet(endpoint, kinds, listeners.orderedStream().toList(),
        properties.readDeadline());
    ServletRegistrationBean<HttpServlet> registration =
        new ServletRegistrationBean<>(servlet, kinds.keySet().toArray(String[]::new));
    registration.setName("camsEndpoint");
    registration.setLoadOnStartup(1);
    log.info("CAMS endpoint serving {}", kinds);
    return registration;
  }
}
