package io.camssdk.webhook;

import io.camssdk.CamsCode;
import io.camssdk.CamsException;
import io.camssdk.duplicate.ClaimResult;
import io.camssdk.duplicate.StoredReply;
import io.camssdk.internal.Utf8;
import io.camssdk.json.JsonLimits;
import io.camssdk.json.MalformedPayloadException;
import io.camssdk.receipt.Receipt;
import io.camssdk.receipt.ReceiptHandler;
import io.camssdk.receipt.ReceiptParser;
import io.camssdk.receipt.ReceiptType;
import io.camssdk.signature.VerifiedSignature;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses an admitted receipt batch, drops the receipts seen before and hands the rest to the type's handler. Its
 * keys live in their own guard, so unsigned pushes never take room from intent request ids.
 */
final class ReceiptFlow {
  private static final Logger log = LoggerFactory.getLogger(CamsEndpoint.class);

  private final ReceiptSettings settings;
  private final OnceGuard guard;
  private final JsonLimits limits;
  private final HandlerBudget budget;

  ReceiptFlow(ReceiptSettings settings, OnceGuard guard, JsonLimits limits, HandlerBudget budget) {
    this.settings = settings;
    this.guard = guard;
    this.limits = limits;
    this.budget = budget;
  }

  boolean requireSignature() {
    return settings.requireSignature();
  }

  /** Handles an admitted batch to its reply; nothing but a fatal VM error escapes. */
  EndpointResponse handle(ReceiptType type, Admitted admitted) {
    String requestId = admitted.requestId();
    VerifiedSignature signature = admitted.signature();
    ReceiptHandler<Receipt> handler = settings.handler(type);
    if (handler == null) {
      return Rejections.reject(CamsCode.UNKNOWN_INTENT, "no handler for " + type.wireName() + " receipts", requestId,
          null, signature);
    }
    List<? extends Receipt> items;
    try {
      items = parse(type, admitted);
    } catch (CamsException e) {
      return Rejections.reject(e, requestId, null, signature);
    }

    List<Receipt> fresh = new ArrayList<>(items.size());
    List<String> claimed = new ArrayList<>(items.size());
    Set<String> inBatch = new HashSet<>();
    try {
      for (Receipt item : items) {
        String key = guard.key(item.dedupKey());
        if (!inBatch.add(key)) {
          continue; // the same receipt twice in one push
        }
        ClaimResult claim = guard.claim(key, requestId);
        if (claim instanceof ClaimResult.Acquired) {
          claimed.add(key);
          fresh.add(item);
        } else if (claim instanceof ClaimResult.InProgress) {
          releaseAll(claimed, requestId);
          return Rejections.reject(CamsCode.IN_PROGRESS, "receipts of this batch are still being handled",
              requestId, null, signature);
        }
      }
    } catch (CamsException e) {
      releaseAll(claimed, requestId);
      return Rejections.reject(e, requestId, null, signature);
    } catch (Throwable e) {
      releaseAll(claimed, requestId);
      Failures.rethrowIfFatal(e);
      log.error("Receipt de-duplication failed unexpectedly ({} receipts, request id {}): {}", type.wireName(),
          requestId, Failures.locate(e));
      return Rejections.reject(CamsCode.INTERNAL_ERROR, "the receipts could not be handled; the platform may retry",
          requestId, null, signature);
    }

    if (fresh.isEmpty()) {
      return EndpointResponse.of(200, CamsCode.OK, Replies.ok(), requestId, null, signature, true, 0);
    }
    Executor executor = settings.executor();
    if (executor != null) {
      try {
        executor.execute(() -> run(type, handler, fresh, claimed, requestId));
      } catch (Throwable e) {
        releaseAll(claimed, requestId);
        Failures.rethrowIfFatal(e);
        log.warn("The receipt executor refused a {} batch (request id {}): {}", type.wireName(), requestId,
            e.getClass().getName());
        return Rejections.reject(CamsCode.HANDLER_ERROR, "the receipt handler is overloaded", requestId, null,
            signature);
      }
      return EndpointResponse.of(200, CamsCode.OK, Replies.ok(), requestId, null, signature, false, 0);
    }
    long nanos = run(type, handler, fresh, claimed, requestId);
    if (nanos < 0) {
      return Rejections.reject(CamsCode.HANDLER_ERROR, "the handler failed; the platform may retry", requestId, null,
          signature).withHandlerNanos(-nanos);
    }
    return EndpointResponse.of(200, CamsCode.OK, Replies.ok(), requestId, null, signature, false, nanos);
  }

  private List<? extends Receipt> parse(ReceiptType type, Admitted admitted) {
    if (!Utf8.isValid(admitted.body())) {
      throw new MalformedPayloadException("", "body is not valid UTF-8");
    }
    try {
      return ReceiptParser.parse(type, admitted.body(), limits);
    } catch (CamsException e) {
      throw e;
    } catch (Throwable e) {
      Failures.rethrowIfFatal(e);
      log.error("The {} receipt parser failed unexpectedly (request id {}): {}", type.wireName(),
          admitted.requestId(), Failures.locate(e));
      throw new MalformedPayloadException("", "body could not be parsed");
    }
  }

  /** Runs the handler; returns its duration, negated when it failed (then every claim is released). */
  private long run(ReceiptType type, ReceiptHandler<Receipt> handler, List<Receipt> fresh, List<String> claimed,
      String requestId) {
    long started = System.nanoTime();
    boolean ok = false;
    try {
      handler.handle(List.copyOf(fresh));
      ok = true;
    } catch (Throwable e) {
      if (Failures.isFatal(e)) {
        releaseAll(claimed, requestId);
        throw (VirtualMachineError) e;
      }
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      log.error("{} receipt handler failed ({} receipts, request id {})", type.wireName(), fresh.size(), requestId,
          e);
    }
    long nanos = Math.max(1, System.nanoTime() - started);
    budget.check(type.wireName(), "receipt handler", requestId, nanos);
    if (ok) {
      StoredReply reply = new StoredReply(200, Replies.ok());
      for (String key : claimed) {
        guard.complete(key, reply, requestId);
      }
      return nanos;
    }
    releaseAll(claimed, requestId);
    return -nanos;
  }

  private void releaseAll(List<String> keys, String requestId) {
    for (String key : keys) {
      guard.release(key, requestId);
    }
  }
}
