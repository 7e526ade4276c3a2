package io.camssdk.webhook;

import io.camssdk.CamsCode;
import io.camssdk.CamsException;
import io.camssdk.CamsConfigurationException;
import io.camssdk.duplicate.DuplicateStore;
import io.camssdk.duplicate.InMemoryDuplicateStore;
import io.camssdk.intent.IntentCallParser;
import io.camssdk.intent.IntentHandler;
import io.camssdk.intent.IntentRouter;
import io.camssdk.json.JsonLimits;
import io.camssdk.receipt.AuditReceipt;
import io.camssdk.receipt.InboundReceipt;
import io.camssdk.receipt.ReceiptHandler;
import io.camssdk.receipt.ReceiptType;
import io.camssdk.receipt.StatusReceipt;
import io.camssdk.signature.SignatureVerifier;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point for platform calls: it applies the contract's whole rejection table in order (method,
 * media type, size, signature headers, timestamp, signature, body), routes verified intent calls to their
 * handlers, answers repeated request ids with the stored reply, and renders every answer as status + JSON body.
 * It knows no HTTP framework: adapters pass an {@link EndpointRequest} and write the {@link EndpointResponse}.
 *
 * <p>Immutable and thread-safe: build one per business system and share it. Nothing escapes
 * {@link #handleIntent} or {@link #handleReceipts}: every failure of a handler, parser, binder, store or adapter
 * becomes a response with its {@link CamsCode}; only a {@link VirtualMachineError} other than a
 * {@link StackOverflowError} (out of memory, say) is rethrown, after the call's claim is released.
 *
 * <p>It is a facade over parts that each do one job: the rejection table that turns a request into verified bytes,
 * intent handling and receipt handling side by side, and one once-guard per key space (request ids; receipt keys),
 * so that unsigned receipt pushes never take room from the request ids that stop replays.
 *
 * <pre>{@code
 * CamsEndpoint endpoint = CamsEndpoint.builder()
 *     .verifier(SignatureVerifier.builder().tokens(List.of(System.getenv("CAMS_SIGNATURE_TOKENS").split(","))).build())
 *     .onIntent("ORDER_STATUS", call -> Map.of("status", "SHIPPED"))
 *     .build();
 *
 * EndpointResponse response = endpoint.handleIntent(headers, bodyBytes);
 * // write response.status(), EndpointResponse.CONTENT_TYPE, then response.writeTo(out)
 * }</pre>
 *
 * @since 0.1
 */
public final class CamsEndpoint {
  /** The default body limit: 64 KiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 64 * 1024;
  /** How long a handled call's reply is kept for repeats by default: 24 hours. */
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);
  /** How long a claim on a request id lasts if its holder dies before replying, by default: 30 seconds. */
  public static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
  /** The default handler time budget; the platform itself waits 3 seconds. */
  public static final Duration DEFAULT_HANDLER_BUDGET = Duration.ofMillis(2500);

  private static final Logger log = LoggerFactory.getLogger(CamsEndpoint.class);
  static final String INTENT_KEY_PREFIX = "intent:";
  static final String RECEIPT_KEY_PREFIX = "receipt:";

  private final RequestGate gate;
  private final IntentFlow intents;
  private final ReceiptFlow receipts;
  private final String description;

  private CamsEndpoint(RequestGate gate, IntentFlow intents, ReceiptFlow receipts, String description) {
    this.gate = gate;
    this.intents = intents;
    this.receipts = receipts;
    this.description = description;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Handles one intent call from start to reply. Never throws for anything the request contains, nor for anything
   * a handler, parser, store or the adapter's header source or body stream throws.
   */
  public EndpointResponse handleIntent(EndpointRequest request) {
    Objects.requireNonNull(request, "request");
    Admitted admitted;
    try {
      admitted = gate.admitIntent(request);
    } catch (Throwable e) {
      return rejectUnadmitted(e, request, "intent call");
    }
    return intents.handle(admitted);
  }

  /**
   * Handles one intent call whose body the framework already holds, with headers as a map of a {@code String} or
   * a collection of them per name (names ignore case).
   *
   * <pre>{@code
   * EndpointResponse reply = endpoint.handleIntent(Map.of(
   *     "Content-Type", "application/json", "X-Cams-Request-Id", id, "X-Cams-Timestamp", ts,
   *     "X-Cams-Signature", signature), body);
   * }</pre>
   *
   * @since 0.2
   */
  public EndpointResponse handleIntent(Map<String, ?> headers, byte[] body) {
    return handleIntent(inMemory(headers, body));
  }

  /**
   * Handles one receipt push of {@code type} (the adapter knows the type from the path it was posted to).
   * Unsigned pushes are accepted unless {@link Builder#requireReceiptSignature} is set; signed ones are verified.
   * Receipts seen before (by the contract's dedup keys) are dropped; the handler gets the rest, and a failure
   * answers {@code 500 HandlerError} with nothing marked as handled, so the platform's retry loses nothing.
   * Never throws for anything the request contains.
   */
  public EndpointResponse handleReceipts(ReceiptType type, EndpointRequest request) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(request, "request");
    Admitted admitted;
    try {
      admitted = gate.admitReceipt(type, request, receipts.requireSignature());
    } catch (Throwable e) {
      return rejectUnadmitted(e, request, type.wireName() + " push");
    }
    return receipts.handle(type, admitted);
  }

  /** {@link #handleReceipts(ReceiptType, EndpointRequest)} for a body the framework already holds. @since 0.2 */
  public EndpointResponse handleReceipts(ReceiptType type, Map<String, ?> headers, byte[] body) {
    return handleReceipts(type, inMemory(headers, body));
  }

  private static EndpointRequest inMemory(Map<String, ?> headers, byte[] body) {
    EndpointRequest.Builder builder = EndpointRequest.builder("POST").headers(headers).body(body);
    for (Map.Entry<String, ?> header : headers.entrySet()) {
      if ("Content-Type".equalsIgnoreCase(header.getKey())) {
        Object value = header.getValue();
        builder.contentType(value instanceof Iterable<?> many && many.iterator().hasNext()
            ? String.valueOf(many.iterator().next()) : value == null ? null : value.toString());
      }
    }
    return builder.build();
  }

  /**
   * Verifies and parses an intent call without running a handler, for applications that route requests
   * themselves.
   *
   * @throws CamsException with the code of the first rejection that applies
   */
  public VerifiedIntentCall verifyIntent(EndpointRequest request) {
    return intents.parse(gate.admitIntent(request));
  }

  /**
   * Renders a rejection, for adapters that verify with {@link #verifyIntent} and answer failures themselves.
   * {@code requestId} may be the raw header: it is kept only when well formed. The message is cut to contract
   * field names, as every rejection of the endpoint is.
   */
  public EndpointResponse reject(CamsException failure, String requestId) {
    return Rejections.reject(failure, RequestGate.wellFormedOrNull(requestId), null, null);
  }

  /** A failure before the call was admitted: a rejection of the table, or the adapter's request failing. */
  private static EndpointResponse rejectUnadmitted(Throwable failure, EndpointRequest request, String what) {
    String requestId = RequestGate.requestIdOf(request);
    if (failure instanceof CamsException rejection) {
      return Rejections.reject(rejection, requestId, null, null);
    }
    Failures.rethrowIfFatal(failure);
    log.error("Reading the {} failed unexpectedly (request id {}): {}", what, requestId, Failures.locate(failure));
    return Rejections.reject(CamsCode.INTERNAL_ERROR, "the request could not be read; the platform may retry",
        requestId, null, null);
  }

  /**
   * The largest body accepted, in bytes. Adapters that read a body before handing it over (a servlet reading
   * without blocking a thread) stop at this limit plus one byte, so the endpoint still answers {@code 413}.
   */
  public int maxBodyBytes() {
    return gate.maxBodyBytes();
  }

  /** The router in use. */
  public IntentRouter router() {
    return intents.router();
  }

  @Override
  public String toString() {
    return description;
  }

  /** Configures a {@link CamsEndpoint}. Only the verifier is required; every rule is checked by {@link #build()}. */
  public static final class Builder {
    private SignatureVerifier verifier;
    private IntentRouter router;
    private final IntentRouter.Builder routerBuilder = IntentRouter.builder();
    private boolean routerBuilderUsed;
    private DuplicateStore store;
    private DuplicateStore receiptStore;
    private Duration retention = DEFAULT_RETENTION;
    private Duration lease = DEFAULT_LEASE;
    private Duration handlerBudget = DEFAULT_HANDLER_BUDGET;
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private JsonLimits limits = JsonLimits.DEFAULTS;
    private boolean diagnoseRejections;
    final ReceiptSettings.Builder receipts = new ReceiptSettings.Builder();

    private Builder() {}

    /** Verifies signatures (required): holds the active tokens, the tolerance and the clock. */
    public Builder verifier(SignatureVerifier verifier) {
      this.verifier = Objects.requireNonNull(verifier, "verifier");
      return this;
    }

    /** Routes intent calls with a router built elsewhere; excludes {@link #onIntent} and {@link #otherwise}. */
    public Builder router(IntentRouter router) {
      if (routerBuilderUsed) {
        throw new CamsConfigurationException("router", "cannot be combined with onIntent(...)/otherwise(...)",
            "register every handler on the IntentRouter, or use onIntent(...) only");
      }
      this.router = Objects.requireNonNull(router, "router");
      return this;
    }

    /** Routes calls of {@code intentCode} to {@code handler}. */
    public Builder onIntent(String intentCode, IntentHandler handler) {
      checkNoRouter();
      routerBuilder.on(intentCode, handler);
      return this;
    }

    /** Routes calls of every other intent code to {@code handler}. */
    public Builder otherwise(IntentHandler handler) {
      checkNoRouter();
      routerBuilder.otherwise(handler);
      return this;
    }

    private void checkNoRouter() {
      if (router != null) {
        throw new CamsConfigurationException("onIntent", "cannot be combined with router(...)",
            "register every handler on the IntentRouter, or use onIntent(...) only");
      }
      routerBuilderUsed = true;
    }

    /** Handles ChatAppStatus pushes (delivery receipts). */
    public Builder onStatus(ReceiptHandler<StatusReceipt> handler) {
      receipts.handler(ReceiptType.STATUS, handler);
      return this;
    }

    /** Handles ChatAppInbound pushes (messages from users). */
    public Builder onInbound(ReceiptHandler<InboundReceipt> handler) {
      receipts.handler(ReceiptType.INBOUND, handler);
      return this;
    }

    /** Handles ChatAppAudit pushes (template reviews and account notices). */
    public Builder onAudit(ReceiptHandler<AuditReceipt> handler) {
      receipts.handler(ReceiptType.AUDIT, handler);
      return this;
    }

    /**
     * Whether receipt pushes must be signed (default {@code false}: the platform's documented pushes carry no
     * signature, so unsigned pushes are accepted and signed ones verified). Turn it on when the platform signs.
     */
    public Builder requireReceiptSignature(boolean require) {
      receipts.requireSignature(require);
      return this;
    }

    /**
     * Opt-in: reply to receipt pushes at once and run their handlers on {@code executor}. Faster replies, but a
     * crash or failure after the reply <em>loses the batch</em>: the platform saw 200 and will not retry. By
     * default handlers run before the reply, and a failure answers 500 so that the platform retries.
     */
    public Builder receiptExecutor(Executor executor) {
      receipts.executor(executor);
      return this;
    }

    /**
     * Where handled request ids are remembered (default: an {@link InMemoryDuplicateStore} whose eviction floor is
     * twice the signature tolerance). A shared store (JDBC, Redis) also keeps receipt keys, under their own
     * prefix, unless {@link #receiptDuplicateStore} is set; an in-memory store keeps request ids only, and receipts
     * get an in-memory store of their own with the same cap, so that unsigned pushes cannot evict request ids.
     */
    public Builder duplicateStore(DuplicateStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Where handled receipt keys are remembered, apart from request ids (default: see {@link #duplicateStore}).
     * It must not be the in-memory store that holds request ids.
     *
     * @since 0.2
     */
    public Builder receiptDuplicateStore(DuplicateStore store) {
      this.receiptStore = Objects.requireNonNull(store, "store");
      return this;
    }

    /** How long replies are kept for repeated calls (default 24 h); at least twice the signature tolerance. */
    public Builder retention(Duration retention) {
      this.retention = positive("retention", retention);
      return this;
    }

    /** How long a claim lasts when its holder dies before replying (default 30 s). */
    public Builder lease(Duration lease) {
      this.lease = positive("lease", lease);
      return this;
    }

    /** A handler slower than this is logged as a warning (default 2.5 s; the platform waits 3 s). */
    public Builder handlerBudget(Duration budget) {
      this.handlerBudget = positive("handlerBudget", budget);
      return this;
    }

    /** The largest body accepted, in bytes (default 64 KiB), enforced while reading. */
    public Builder maxBodyBytes(int maxBodyBytes) {
      if (maxBodyBytes < 1) {
        throw new CamsConfigurationException("maxBodyBytes", "must be at least 1",
            "leave the default of " + DEFAULT_MAX_BODY_BYTES + " bytes, or set the largest body you accept");
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /** Limits on nesting, string and number sizes, and receipt batch size (default {@link JsonLimits#DEFAULTS}). */
    public Builder jsonLimits(JsonLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Opt-in, for setting up: when an intent call is rejected for its signature, log one line (SLF4J, warn) that
     * names where a configured token, or a {@code v1} HMAC made with it, appears in the call (header name, query
     * parameter name, body key) and the setting that would accept it, plus the header names and body keys that
     * arrived. It names places only, never a value. Costs one HMAC per token and place on rejected calls: turn it
     * off once calls pass.
     *
     * @since 0.2
     */
    public Builder diagnoseRejections(boolean diagnose) {
      this.diagnoseRejections = diagnose;
      return this;
    }

    private static Duration positive(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new CamsConfigurationException(name, "must be positive", "set " + name + " to a positive duration");
      }
      return value;
    }

    /**
     * @throws CamsConfigurationException when no verifier is set, the retention is shorter than twice the
     *     tolerance, or an in-memory store could forget a request id while its call can still be replayed
     */
    public CamsEndpoint build() {
      if (verifier == null) {
        throw new CamsConfigurationException("verifier", "is required",
            "set verifier(SignatureVerifier.builder().token(...).build()) with the business system's Signature");
      }
      // A signed call is accepted for the tolerance either side of its timestamp: twice the tolerance in all.
      Duration replayWindow = verifier.tolerance().multipliedBy(2);
      if (retention.compareTo(replayWindow) < 0) {
        throw new CamsConfigurationException("retention", "must be at least twice the signature tolerance ("
            + replayWindow + "), or a replayed call could run its handler again",
            "raise retention to at least " + replayWindow + " (the default is " + DEFAULT_RETENTION + ")");
      }
      DuplicateStore intentStore = store != null ? store
          : InMemoryDuplicateStore.builder().evictionFloor(replayWindow).build();
      if (intentStore instanceof InMemoryDuplicateStore memory
          && memory.evictionFloor().compareTo(replayWindow) < 0) {
        throw new CamsConfigurationException("duplicateStore", "is an in-memory store whose evictionFloor is "
            + "shorter than twice the signature tolerance (" + replayWindow + "), so a full store could forget a "
            + "request id that can still be replayed",
            "build the store with evictionFloor(" + replayWindow + ") or longer");
      }
      DuplicateStore receiptKeys = receiptStore;
      if (receiptKeys == null) {
        receiptKeys = intentStore instanceof InMemoryDuplicateStore memory
            ? memory.newBuilder().evictionFloor(Duration.ZERO).build()
            : intentStore;
      } else if (receiptKeys == intentStore && intentStore instanceof InMemoryDuplicateStore) {
        throw new CamsConfigurationException("receiptDuplicateStore", "is the in-memory store that holds request "
            + "ids, so unsigned receipt pushes could fill it", "give receipts a store of their own, or leave it unset");
      }
      IntentRouter routes = router != null ? router : routerBuilder.build();
      HandlerBudget budget = new HandlerBudget(handlerBudget.toNanos());
      RequestGate gate = new RequestGate(verifier, maxBodyBytes,
          diagnoseRejections ? new RejectionDiagnosis(verifier) : null);
      IntentFlow intents = new IntentFlow(new IntentCallParser(limits), routes,
          new OnceGuard(intentStore, INTENT_KEY_PREFIX, lease, retention), budget);
      ReceiptFlow receiptFlow = new ReceiptFlow(receipts.build(),
          new OnceGuard(receiptKeys, RECEIPT_KEY_PREFIX, lease, retention), limits, budget);
      String description = "CamsEndpoint{" + verifier + ", " + routes + ", store=" + intentStore
          + (receiptKeys != intentStore ? ", receiptStore=" + receiptKeys : "") + ", maxBodyBytes=" + maxBodyBytes
          + "}";
      return new CamsEndpoint(gate, intents, receiptFlow, description);
    }
  }
}
