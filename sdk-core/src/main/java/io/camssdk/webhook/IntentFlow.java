package io.camssdk.webhook;

import io.camssdk.CamsCode;
import io.camssdk.CamsException;
import io.camssdk.duplicate.ClaimResult;
import io.camssdk.duplicate.StoredReply;
import io.camssdk.intent.IntentCall;
import io.camssdk.intent.IntentCallParser;
import io.camssdk.intent.IntentHandler;
import io.camssdk.intent.IntentRouter;
import io.camssdk.json.MalformedPayloadException;
import io.camssdk.signature.CamsHeaders;
import io.camssdk.signature.VerifiedSignature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Parses an admitted intent call, routes it, and runs its handler once per request id. */
final class IntentFlow {
  private static final Logger log = LoggerFactory.getLogger(CamsEndpoint.class);

  private final IntentCallParser parser;
  private final IntentRouter router;
  private final OnceGuard guard;
  private final HandlerBudget budget;

  IntentFlow(IntentCallParser parser, IntentRouter router, OnceGuard guard, HandlerBudget budget) {
    this.parser = parser;
    this.router = router;
    this.guard = guard;
    this.budget = budget;
  }

  /**
   * Parses verified bytes and checks the body's request id against the header's.
   *
   * @throws CamsException {@code MalformedPayload}, also when the parser fails in a way it did not foresee
   */
  VerifiedIntentCall parse(Admitted admitted) {
    return new VerifiedIntentCall(parseCall(admitted), admitted.signature(), admitted.body());
  }

  private IntentCall parseCall(Admitted admitted) {
    IntentCall call;
    try {
      call = parser.parse(admitted.body());
    } catch (CamsException e) {
      throw e;
    } catch (Throwable e) {
      Failures.rethrowIfFatal(e);
      // A verified body the parser cannot take: the same bytes would fail again, so 400, not a retried 500.
      log.error("The intent call parser failed unexpectedly (request id {}): {}", admitted.requestId(),
          Failures.locate(e));
      throw new MalformedPayloadException("", "body could not be parsed");
    }
    if (!call.requestId().equals(admitted.requestId())) {
      throw new MalformedPayloadException("$.RequestId", "does not match the " + CamsHeaders.REQUEST_ID + " header");
    }
    return call;
  }

  /** Handles an admitted call to its reply; nothing but a fatal VM error escapes. */
  EndpointResponse handle(Admitted admitted) {
    String requestId = admitted.requestId();
    VerifiedSignature signature = admitted.signature();
    IntentCall call;
    try {
      call = parseCall(admitted);
    } catch (CamsException e) {
      return Rejections.reject(e, requestId, null, signature);
    }
    String intentCode = call.intentCode();
    IntentHandler handler = router.route(intentCode);
    if (handler == null) {
      return Rejections.reject(CamsCode.UNKNOWN_INTENT, "no handler for this IntentCode", requestId, intentCode,
          signature);
    }
    String key = guard.key(requestId);
    ClaimResult claim;
    try {
      claim = guard.claim(key, requestId);
    } catch (CamsException e) {
      return Rejections.reject(e, requestId, intentCode, signature);
    }
    if (claim instanceof ClaimResult.Completed completed) {
      StoredReply reply = completed.reply();
      return EndpointResponse.of(reply.status(), CamsCode.OK, reply.body(), requestId, intentCode, signature, true,
          0);
    }
    if (claim instanceof ClaimResult.InProgress) {
      return Rejections.reject(CamsCode.IN_PROGRESS, "this request id is still being handled", requestId,
          intentCode, signature);
    }
    return runClaimed(call, handler, key, signature);
  }

  private EndpointResponse runClaimed(IntentCall call, IntentHandler handler, String key,
      VerifiedSignature signature) {
    String requestId = call.requestId();
    String intentCode = call.intentCode();
    boolean completed = false;
    long started = System.nanoTime();
    long elapsed = 0;
    try {
      Object data = handler.handle(call);
      elapsed = System.nanoTime() - started;
      byte[] body = Replies.ok(data);
      guard.complete(key, new StoredReply(200, body), requestId);
      completed = true;
      return EndpointResponse.of(200, CamsCode.OK, body, requestId, intentCode, signature, false, elapsed);
    } catch (MalformedPayloadException e) {
      // The handler found the intent data unfit for its type (call.data(...)): a retry cannot fix that.
      elapsed = System.nanoTime() - started;
      return Rejections.reject(e, requestId, intentCode, signature).withHandlerNanos(elapsed);
    } catch (Throwable e) {
      elapsed = System.nanoTime() - started;
      Failures.rethrowIfFatal(e); // the claim is still released below
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      log.error("Intent handler for {} failed (request id {})", intentCode, requestId, e);
      return Rejections.reject(CamsCode.HANDLER_ERROR, "the handler failed; the platform may retry", requestId,
          intentCode, signature).withHandlerNanos(elapsed);
    } finally {
      if (!completed) {
        guard.release(key, requestId);
      }
      budget.check("Intent handler for", intentCode, requestId,
          elapsed != 0 ? elapsed : System.nanoTime() - started);
    }
  }

  IntentRouter router() {
    return router;
  }
}
