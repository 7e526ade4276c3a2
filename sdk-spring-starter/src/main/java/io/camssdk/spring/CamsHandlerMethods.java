package io.camssdk.spring;

import io.camssdk.intent.IntentCall;
import io.camssdk.intent.IntentHandler;
import io.camssdk.intent.IntentRouter;
import io.camssdk.json.JsonObject;
import io.camssdk.receipt.AuditReceipt;
import io.camssdk.receipt.InboundReceipt;
import io.camssdk.receipt.Receipt;
import io.camssdk.receipt.ReceiptHandler;
import io.camssdk.receipt.ReceiptType;
import io.camssdk.receipt.StatusReceipt;
import io.camssdk.webhook.CamsEndpoint;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.aop.framework.autoproxy.AutoProxyUtils;
import org.springframework.aop.scope.ScopedProxyUtils;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * The handler methods found on the application's beans ({@link CamsIntentHandler}, {@link CamsDefaultIntentHandler}
 * and the receipt handler annotations), each bound once as a {@link MethodHandle}; calls do no reflection.
 *
 * <p>The auto-configuration scans once at start-up and applies the result to the {@link CamsEndpoint} it builds.
 * An application that defines its own endpoint can still use the scan:
 *
 * <pre>{@code
 * @Bean
 * CamsEndpoint camsEndpoint(SignatureVerifier verifier, CamsHandlerMethods handlers) {
 *   return handlers.applyTo(CamsEndpoint.builder().verifier(verifier)).build();
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class CamsHandlerMethods {
  private static final Pattern INTENT_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  private static final MethodType GENERIC = MethodType.methodType(Object.class, Object[].class);

  private final Map<String, Bound<IntentHandler>> intents;
  private final Bound<IntentHandler> defaultIntent;
  private final Map<ReceiptType, Bound<ReceiptHandler<Receipt>>> receipts;

  private CamsHandlerMethods(Map<String, Bound<IntentHandler>> intents, Bound<IntentHandler> defaultIntent,
      Map<ReceiptType, Bound<ReceiptHandler<Receipt>>> receipts) {
    this.intents = Collections.unmodifiableMap(intents);
    this.defaultIntent = defaultIntent;
    this.receipts = Collections.unmodifiableMap(receipts);
  }

  /**
   * The handlers of the application's singleton beans: their handler methods, and what each
   * {@link CamsHandlerConfigurer} bean registers. Within the auto-configuration the beans are the ones the container
   * initialised ({@link CamsHandlerDiscovery} makes them dependencies of this bean); without it, the beans that
   * declare handlers are looked up here.
   *
   * @throws CamsConfigurationException when two handlers take the same intent code or receipt type, or a method
   *     has a signature the starter cannot call; the message names the bean(s) and method(s)
   */
  public static CamsHandlerMethods scan(ConfigurableListableBeanFactory beanFactory) {
    Objects.requireNonNull(beanFactory, "beanFactory");
    Map<String, Object> beans;
    if (beanFactory.getSingleton(CamsHandlerDiscovery.BEAN_NAME) instanceof CamsHandlerDiscovery discovery) {
      beans = discovery.handlerBeans(beanFactory);
    } else {
      beans = new LinkedHashMap<>();
      for (String beanName : beanFactory.getBeanDefinitionNames()) {
        Class<?> type = handlerType(beanFactory, beanName);
        if (type != null && (CamsHandlerConfigurer.class.isAssignableFrom(type) || declaresHandlerMethods(type))) {
          beans.put(beanName, beanFactory.getBean(beanName));
        }
      }
    }
    return of(beans);
  }

  /** The handlers of {@code beans}, keyed by bean name. */
  static CamsHandlerMethods of(Map<String, Object> beans) {
    Collector collector = new Collector();
    beans.forEach((beanName, bean) -> {
      Class<?> type = ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
      for (Map.Entry<Method, Object> entry : annotatedMethods(type).entrySet()) {
        collector.method(beanName, bean, entry.getKey(), entry.getValue());
      }
      if (bean instanceof CamsHandlerConfigurer configurer) {
        configurer.configure(collector.registry("bean '" + beanName + "' (CamsHandlerConfigurer)"));
      }
    });
    return new CamsHandlerMethods(collector.intents, collector.defaultIntent, collector.receipts);
  }

  /** Gathers handlers from methods and configurers, refusing a second one for the same code or type. */
  private static final class Collector {
    final Map<String, Bound<IntentHandler>> intents = new LinkedHashMap<>();
    Bound<IntentHandler> defaultIntent;
    final Map<ReceiptType, Bound<ReceiptHandler<Receipt>>> receipts = new EnumMap<>(ReceiptType.class);

    void method(String beanName, Object bean, Method method, Object annotation) {
      String where = describe(beanName, method);
      if (annotation instanceof CamsIntentHandler mapping) {
        IntentHandler handler = intentHandler(bean, method, where);
        if (mapping.value().length == 0) {
          throw new CamsConfigurationException(where + " has @CamsIntentHandler without an intent code.",
              "Name the intent codes, e.g. @CamsIntentHandler(\"ORDER_STATUS\"), or use @CamsDefaultIntentHandler.");
        }
        for (String code : mapping.value()) {
          intent(code, handler, where);
        }
      } else if (annotation instanceof CamsDefaultIntentHandler) {
        defaultIntent(intentHandler(bean, method, where), where);
      } else {
        ReceiptType receiptType = receiptTypeOf(annotation);
        receipt(receiptType, receiptHandler(bean, method, where, RECEIPT_CLASSES.get(receiptType)), where);
      }
    }

    void intent(String code, IntentHandler handler, String where) {
      if (code == null || !INTENT_CODE.matcher(code).matches()) {
        throw new CamsConfigurationException(
            where + " names intent code '" + code + "', which does not match [A-Za-z0-9_.-]{1,64}.",
            "Use the intent code exactly as configured on the platform.");
      }
      Bound<IntentHandler> previous = intents.putIfAbsent(code, new Bound<>(where, handler));
      if (previous != null) {
        throw duplicate("intent code '" + code + "'", previous.where(), where);
      }
    }

    void defaultIntent(IntentHandler handler, String where) {
      if (defaultIntent != null) {
        throw duplicate("the default intent handler", defaultIntent.where(), where);
      }
      defaultIntent = new Bound<>(where, handler);
    }

    void receipt(ReceiptType type, ReceiptHandler<Receipt> handler, String where) {
      Bound<ReceiptHandler<Receipt>> previous = receipts.putIfAbsent(type, new Bound<>(where, handler));
      if (previous != null) {
        throw duplicate(type.wireName() + " receipts", previous.where(), where);
      }
    }

    @SuppressWarnings("unchecked")
    CamsHandlerConfigurer.Registry registry(String where) {
      return new CamsHandlerConfigurer.Registry() {
        @Override
        public CamsHandlerConfigurer.Registry intent(String intentCode, IntentHandler handler) {
          Collector.this.intent(intentCode, Objects.requireNonNull(handler, "handler"), where);
          return this;
        }

        @Override
        public CamsHandlerConfigurer.Registry defaultIntent(IntentHandler handler) {
          Collector.this.defaultIntent(Objects.requireNonNull(handler, "handler"), where);
          return this;
        }

        @Override
        public CamsHandlerConfigurer.Registry status(ReceiptHandler<StatusReceipt> handler) {
          Objects.requireNonNull(handler, "handler");
          receipt(ReceiptType.STATUS, list -> handler.handle((List<StatusReceipt>) (List<?>) list), where);
          return this;
        }

        @Override
        public CamsHandlerConfigurer.Registry inbound(ReceiptHandler<InboundReceipt> handler) {
          Objects.requireNonNull(handler, "handler");
          receipt(ReceiptType.INBOUND, list -> handler.handle((List<InboundReceipt>) (List<?>) list), where);
          return this;
        }

        @Override
        public CamsHandlerConfigurer.Registry audit(ReceiptHandler<AuditReceipt> handler) {
          Objects.requireNonNull(handler, "handler");
          receipt(ReceiptType.AUDIT, list -> handler.handle((List<AuditReceipt>) (List<?>) list), where);
          return this;
        }
      };
    }
  }

  /** Registers every handler found on {@code builder}; returns it. */
  public CamsEndpoint.Builder applyTo(CamsEndpoint.Builder builder) {
    IntentRouter.Builder router = IntentRouter.builder();
    intents.forEach((code, bound) -> router.on(code, bound.handler()));
    if (defaultIntent != null) {
      router.otherwise(defaultIntent.handler());
    }
    builder.router(router.build());
    receipts.forEach((type, bound) -> {
      ReceiptHandler<Receipt> h = bound.handler();
      switch (type) {
        case STATUS -> builder.onStatus(list -> h.handle(List.copyOf(list)));
        case INBOUND -> builder.onInbound(list -> h.handle(List.copyOf(list)));
        case AUDIT -> builder.onAudit(list -> h.handle(List.copyOf(list)));
      }
    });
    return builder;
  }

  /** The receipt types with a handler method. */
  public Set<ReceiptType> receiptTypes() {
    return receipts.keySet();
  }

  /** The intent codes with a handler method, in the order found. */
  public Set<String> intentCodes() {
    return intents.keySet();
  }

  /** Whether a {@link CamsDefaultIntentHandler} method was found. */
  public boolean hasDefaultIntentHandler() {
    return defaultIntent != null;
  }

  /** Whether no handler method of any kind was found. */
  public boolean isEmpty() {
    return intents.isEmpty() && defaultIntent == null && receipts.isEmpty();
  }

  /** {@code "bean#method"} of each handler, keyed by what it handles, for diagnostics. */
  public Map<String, String> describe() {
    Map<String, String> out = new LinkedHashMap<>();
    intents.forEach((code, bound) -> out.put(code, bound.where()));
    if (defaultIntent != null) {
      out.put("*", defaultIntent.where());
    }
    receipts.forEach((type, bound) -> out.put(type.wireName(), bound.where()));
    return out;
  }

  @Override
  public String toString() {
    return "CamsHandlerMethods" + describe();
  }

  /**
   * Whether any singleton bean definition's class declares a CAMS handler method, found without creating beans.
   * It inspects every bean definition's class, so the auto-configuration calls it while conditions are evaluated
   * only when neither web stack is on the class path (to refuse handlers nothing would serve);
   * {@link CamsHandlerDiscovery} finds the handlers once the definitions are final.
   */
  public static boolean declaredIn(ConfigurableListableBeanFactory beanFactory) {
    for (String beanName : beanFactory.getBeanDefinitionNames()) {
      Class<?> type = handlerType(beanFactory, beanName);
      if (type != null && declaresHandlerMethods(type)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code type} has a method carrying a CAMS handler annotation. */
  static boolean declaresHandlerMethods(Class<?> type) {
    return !annotatedMethods(type).isEmpty();
  }

  /** The user class behind a bean definition, or {@code null} when it cannot hold handlers. */
  static Class<?> handlerType(ConfigurableListableBeanFactory beanFactory, String beanName) {
    if (ScopedProxyUtils.isScopedTarget(beanName)) {
      return null;
    }
    if (beanFactory.containsBeanDefinition(beanName)) {
      BeanDefinition definition = beanFactory.getBeanDefinition(beanName);
      if (definition.isAbstract() || definition.getRole() == BeanDefinition.ROLE_INFRASTRUCTURE
          || !definition.isSingleton()) {
        return null;
      }
    }
    Class<?> type;
    try {
      type = AutoProxyUtils.determineTargetClass(beanFactory, beanName);
      if (type == null) {
        type = beanFactory.getType(beanName, false);
      }
    } catch (RuntimeException e) {
      return null; // a type that cannot be resolved cannot declare handlers we could call
    }
    if (type == null || type.getName().startsWith("org.springframework.")) {
      return null;
    }
    return ClassUtils.getUserClass(type);
  }

  private static Map<Method, Object> annotatedMethods(Class<?> type) {
    return MethodIntrospector.selectMethods(type, (MethodIntrospector.MetadataLookup<Object>) method -> {
      Object found = null;
      int count = 0;
      for (Class<? extends java.lang.annotation.Annotation> kind : List.of(CamsIntentHandler.class,
          CamsDefaultIntentHandler.class, CamsStatusHandler.class, CamsInboundHandler.class,
          CamsAuditHandler.class)) {
        java.lang.annotation.Annotation a = AnnotatedElementUtils.findMergedAnnotation(method, kind);
        if (a != null) {
          found = a;
          count++;
        }
      }
      if (count > 1) {
        throw new CamsConfigurationException(method.getDeclaringClass().getName() + "#" + method.getName()
            + " carries more than one CAMS handler annotation.", "Keep one handler annotation per method.");
      }
      return found;
    });
  }

  private static IntentHandler intentHandler(Object bean, Method method, String where) {
    Class<?>[] types = method.getParameterTypes();
    if (types.length > 2) {
      throw unsupported(where, "has " + types.length + " parameters");
    }
    boolean[] isCall = new boolean[types.length];
    int calls = 0;
    for (int i = 0; i < types.length; i++) {
      isCall[i] = types[i] == IntentCall.class;
      if (isCall[i]) {
        calls++;
      } else if (types[i].isPrimitive() || types[i].isArray() || types[i] == String.class
          || types[i] == Object.class) {
        throw unsupported(where, "has a parameter of type " + types[i].getSimpleName());
      }
    }
    if (calls > 1 || (types.length == 2 && calls == 0)) {
      throw unsupported(where, "has two parameters of the same kind");
    }
    Class<?> returns = method.getReturnType();
    if (returns.isPrimitive() && returns != void.class) {
      throw unsupported(where, "returns " + returns.getName());
    }
    MethodHandle handle = bind(bean, method, where);
    Class<?>[] dataTypes = types.clone();
    return call -> {
      Object[] args = new Object[dataTypes.length];
      for (int i = 0; i < args.length; i++) {
        if (isCall[i]) {
          args[i] = call;
        } else if (dataTypes[i] == JsonObject.class) {
          args[i] = call.intentData();
        } else {
          args[i] = call.data(dataTypes[i]);
        }
      }
      return invoke(handle, args);
    };
  }

  private static final Map<ReceiptType, Class<? extends Receipt>> RECEIPT_CLASSES = Map.of(
      ReceiptType.STATUS, StatusReceipt.class,
      ReceiptType.INBOUND, InboundReceipt.class,
      ReceiptType.AUDIT, AuditReceipt.class);

  private static ReceiptType receiptTypeOf(Object annotation) {
    if (annotation instanceof CamsStatusHandler) {
      return ReceiptType.STATUS;
    }
    if (annotation instanceof CamsInboundHandler) {
      return ReceiptType.INBOUND;
    }
    return ReceiptType.AUDIT;
  }

  private static ReceiptHandler<Receipt> receiptHandler(Object bean, Method method, String where,
      Class<? extends Receipt> receiptClass) {
    if (method.getReturnType() != void.class) {
      throw unsupported(where, "returns " + method.getReturnType().getSimpleName() + " (receipt handlers return void)");
    }
    if (method.getParameterCount() != 1) {
      throw unsupported(where, "has " + method.getParameterCount() + " parameters (receipt handlers take one: "
          + "List<" + receiptClass.getSimpleName() + "> or " + receiptClass.getSimpleName() + ")");
    }
    Class<?> raw = method.getParameterTypes()[0];
    Type generic = method.getGenericParameterTypes()[0];
    boolean perItem = raw == receiptClass;
    boolean batch = raw == List.class && generic instanceof ParameterizedType p
        && p.getActualTypeArguments()[0] == receiptClass;
    if (!perItem && !batch) {
      throw unsupported(where, "takes " + generic.getTypeName() + " where List<" + receiptClass.getSimpleName()
          + "> or " + receiptClass.getSimpleName() + " is expected");
    }
    MethodHandle handle = bind(bean, method, where);
    if (batch) {
      return list -> invoke(handle, new Object[] {list});
    }
    return list -> {
      for (Receipt receipt : list) {
        invoke(handle, new Object[] {receipt});
      }
    };
  }

  /** Binds {@code method} on {@code bean} (through its proxy, if any) as {@code (Object[]) -> Object}. */
  static MethodHandle bind(Object bean, Method method, String where) {
    Method invocable = AopUtils.selectInvocableMethod(method, bean.getClass());
    if (Modifier.isStatic(invocable.getModifiers())) {
      throw unsupported(where, "is static");
    }
    try {
      ReflectionUtils.makeAccessible(invocable);
      MethodHandle handle = MethodHandles.lookup().unreflect(invocable).bindTo(bean);
      return handle.asSpreader(Object[].class, invocable.getParameterCount()).asType(GENERIC);
    } catch (IllegalAccessException | RuntimeException e) {
      throw new CamsConfigurationException(where + " cannot be called: " + e.getClass().getSimpleName() + ".",
          "Make the method public, or its class and the method package-private without a security manager.");
    }
  }

  static Object invoke(MethodHandle handle, Object[] args) throws Exception {
    try {
      return (Object) handle.invokeExact(args);
    } catch (Exception | Error e) {
      throw e;
    } catch (Throwable t) {
      throw new UndeclaredThrowableException(t);
    }
  }

  static String describe(String beanName, Method method) {
    StringBuilder out = new StringBuilder("bean '").append(beanName).append("' method ")
        .append(method.getDeclaringClass().getSimpleName()).append('#').append(method.getName()).append('(');
    Class<?>[] types = method.getParameterTypes();
    for (int i = 0; i < types.length; i++) {
      out.append(i == 0 ? "" : ", ").append(types[i].getSimpleName());
    }
    return out.append(')').toString();
  }

  static CamsConfigurationException unsupported(String where, String problem) {
    return new CamsConfigurationException(where + " " + problem + ", which a CAMS handler method cannot have.",
        "See the Javadoc of the handler annotation for the parameters and return types allowed.");
  }

  static CamsConfigurationException duplicate(String what, String first, String second) {
    return new CamsConfigurationException(
        "Two handler methods for " + what + ": " + first + " and " + second + ".",
        "Keep one handler per intent code and receipt type: remove or rename one of them.");
  }

  private record Bound<H>(String where, H handler) {}
}
