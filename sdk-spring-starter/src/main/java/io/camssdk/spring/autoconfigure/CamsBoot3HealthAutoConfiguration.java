package io.camssdk.spring.autoconfigure;

import io.camssdk.duplicate.DuplicateStore;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.ClassUtils;

/**
 * The health indicator {@code camsDuplicateStore} on Spring Boot 3.5, whose health API is
 * {@code org.springframework.boot.actuate.health} (Boot 4 moved it to {@code spring-boot-health}, where
 * {@link CamsHealthAutoConfiguration} serves it). The same check ({@link DuplicateStoreHealth}), status and details
 * as on Boot 4; {@code management.health.cams.enabled=false} turns it off, and a bean named
 * {@code camsDuplicateStoreHealthIndicator} of the application's own replaces it.
 *
 * <p>The starter is compiled against Boot 4, where that package does not exist: the indicator is a
 * {@link Proxy} of Boot 3.5's {@code HealthIndicator} interface building {@code Health} reflectively, and its bean
 * definition carries the interface as its type so that the actuator finds it without creating it first.
 *
 * @since 0.1
 */
@AutoConfiguration(after = CamsEndpointAutoConfiguration.class)
@ConditionalOnClass(name = CamsBoot3HealthAutoConfiguration.BOOT3_INDICATOR)
@ConditionalOnMissingClass("org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnBean(DuplicateStore.class)
@ConditionalOnProperty(prefix = "management.health.cams", name = "enabled", havingValue = "true",
    matchIfMissing = true)
@Import(CamsBoot3HealthAutoConfiguration.Registrar.class)
public final class CamsBoot3HealthAutoConfiguration {
  static final String BOOT3_INDICATOR = "org.springframework.boot.actuate.health.HealthIndicator";
  static final String BOOT3_HEALTH = "org.springframework.boot.actuate.health.Health";
  static final String BEAN_NAME = "camsDuplicateStoreHealthIndicator";

  /** Registers the indicator with Boot 3.5's interface as its type, unless the application named one alike. */
  static final class Registrar implements ImportBeanDefinitionRegistrar, BeanClassLoaderAware {
    private ClassLoader classLoader;

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
      this.classLoader = classLoader;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
      if (registry.containsBeanDefinition(BEAN_NAME)) {
        return;
      }
      RootBeanDefinition definition = new RootBeanDefinition(Boot3Indicator.class);
      definition.setFactoryMethodName("of");
      definition.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
      definition.setTargetType(ClassUtils.resolveClassName(BOOT3_INDICATOR, classLoader));
      registry.registerBeanDefinition(BEAN_NAME, definition);
    }
  }

  /** Builds the proxy; each {@code health()} call pings the store. */
  static final class Boot3Indicator {
    private Boot3Indicator() {}

    static Object of(DuplicateStore store) throws ReflectiveOperationException {
      ClassLoader loader = DuplicateStore.class.getClassLoader();
      Class<?> indicator = ClassUtils.forName(BOOT3_INDICATOR, CamsBoot3HealthAutoConfiguration.class.getClassLoader());
      Class<?> health = ClassUtils.forName(BOOT3_HEALTH, indicator.getClassLoader());
      Method up = health.getMethod("up");
      Method down = health.getMethod("down");
      Method withDetails = up.getReturnType().getMethod("withDetails", java.util.Map.class);
      Method build = up.getReturnType().getMethod("build");
      DuplicateStoreHealth check = new DuplicateStoreHealth(store);
      InvocationHandler handler = (proxy, method, args) -> switch (method.getName()) {
        case "health" -> {
          if (method.getParameterCount() != 0) {
            yield InvocationHandler.invokeDefault(proxy, method, args);
          }
          DuplicateStoreHealth.Result result = check.check();
          Object builder = (result.up() ? up : down).invoke(null);
          withDetails.invoke(builder, result.details());
          yield build.invoke(builder);
        }
        case "toString" -> "CamsDuplicateStoreHealthIndicator[" + store.getClass().getSimpleName() + "]";
        case "hashCode" -> System.identityHashCode(proxy);
        case "equals" -> proxy == args[0];
        default -> {
          if (method.isDefault()) {
            yield InvocationHandler.invokeDefault(proxy, method, args);
          }
          throw new UnsupportedOperationException(method.getName());
        }
      };
      return Proxy.newProxyInstance(indicator.getClassLoader() != null ? indicator.getClassLoader() : loader,
          new Class<?>[] {indicator}, handler);
    }
  }
}
