package io.camssdk.webhook;

import io.camssdk.CamsConfigurationException;
import io.camssdk.receipt.Receipt;
import io.camssdk.receipt.ReceiptHandler;
import io.camssdk.receipt.ReceiptType;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/** The receipt handlers of an endpoint and how they run. */
final class ReceiptSettings {
  private final Map<ReceiptType, ReceiptHandler<Receipt>> handlers;
  private final boolean requireSignature;
  private final Executor executor;

  private ReceiptSettings(Builder builder) {
    this.handlers = new EnumMap<>(builder.handlers);
    this.requireSignature = builder.requireSignature;
    this.executor = builder.executor;
  }

  ReceiptHandler<Receipt> handler(ReceiptType type) {
    return handlers.get(type);
  }

  boolean requireSignature() {
    return requireSignature;
  }

  /** {@code null} when handlers run before the reply. */
  Executor executor() {
    return executor;
  }

  static final class Builder {
    private final Map<ReceiptType, ReceiptHandler<Receipt>> handlers = new EnumMap<>(ReceiptType.class);
    private boolean requireSignature;
    private Executor executor;

    @SuppressWarnings("unchecked")
    void handler(ReceiptType type, ReceiptHandler<? extends Receipt> handler) {
      Objects.requireNonNull(handler, "handler");
      if (handlers.putIfAbsent(type, (ReceiptHandler<Receipt>) handler) != null) {
        throw new CamsConfigurationException("on" + type.name().charAt(0) + type.name().substring(1).toLowerCase(
            java.util.Locale.ROOT), "is already set: " + type.wireName() + " receipts have one handler",
            "handle every " + type.wireName() + " receipt in one handler");
      }
    }

    void requireSignature(boolean require) {
      this.requireSignature = require;
    }

    void executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
    }

    ReceiptSettings build() {
      return new ReceiptSettings(this);
    }
  }
}
