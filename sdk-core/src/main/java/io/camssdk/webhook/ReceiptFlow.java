package io.camssdk.webhook;

import io.camssdk.CamsCode;
import io.camssdk.CamsException;
import io.camssdk.duplicate.ClaimResult;
import io.camssdk.duplicate.DuplicateStore;
import io.camssdk.duplicate.StoredReply;
import io.camssdk.receipt.Receipt;
import io.camssdk.receipt.ReceiptHandler;
import io.camssdk.receipt.ReceiptParser;
import io.camssdk.receipt.ReceiptType;
import io.camssdk.signature.CamsHeaders;
import io.camssdk.signature.VerifiedSignature;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Verifies, parses, de-duplicates and hands on one receipt batch. */
final class ReceiptFlow {
  private static final Logger log = LoggerFactory.getLogger(CamsEndpoint.class);
  private static final String KEY_PREFIX = "receipt:";

  private final CamsEndpoint endpoint;

  ReceiptFlow(CamsEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  EndpointResponse handle(ReceiptType type, EndpointRequest request) {
    String headerId = CamsEndpoint.single(request, CamsHeaders.REQUEST_ID);
    String requestId = CamsEndpoint.wellFormedOrNull(headerId);
    VerifiedSignature signature = null;
    List<? extends Receipt> items;
    ReceiptHandler<Receipt> handler = endpoint.receipts.handler(type);
    try {
      byte[] body = endpoint.readChecked(request);
      // The documented pushes are unsigned; a signed push is verified, and a receiver may require signatures.
      String signatureHeader = CamsEndpoint.signatureHeader(request);
      if (signatureHeader != null || endpoint.receipts.requireSignature()) {
        signature = endpoint.verifier().verify(headerId, CamsEndpoint.single(request, CamsHeaders.TIMESTAMP),
            signatureHeader, body);
      }
      if (handler == null) {
        throw new CamsException(CamsCode.UNKNOWN_INTENT, "no handler for " + type.wireName() + " receipts");
      }
      CamsEndpoint.requireUtf8(body);
      items = ReceiptParser.parse(type, body, endpoint.limits());
    } catch (CamsException e) {
      return CamsEndpoint.reject(e, requestId, null, signature);
    }

    DuplicateStore store = endpoint.store();
    List<Receipt> fresh = new ArrayList<>(items.size());
    List<String> claimed = new ArrayList<>(items.size());
    Set<String> inBatch = new HashSet<>();
    try {
      for (Receipt item : items) {
        String key = KEY_PREFIX + item.dedupKey();
        if (!inBatch.add(key)) {
          continue; // the same receipt twice in one push
        }
        ClaimResult claim = store.claim(key, endpoint.lease());
        if (claim instanceof ClaimResult.Acquired) {
          claimed.add(key);
          fresh.add(item);
        } else if (claim instanceof ClaimResult.InProgress) {
          releaseAll(claimed, requestId);
          return CamsEndpoint.reject(new CamsException(CamsCode.IN_PROGRESS,
              "receipts of this batch are still being handled"), requestId, null, signature);
        }
      }
    } catch (RuntimeException e) {
      releaseAll(claimed, requestId);
      log.warn("Duplicate store unavailable; answering 503 so the platform retries ({} receipts): {}",
          type.wireName(), CamsEndpoint.describe(e));
      return CamsEndpoint.reject(new CamsException(CamsCode.STORE_UNAVAILABLE, "duplicate store unavailable; retry later"),
          requestId, null, signature);
    }

    if (fresh.isEmpty()) {
      return new EndpointResponse(200, CamsCode.OK, Replies.ok(), requestId, null, signature, true, 0);
    }
    Executor executor = endpoint.receipts.executor();
    if (executor != null) {
      try {
        executor.execute(() -> run(type, handler, fresh, claimed, requestId));
      } catch (RejectedExecutionException e) {
        releaseAll(claimed, requestId);
        return CamsEndpoint.reject(new CamsException(CamsCode.HANDLER_ERROR, "the receipt handler is overloaded"),
            requestId, null, signature);
      }
      return new EndpointResponse(200, CamsCode.OK, Replies.ok(), requestId, null, signature, false, 0);
    }
    long nanos = run(type, handler, fresh, claimed, requestId);
    if (nanos < 0) {
      return CamsEndpoint.reject(new CamsException(CamsCode.HANDLER_ERROR, "the handler failed; the platform may retry"),
          requestId, null, signature).withHandlerNanos(-nanos);
    }
    return new EndpointResponse(200, CamsCode.OK, Replies.ok(), requestId, null, signature, false, nanos);
  }

  /** Runs the handler; returns its duration, negated when it failed (then every claim is released). */
  private long run(ReceiptType type, ReceiptHandler<Receipt> handler, List<Receipt> fresh, List<String> claimed,
      String requestId) {
    long started = System.nanoTime();
    boolean ok = false;
    try {
      handler.handle(List.copyOf(fresh));
      ok = true;
    } catch (Exception e) {
      log.warn("{} receipt handler failed ({} receipts, request id {}): {}", type.wireName(), fresh.size(),
          requestId, e.getClass().getName());
    }
    long nanos = Math.max(1, System.nanoTime() - started);
    endpoint.warnIfOverBudget(type.wireName() + " receipt handler", requestId, nanos);
    if (ok) {
      StoredReply reply = new StoredReply(200, Replies.ok());
      for (String key : claimed) {
        endpoint.completeQuietly(key, reply, requestId);
      }
      return nanos;
    }
    releaseAll(claimed, requestId);
    return -nanos;
  }

  private void releaseAll(List<String> keys, String requestId) {
    for (String key : keys) {
      endpoint.releaseQuietly(key, requestId);
    }
  }
}
