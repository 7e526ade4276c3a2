package io.camssdk.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts one {@link CamsEmulator} per test class (on a free loopback port, closed after the class) and injects it,
 * and a {@link io.camssdk.management.CamsManagementClient} pointing at it, into test constructors, lifecycle
 * methods and test methods. Deliveries use short test timings (see the attributes) instead of the platform's
 * 3 s / 1 s.
 *
 * <pre>{@code
 * @CamsEmulatorTest
 * class OrderIntentsTest {
 *   @Test
 *   void answersOrderStatus(CamsEmulator emulator, CamsManagementClient cams) { ... }
 * }
 * }</pre>
 *
 * <p>For other settings register {@link CamsEmulatorExtension} with a builder instead.
 *
 * @since 0.1
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CamsEmulatorExtension.class)
public @interface CamsEmulatorTest {
  /** How long the emulator waits for a business system's reply, in milliseconds. */
  long deliveryTimeoutMillis() default 1000;

  /** The first retry delay in milliseconds; later ones double. */
  long backoffBaseMillis() default 10;

  /** The attempt limit per call. */
  int maxAttempts() default CamsEmulator.PLATFORM_MAX_ATTEMPTS;
}
