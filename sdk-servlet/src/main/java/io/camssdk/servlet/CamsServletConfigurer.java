package io.camssdk.servlet;

import io.camssdk.webhook.CamsEndpoint;
import jakarta.servlet.ServletContext;

/**
 * Adds handlers (and anything else code must supply, such as a shared duplicate store or a receipt executor) to an
 * endpoint that a servlet or filter builds from its init parameters, for containers configured by {@code web.xml}.
 *
 * <p>Name the implementing class in the {@value CamsInitParameters#CONFIGURER} init parameter. It must be public
 * with a public no-argument constructor; it is instantiated once, when the servlet or filter initialises. By then
 * the builder holds the verifier and the limits read from the other init parameters.
 *
 * <pre>{@code
 * public final class OrderIntents implements CamsServletConfigurer {
 *   public void configure(CamsEndpoint.Builder endpoint, ServletContext context) {
 *     endpoint.onIntent("ORDER_STATUS", call -> Map.of("status", "SHIPPED"));
 *   }
 * }
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface CamsServletConfigurer {

  /**
   * Configures the endpoint under construction.
   *
   * @param endpoint the builder, already holding the verifier and limits from the init parameters
   * @param context the servlet context, for looking up application objects
   * @throws Exception any failure, which stops the servlet or filter from starting
   */
  void configure(CamsEndpoint.Builder endpoint, ServletContext context) throws Exception;
}
