package io.camssdk.testkit.spring;

import java.util.List;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Finds {@link AutoConfigureCamsEmulator} on a test class (or an enclosing class of a {@code @Nested} one) and
 * returns the customizer that starts the emulator before the context. Registered in {@code META-INF/spring.factories}.
 */
final class CamsEmulatorContextCustomizerFactory implements ContextCustomizerFactory {

  @Override
  public ContextCustomizer createContextCustomizer(Class<?> testClass,
      List<ContextConfigurationAttributes> configAttributes) {
    AutoConfigureCamsEmulator annotation =
        TestContextAnnotationUtils.findMergedAnnotation(testClass, AutoConfigureCamsEmulator.class);
    return annotation == null ? null : CamsEmulatorContextCustomizer.of(annotation);
  }
}
