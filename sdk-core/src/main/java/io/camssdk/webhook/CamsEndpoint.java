package io.camssdk.webhook;

import io.camssdk.CamsCode;
import io.camssdk.CamsException;
import io.camssdk.duplicate.ClaimResult;
import io.camssdk.duplicate.DuplicateStore;
import io.camssdk.duplicate.DuplicateStoreException;
import io.camssdk.duplicate.InMemoryDuplicateStore;
import io.camssdk.duplicate.StoredReply;
import io.camssdk.intent.IntentCall;
import io.camssdk.intent.IntentCallParser;
import io.camssdk.intent.IntentHandler;
import io.camssdk.intent.IntentRouter;
import io.camssdk.internal.Utf8;
import io.camssdk.json.JsonLimits;
import io.camssdk.json.MalformedPayloadException;
import io.camssdk.receipt.AuditReceipt;
import io.camssdk.receipt.InboundReceipt;
import io.camssdk.receipt.ReceiptHandler;
import io.camssdk.receipt.ReceiptType;
import io.camssdk.receipt.StatusReceipt;
import io.camssdk.signature.CamsHeaders;
import io.camssdk.signature.SignatureVerifier;
import io.camssdk.signature.VerifiedSignature;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one entry point for platform calls: it applies the contract's whole rejection table in order (method,
 * media type, size, signature headers, timestamp, signature, body), routes verified intent calls to their
 * handlers, answers repeated request ids with the stored reply, and renders every answer as status + JSON body.
 * It knows no HTTP framework: adapters pass an {@link EndpointRequest} and write the {@link EndpointResponse}.
 *
 * <p>Immutable and thread-safe: build one per business system and share it. Nothing escapes
 * {@link #handleIntent}: every failure becomes a response with its {@link CamsCode}.
 *
 * <pre>{@code
 * CamsEndpoint endpoint = CamsEndpoint.builder()
 *     .verifier(SignatureVerifier.builder().token(System.getenv("CAMS_SIGNATURE_TOKEN")).build())
 *     .onIntent("ORDER_STATUS", call -> Map.of("status", "SHIPPED"))
 *     .build();
 *
 * EndpointResponse response = endpoint.handleIntent(
 *     new EndpointRequest(method, contentType, headers::get, contentLength, bodyStream));
 * // write response.status(), EndpointResponse.CONTENT_TYPE and response.body()
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
  private static final String INTENT_KEY_PREFIX = "intent:";

  private final SignatureVerifier verifier;
  private final IntentRouter router;
  private final DuplicateStore store;
  private final Duration retention;
  private final Duration lease;
  private final long handlerBudgetNanos;
  private final int maxBodyBytes;
  private final JsonLimits limits;
  private final IntentCallParser intentParser;
  final ReceiptSettings receipts;
  private final ReceiptFlow receiptFlow;

  private CamsEndpoint(Builder builder) {
    this.verifier = builder.verifier;
    this.router = builder.router != null ? builder.router : builder.routerBuilder.build();
    this.store = builder.store != null ? builder.store : InMemoryDuplicateStore.create();
    this.retention = builder.retention;
    this.lease = builder.lease;
    this.handlerBudgetNanos = builder.handlerBudget.toNanos();
    this.maxBodyBytes = builder.maxBodyBytes;
    this.limits = builder.limits;
    this.intentParser = new IntentCallParser(limits);
    this.receipts = builder.receipts.build();
    this.receiptFlow = new ReceiptFlow(this);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Handles one intent call from start to reply. Never throws for anything the request contains.
   */
  public EndpointResponse handleIntent(EndpointRequest request) {
    VerifiedIntentCall verified;
    try {
      verified = verifyIntent(request);
    } catch (CamsException e) {
      return reject(e, requestIdOf(request), null, null);
    }
    IntentCall call = verified.call();
    IntentHandler handler = router.route(call.intentCode());
    if (handler == null) {
      return reject(new CamsException(CamsCode.UNKNOWN_INTENT, "no handler for intent code " + call.intentCode()),
          call.requestId(), call.intentCode(), verified.signature());
    }
    return runOnce(call, handler, verified.signature());
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
    return receiptFlow.handle(type, request);
  }

  /**
   * Verifies and parses an intent call without running a handler, for applications that route requests
   * themselves.
   *
   * @throws CamsException with the code of the first rejection that applies
   */
  public VerifiedIntentCall verifyIntent(EndpointRequest request) {
    byte[] body = readChecked(request);
    String requestId = single(request, CamsHeaders.REQUEST_ID);
    VerifiedSignature signature = verifier.verify(requestId, single(request, CamsHeaders.TIMESTAMP),
        signatureHeader(request), body);
    IntentCall call = intentParser.parse(body);
    if (!call.requestId().equals(requestId)) {
      throw new MalformedPayloadException("$.RequestId", "does not match the " + CamsHeaders.REQUEST_ID + " header");
    }
    return new VerifiedIntentCall(call, signature, body);
  }

  /**
   * Renders a rejection, for adapters that verify with {@link #verifyIntent} and answer failures themselves.
   * {@code requestId} may be the raw header: it is kept only when well formed.
   */
  public EndpointResponse reject(CamsException failure, String requestId) {
    return reject(failure, wellFormedOrNull(requestId), null, null);
  }

  private EndpointResponse runOnce(IntentCall call, IntentHandler handler, VerifiedSignature signature) {
    String key = INTENT_KEY_PREFIX + call.requestId();
    ClaimResult claim;
    try {
      claim = store.claim(key, lease);
    } catch (RuntimeException e) {
      // DuplicateStoreException, or any failure of a store implementation: the handler must not run unrecorded.
      log.warn("Duplicate store unavailable; answering 503 so the platform retries (request id {}): {}",
          call.requestId(), describe(e));
      return reject(new CamsException(CamsCode.STORE_UNAVAILABLE, "duplicate store unavailable; retry later"),
          call.requestId(), call.intentCode(), signature);
    }
    if (claim instanceof ClaimResult.Completed completed) {
      StoredReply reply = completed.reply();
      return new EndpointResponse(reply.status(), CamsCode.OK, reply.body(), call.requestId(), call.intentCode(),
          signature, true, 0);
    }
    if (claim instanceof ClaimResult.InProgress) {
      return reject(new CamsException(CamsCode.IN_PROGRESS, "request " + call.requestId() + " is still being handled"),
          call.requestId(), call.intentCode(), signature);
    }
    boolean completed = false;
    long started = System.nanoTime();
    long elapsed = 0;
    try {
      Object data = handler.handle(call);
      elapsed = System.nanoTime() - started;
      byte[] body = Replies.ok(data);
      completeQuietly(key, new StoredReply(200, body), call.requestId());
      completed = true;
      return new EndpointResponse(200, CamsCode.OK, body, call.requestId(), call.intentCode(), signature, false,
          elapsed);
    } catch (MalformedPayloadException e) {
      // The handler found the intent data unfit for its type (call.data(...)): a retry cannot fix that.
      elapsed = System.nanoTime() - started;
      return reject(e, call.requestId(), call.intentCode(), signature).withHandlerNanos(elapsed);
    } catch (Exception e) {
      elapsed = System.nanoTime() - started;
      log.warn("Intent handler for {} failed (request id {}): {}", call.intentCode(), call.requestId(),
          e.getClass().getName());
      return reject(new CamsException(CamsCode.HANDLER_ERROR, "the handler failed; the platform may retry"),
          call.requestId(), call.intentCode(), signature).withHandlerNanos(elapsed);
    } finally {
      if (!completed) {
        releaseQuietly(key, call.requestId());
      }
      warnIfOverBudget("Intent handler for " + call.intentCode(), call.requestId(),
          elapsed != 0 ? elapsed : System.nanoTime() - started);
    }
  }

  void warnIfOverBudget(String what, String requestId, long nanos) {
    if (nanos > handlerBudgetNanos) {
      log.warn("{} took {} ms, over its budget of {} ms; the platform waits 3000 ms (request id {})", what,
          TimeUnit.NANOSECONDS.toMillis(nanos), TimeUnit.NANOSECONDS.toMillis(handlerBudgetNanos), requestId);
    }
  }

  void completeQuietly(String key, StoredReply reply, String requestId) {
    try {
      store.complete(key, reply, retention);
    } catch (RuntimeException e) {
      // The handler ran: answer its reply anyway. The claim's lease keeps repeats out until it expires.
      log.warn("Could not store the reply of request id {}: {}", requestId, describe(e));
    }
  }

  void releaseQuietly(String key, String requestId) {
    try {
      store.release(key);
    } catch (RuntimeException e) {
      log.warn("Could not release the claim of request id {}; it frees itself after the lease: {}", requestId,
          describe(e));
    }
  }

  /** A store failure for the log: our own exceptions carry safe messages; others are named by class only. */
  static String describe(RuntimeException e) {
    return e instanceof DuplicateStoreException ? e.getMessage() : e.getClass().getName();
  }

  /** Checks method, media type and size, then reads the body; UTF-8 is checked after the signature. */
  byte[] readChecked(EndpointRequest request) {
    if (!"POST".equals(request.method())) {
      throw new CamsException(CamsCode.METHOD_NOT_ALLOWED, "only POST is allowed");
    }
    String mediaProblem = mediaTypeProblem(request.contentType());
    if (mediaProblem != null) {
      throw new CamsException(CamsCode.UNSUPPORTED_MEDIA_TYPE, mediaProblem);
    }
    return BodyReader.read(request, maxBodyBytes);
  }

  static void requireUtf8(byte[] body) {
    if (!Utf8.isValid(body)) {
      throw new MalformedPayloadException("", "body is not valid UTF-8");
    }
  }

  /** {@code null} when the media type is JSON in UTF-8, else the reason. */
  static String mediaTypeProblem(String contentType) {
    if (EndpointResponse.CONTENT_TYPE.equals(contentType) || "application/json".equals(contentType)) {
      return null; // what the platform sends: no need to take it apart
    }
    if (contentType == null || contentType.isBlank()) {
      return "Content-Type must be application/json";
    }
    String[] parts = contentType.split(";");
    String type = parts[0].trim().toLowerCase(Locale.ROOT);
    if (!type.equals("application/json") && !(type.startsWith("application/") && type.endsWith("+json"))) {
      return "Content-Type must be application/json";
    }
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].trim();
      int eq = parameter.indexOf('=');
      if (eq > 0 && parameter.substring(0, eq).trim().equalsIgnoreCase("charset")) {
        String charset = parameter.substring(eq + 1).trim().replace("\"", "");
        if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
          return "charset must be UTF-8";
        }
      }
    }
    return null;
  }

  /** The single value of a header; absent or repeated headers read as {@code null} (unparseable). */
  static String single(EndpointRequest request, String name) {
    List<String> values = request.headers().values(name);
    return values.size() == 1 ? values.get(0).trim() : null;
  }

  /** Several signature header lines are one space-separated list, as HTTP list headers combine. */
  static String signatureHeader(EndpointRequest request) {
    List<String> values = request.headers().values(CamsHeaders.SIGNATURE);
    if (values.isEmpty()) {
      return null;
    }
    return values.size() == 1 ? values.get(0).trim() : String.join(" ", values).trim();
  }

  private static String requestIdOf(EndpointRequest request) {
    return wellFormedOrNull(single(request, CamsHeaders.REQUEST_ID));
  }

  /** Only a well-formed request id is logged or reported: a rejected request carries whatever its sender chose. */
  static String wellFormedOrNull(String requestId) {
    return SignatureVerifier.isValidRequestId(requestId) ? requestId : null;
  }

  static EndpointResponse reject(CamsException failure, String requestId, String intentCode,
      VerifiedSignature signature) {
    CamsCode code = failure.code();
    return new EndpointResponse(code.httpStatus(), code, Replies.error(code, failure.getMessage()), requestId,
        intentCode, signature, false, 0);
  }

  SignatureVerifier verifier() {
    return verifier;
  }

  DuplicateStore store() {
    return store;
  }

  Duration lease() {
    return lease;
  }

  Duration retention() {
    return retention;
  }

  JsonLimits limits() {
    return limits;
  }

  /**
   * The largest body accepted, in bytes. Adapters that read a body before handing it over (a servlet reading
   * without blocking a thread) stop at this limit plus one byte, so the endpoint still answers {@code 413}.
   */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /** The router in use. */
  public IntentRouter router() {
    return router;
  }

  @Override
  public String toString() {
    return "CamsEndpoint{" + verifier + ", " + router + ", store=" + store + ", maxBodyBytes=" + maxBodyBytes + "}";
  }

  /** Configures a {@link CamsEndpoint}. Only the verifier is required. */
  public static final class Builder {
    private SignatureVerifier verifier;
    private IntentRouter router;
    private final IntentRouter.Builder routerBuilder = IntentRouter.builder();
    private boolean routerBuilderUsed;
    private DuplicateStore store;
    private Duration retention = DEFAULT_RETENTION;
    private Duration lease = DEFAULT_LEASE;
    private Duration handlerBudget = DEFAULT_HANDLER_BUDGET;
    private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private JsonLimits limits = JsonLimits.DEFAULTS;
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
        throw new IllegalStateException("router(...) cannot be combined with onIntent(...)/otherwise(...)");
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
        throw new IllegalStateException("onIntent(...)/otherwise(...) cannot be combined with router(...)");
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

    /** Where handled request ids are remembered (default: an {@link InMemoryDuplicateStore}). */
    public Builder duplicateStore(DuplicateStore store) {
      this.store = Objects.requireNonNull(store, "store");
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
        throw new IllegalArgumentException("maxBodyBytes must be at least 1 but was " + maxBodyBytes);
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /** Limits on nesting, string and number sizes, and receipt batch size (default {@link JsonLimits#DEFAULTS}). */
    public Builder jsonLimits(JsonLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    private static Duration positive(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive but was " + value);
      }
      return value;
    }

    /**
     * @throws IllegalStateException when no verifier is set, or the retention is shorter than the tolerance
     */
    public CamsEndpoint build() {
      if (verifier == null) {
        throw new IllegalStateException("verifier is required: set the business system's signature token(s)");
      }
      // A signed call is accepted for the tolerance either side of its timestamp: twice the tolerance in all.
      if (retention.compareTo(verifier.tolerance().multipliedBy(2)) < 0) {
        throw new IllegalStateException("retention (" + retention + ") must be at least twice the signature tolerance ("
            + verifier.tolerance() + "), or a replayed call could run its handler again");
      }
      return new CamsEndpoint(this);
    }
  }
}
