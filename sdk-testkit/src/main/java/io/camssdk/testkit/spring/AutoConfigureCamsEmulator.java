package io.camssdk.testkit.spring;

import io.camssdk.testkit.CamsEmulator;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Points a Spring test's application context at a {@link CamsEmulator} started before the context: the emulator
 * creates a business system (and the {@link #intents()} named), and the context sees its Signature token as
 * {@code cams.signature.tokens} and the emulator's management endpoint and AccessKey pair as
 * {@code cams.management.endpoint}, {@code cams.management.access-key-id} and
 * {@code cams.management.access-key-secret}. These win over the application's own values (such as
 * {@code cams.signature.tokens=${CAMS_SIGNATURE_TOKENS}} in {@code application.properties}), so no environment
 * variable and no {@code @DynamicPropertySource} is needed.
 *
 * <p>Once a web server has started ({@code webEnvironment = RANDOM_PORT} or {@code DEFINED_PORT}), the business
 * system's API URL and the emulator's receipt callback URLs point at it ({@code cams.paths.*} and
 * {@code server.servlet.context-path} respected), so {@code emulator.triggerIntent(...)} reaches the application.
 *
 * <p>Beans for the test to inject: the {@link CamsEmulator}, the {@link EmulatedBusinessSystem}, and a
 * {@link io.camssdk.management.CamsManagementClient} pointing at the emulator (the starter's, configured by the
 * properties above, when {@code cams-sdk-spring-starter} is present; otherwise one registered here, retries off).
 * Contexts with the same attributes are shared by Spring's context cache, emulator included; it closes with the
 * context.
 *
 * <pre>{@code
 * @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
 * @AutoConfigureCamsEmulator(intents = "ORDER_STATUS")
 * class OrderIntentsTest {
 *   @Autowired CamsEmulator emulator;
 *   @Autowired EmulatedBusinessSystem system;
 *
 *   @Test
 *   void answersOrderStatus() throws Exception {
 *     Delivery delivery = system.trigger(emulator, "ORDER_STATUS", JsonObject.of(Map.of("orderId", "A-1")))
 *         .await(Duration.ofSeconds(5));
 *     assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.DELIVERED);
 *   }
 * }
 * }</pre>
 *
 * <p>Needs {@code spring-test} (and {@code spring-context}) on the test class path, as every Spring test has.
 *
 * @since 0.1
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureCamsEmulator {

  /** The intent codes to create on the business system, so that they can be triggered. */
  String[] intents() default {};

  /** The channel (customer space) the business system belongs to. */
  String custSpaceId() default CamsEmulator.DEFAULT_WHATSAPP_CUST_SPACE_ID;

  /** The business system's name. */
  String systemName() default "Spring test";

  /**
   * How long the emulator waits for the application's reply, in milliseconds: the platform's 3000 by default, as a
   * context's first request (class loading, a cold JIT on a busy build machine) can take over a second.
   */
  long deliveryTimeoutMillis() default 3000;

  /** The first retry delay in milliseconds; later ones double (the platform: 1000). */
  long backoffBaseMillis() default 10;

  /** The attempt limit per call. */
  int maxAttempts() default CamsEmulator.PLATFORM_MAX_ATTEMPTS;
}
