package io.camssdk.spring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

/**
 * Finds the beans that hold handlers (annotated methods, or {@link CamsHandlerConfigurer}) without creating beans
 * of its own accord and without inspecting bean classes while conditions are evaluated: once the bean definitions
 * are final it marks the handler beans as dependencies of each {@link CamsHandlerMethods} bean (so the container
 * creates them first, in its usual way), and it records each handler bean as the container initialises it.
 * {@link CamsHandlerMethods#scan} then reads what was recorded. Registered by the auto-configuration; applications
 * do not use it directly.
 *
 * <p>A servlet or reactive web application with handlers but no {@code cams.signature.tokens} (so no endpoint)
 * stops start-up here, naming the property.
 *
 * @since 0.1
 */
public final class CamsHandlerDiscovery
    implements BeanFactoryPostProcessor, BeanPostProcessor, ApplicationContextAware, Ordered {
  /** The bean name the auto-configuration registers it under. */
  public static final String BEAN_NAME = "camsHandlerDiscovery";

  private static final List<String> WEB_CONTEXTS = List.of(
      "org.springframework.web.context.WebApplicationContext",
      "org.springframework.boot.web.context.reactive.ReactiveWebApplicationContext",
      "org.springframework.boot.web.reactive.context.ReactiveWebApplicationContext");

  private final Map<String, Object> handlerBeans = new ConcurrentHashMap<>();
  private final Set<Class<?>> withoutHandlers = ConcurrentHashMap.newKeySet();
  private volatile ConfigurableListableBeanFactory beanFactory;
  private volatile ApplicationContext context;

  @Override
  public void setApplicationContext(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
    this.beanFactory = beanFactory;
    List<String> handlerNames = new ArrayList<>();
    for (String name : beanFactory.getBeanDefinitionNames()) {
      Class<?> type = CamsHandlerMethods.handlerType(beanFactory, name);
      if (type != null && holdsHandlers(type)) {
        handlerNames.add(name);
      }
    }
    if (handlerNames.isEmpty()) {
      return;
    }
    String[] consumers = beanFactory.getBeanNamesForType(CamsHandlerMethods.class, true, false);
    if (consumers.length == 0 && endpointExpected()) {
      throw new CamsConfigurationException(
          "No signature token configured: bean(s) " + handlerNames + " declare CAMS handlers, but the CAMS "
              + "endpoint cannot verify intent calls without cams.signature.tokens.",
          "Set cams.signature.tokens (env CAMS_SIGNATURE_TOKENS) to the business system's Signature token from "
              + "the CAMS console; during a rotation list both, comma-separated, the new one first.");
    }
    for (String consumer : consumers) {
      if (!beanFactory.containsBeanDefinition(consumer)) {
        continue;
      }
      BeanDefinition definition = beanFactory.getBeanDefinition(consumer);
      Set<String> dependsOn = new LinkedHashSet<>();
      if (definition.getDependsOn() != null) {
        dependsOn.addAll(Arrays.asList(definition.getDependsOn()));
      }
      handlerNames.stream().filter(name -> !name.equals(consumer)).forEach(dependsOn::add);
      definition.setDependsOn(dependsOn.toArray(String[]::new));
    }
  }

  /** A web application whose endpoint is on, without tokens: handlers would silently never run. */
  private boolean endpointExpected() {
    if (context == null || "false".equalsIgnoreCase(context.getEnvironment().getProperty("cams.endpoint.enabled"))) {
      return false;
    }
    boolean tokens = Binder.get(context.getEnvironment())
        .bind("cams.signature.tokens", Bindable.listOf(String.class)).map(list -> !list.isEmpty()).orElse(false);
    if (tokens) {
      return false;
    }
    ClassLoader loader = getClass().getClassLoader();
    for (String type : WEB_CONTEXTS) {
      if (ClassUtils.isPresent(type, loader) && ClassUtils.resolveClassName(type, loader).isInstance(context)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) throws BeansException {
    ConfigurableListableBeanFactory factory = beanFactory;
    if (factory == null || ScopedProxyUtils.isScopedTarget(beanName) || !factory.containsBeanDefinition(beanName)) {
      return bean;
    }
    BeanDefinition definition = factory.getBeanDefinition(beanName);
    if (!definition.isSingleton() || definition.getRole() == BeanDefinition.ROLE_INFRASTRUCTURE) {
      return bean;
    }
    Class<?> type = ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
    if (withoutHandlers.contains(type)) {
      return bean;
    }
    if (holdsHandlers(type)) {
      handlerBeans.put(beanName, bean);
    } else {
      withoutHandlers.add(type);
    }
    return bean;
  }

  /** The handler beans initialised so far, in the order of their definitions. */
  Map<String, Object> handlerBeans(ConfigurableListableBeanFactory beanFactory) {
    Map<String, Object> ordered = new LinkedHashMap<>();
    for (String name : beanFactory.getBeanDefinitionNames()) {
      Object bean = handlerBeans.get(name);
      if (bean != null) {
        // The registered singleton is the final object (proxied by later post-processors, if any); a FactoryBean's
        // product is only what was seen here.
        Object registered = beanFactory.getSingleton(name);
        ordered.put(name, registered == null || registered instanceof FactoryBean<?> ? bean : registered);
      }
    }
    return ordered;
  }

  private static boolean holdsHandlers(Class<?> type) {
    return CamsHandlerConfigurer.class.isAssignableFrom(type) || CamsHandlerMethods.declaresHandlerMethods(type);
  }
}
