package io.camssdk.intent;

import io.camssdk.CamsConfigurationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Routes intent calls to handlers by intent code, with an optional default handler. Immutable and thread-safe.
 *
 * <pre>{@code
 * IntentRouter router = IntentRouter.builder()
 *     .on("ORDER_STATUS", call -> Map.of("status", "SHIPPED"))
 *     .otherwise(call -> null)
 *     .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class IntentRouter {
  static final Pattern INTENT_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private final Map<String, IntentHandler> handlers;
  private final IntentHandler defaultHandler;

  private IntentRouter(Builder builder) {
    this.handlers = Map.copyOf(builder.handlers);
    this.defaultHandler = builder.defaultHandler;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The handler for {@code intentCode}, else the default handler, else {@code null}. */
  public IntentHandler route(String intentCode) {
    IntentHandler handler = handlers.get(intentCode);
    return handler != null ? handler : defaultHandler;
  }

  /** The intent codes with their own handler. */
  public Set<String> intentCodes() {
    return handlers.keySet();
  }

  /** Whether a default handler takes calls of unregistered codes. */
  public boolean hasDefaultHandler() {
    return defaultHandler != null;
  }

  @Override
  public String toString() {
    return "IntentRouter{intents=" + handlers.keySet() + ", default=" + (defaultHandler != null) + "}";
  }

  /** Configures an {@link IntentRouter}. */
  public static final class Builder {
    private final Map<String, IntentHandler> handlers = new LinkedHashMap<>();
    private IntentHandler defaultHandler;

    private Builder() {}

    /**
     * Routes calls of {@code intentCode} to {@code handler}.
     *
     * @throws CamsConfigurationException when the code is not {@code [A-Za-z0-9_.-]{1,64}} or already has a
     *     handler
     */
    public Builder on(String intentCode, IntentHandler handler) {
      Objects.requireNonNull(intentCode, "intentCode");
      Objects.requireNonNull(handler, "handler");
      if (!INTENT_CODE.matcher(intentCode).matches()) {
        throw new CamsConfigurationException("intentCode", "must match [A-Za-z0-9_.-]{1,64}",
            "use the intent code exactly as it is configured on the platform");
      }
      if (handlers.putIfAbsent(intentCode, handler) != null) {
        // An intent code is an identifier configured on the platform, not a secret: naming it says what to fix.
        throw new CamsConfigurationException("intents[" + intentCode + "]", "already has a handler",
            "register one handler per intent code");
      }
      return this;
    }

    /** Routes calls of every code without its own handler to {@code handler}. */
    public Builder otherwise(IntentHandler handler) {
      Objects.requireNonNull(handler, "handler");
      if (defaultHandler != null) {
        throw new CamsConfigurationException("otherwise", "is already set", "register one default handler");
      }
      this.defaultHandler = handler;
      return this;
    }

    public IntentRouter build() {
      return new IntentRouter(this);
    }
  }
}
