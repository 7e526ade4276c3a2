package io.camssdk.spring.autoconfigure;

import io.camssdk.duplicate.DuplicateStore;
import io.camssdk.signature.SignatureVerifier;
import io.camssdk.spring.CamsProperties;
import io.camssdk.webhook.CamsEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The CAMS endpoint on the reactive stack (Spring WebFlux, e.g. on Netty): the same beans as on the servlet stack
 * ({@link SignatureVerifier}, {@link DuplicateStore}, handler methods, {@link CamsEndpoint}; see
 * {@link CamsEndpointAutoConfiguration}) and one {@link RouterFunction} for the four {@code cams.paths.*}, every
 * HTTP method, so that the endpoint's own rejection table answers (a {@code GET} gets {@code 405
 * MethodNotAllowed}, not WebFlux's own reply).
 *
 * <p>Per call, the body is read into memory up to the endpoint's limit ({@code cams.body-limit}) plus one byte,
 * never more (the endpoint then answers {@code 413 PayloadTooLarge}), within {@code cams.read-deadline}
 * (default 10 s) for the whole body, else {@code 408 RequestTimeout}. The endpoint, and so the handler methods,
 * which may block, run on Reactor's bounded-elastic scheduler, never on the event loop; define a {@link Scheduler}
 * bean named {@value #HANDLER_SCHEDULER_BEAN_NAME} to run them elsewhere. Replies and metrics are those of the
 * servlet stack.
 *
 * @since 0.1
 */
// Before those that look for the endpoint's beans (they name only the servlet auto-configuration as "after").
@AutoConfiguration(before = {CamsMetricsAutoConfiguration.class, CamsInfoAutoConfiguration.class,
    CamsHealthAutoConfiguration.class, CamsIntentCoverageAutoConfiguration.class})
@ConditionalOnClass({CamsEndpoint.class, RouterFunction.class, Mono.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnProperty(prefix = "cams.endpoint", name = "enabled", havingValue = "true", matchIfMissing = true)
@Conditional(OnCamsEndpointCondition.class)
@EnableConfigurationProperties(CamsProperties.class)
@Import(CamsEndpointBeans.class)
public final class CamsWebFluxAutoConfiguration {
  private static final Logger log = LoggerFactory.getLogger(CamsWebFluxAutoConfiguration.class);

  /** The bean name of the router function; define a bean of this name to replace it. */
  public static final String ROUTER_FUNCTION_BEAN_NAME = "camsRouterFunction";

  /** The name of an optional {@link Scheduler} bean on which the endpoint and its handlers run. */
  public static final String HANDLER_SCHEDULER_BEAN_NAME = "camsHandlerScheduler";

  @Bean(ROUTER_FUNCTION_BEAN_NAME)
  @ConditionalOnMissingBean(name = ROUTER_FUNCTION_BEAN_NAME)
  RouterFunction<ServerResponse> camsRouterFunction(CamsEndpoint endpoint, CamsProperties properties,
      @Qualifier(HANDLER_SCHEDULER_BEAN_NAME) ObjectProvider<Scheduler> scheduler,
      ObjectProvider<CamsCallListener> listeners) {
    Duration readTimeout = properties.readDeadline();
    Scheduler handlers = scheduler.getIfAvailable(Schedulers::boundedElastic);
    List<CamsCallListener> callListeners = listeners.orderedStream().toList();
    Map<String, String> kinds = CamsEndpointKinds.byPath(properties.paths());
    RouterFunctions.Builder routes = RouterFunctions.route();
    kinds.forEach((path, kind) -> routes.route(RequestPredicates.path(path), new CamsWebFluxHandler(endpoint, kind,
        readTimeout, handlers, callListeners)));
    log.info("CAMS endpoint serving {} (WebFlux)", kinds);
    return routes.build();
  }
}
