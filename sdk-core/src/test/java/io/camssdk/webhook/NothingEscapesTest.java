package io.camssdk.webhook;

import static io.camssdk.webhook.TestCalls.CLOCK;
import static io.camssdk.webhook.TestCalls.JSON;
import static io.camssdk.webhook.TestCalls.TOKEN;
import static io.camssdk.webhook.TestCalls.request;
import static io.camssdk.webhook.TestCalls.signed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camssdk.CamsCode;
import io.camssdk.CapturedLog;
import io.camssdk.duplicate.ClaimResult;
import io.camssdk.duplicate.DuplicateStore;
import io.camssdk.duplicate.StoredReply;
import io.camssdk.intent.IntentHandler;
import io.camssdk.receipt.ReceiptType;
import io.camssdk.signature.CamsHeaders;
import io.camssdk.signature.SignatureVerifier;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Issue 12, defect 3: whatever a handler, parser, binder, store or adapter throws is answered, never propagated. */
class NothingEscapesTest {
  static final byte[] STATUS_PUSH = "[{\"MessageId\":\"m-1\",\"Status\":\"Read\"}]".getBytes(StandardCharsets.UTF_8);

  static CamsEndpoint.Builder builder() {
    return CamsEndpoint.builder().verifier(SignatureVerifier.builder().token(TOKEN).clock(CLOCK).build());
  }

  static CamsEndpoint throwingHandler(Supplier<Throwable> failure) {
    return builder().onIntent("ORDER_STATUS", throwing(failure)).onStatus(batch -> sneaky(failure.get())).build();
  }

  static IntentHandler throwing(Supplier<Throwable> failure) {
    return call -> {
      sneaky(failure.get());
      return null;
    };
  }

  @SuppressWarnings("unchecked")
  static <T extends Throwable> void sneaky(Throwable failure) throws T {
    throw (T) failure;
  }

  @Test
  void anErrorThrownByAHandlerIsAnsweredAsHandlerErrorAndLoggedWithItsStackTrace() {
    CamsEndpoint endpoint = throwingHandler(() -> new AssertionError("invariant broken: secret-detail"));
    try (CapturedLog log = CapturedLog.start()) {
      EndpointResponse response = endpoint.handleIntent(signed("r-1", "ORDER_STATUS", "{}"));
      assertThat(response.code()).isEqualTo(CamsCode.HANDLER_ERROR);
      assertThat(response.status()).isEqualTo(500);
      assertThat(response.bodyText()).doesNotContain("secret-detail").doesNotContain("AssertionError");
      assertThat(log.text()).contains("Intent handler for ORDER_STATUS failed (request id r-1)")
          .contains("java.lang.AssertionError").contains("\tat io.camssdk.webhook.NothingEscapesTest");
    }
  }

  @Test
  void everyKindOfThrowableFromAHandlerIsAnsweredAndTheClaimReleased() {
    List<Supplier<Throwable>> failures = List.of(() -> new IllegalStateException("x"), () -> new Exception("x"),
        () -> new AssertionError("x"), () -> new StackOverflowError(), () -> new NoClassDefFoundError("x"),
        () -> new InterruptedException("x"), () -> new Throwable("x"));
    for (Supplier<Throwable> failure : failures) {
      AtomicInteger runs = new AtomicInteger();
      CamsEndpoint endpoint = builder().onIntent("ORDER_STATUS", call -> {
        if (runs.incrementAndGet() == 1) {
          sneaky(failure.get());
        }
        return Map.of("ok", true);
      }).build();
      EndpointResponse response = endpoint.handleIntent(signed("r-1", "ORDER_STATUS", "{}"));
      assertThat(response.code()).as(failure.get().getClass().getName()).isEqualTo(CamsCode.HANDLER_ERROR);
      assertThat(endpoint.handleIntent(signed("r-1", "ORDER_STATUS", "{}")).status()).isEqualTo(200);
      assertThat(runs.get()).isEqualTo(2);
      Thread.interrupted(); // clear the flag an InterruptedException restores
    }
  }

  @Test
  void outOfMemoryIsRethrownAfterTheClaimIsReleased() {
    AtomicInteger runs = new AtomicInteger();
    CamsEndpoint endpoint = builder().onIntent("ORDER_STATUS", call -> {
      if (runs.incrementAndGet() == 1) {
        throw new OutOfMemoryError("simulated");
      }
      return null;
    }).build();
    assertThatThrownBy(() -> endpoint.handleIntent(signed("r-1", "ORDER_STATUS", "{}")))
        .isInstanceOf(OutOfMemoryError.class);
    assertThat(endpoint.handleIntent(signed("r-1", "ORDER_STATUS", "{}")).status()).isEqualTo(200);
  }

  @Test
  void outOfMemoryInAReceiptHandlerIsRethrownAfterItsClaimsAreReleased() {
    AtomicInteger runs = new AtomicInteger();
    CamsEndpoint endpoint = builder().onStatus(batch -> {
      if (runs.incrementAndGet() == 1) {
        throw new OutOfMemoryError("simulated");
      }
    }).build();
    assertThatThrownBy(() -> endpoint.handleReceipts(ReceiptType.STATUS,
        request("POST", JSON, new HashMap<>(), STATUS_PUSH))).isInstanceOf(OutOfMemoryError.class);
    EndpointResponse retry = endpoint.handleReceipts(ReceiptType.STATUS,
        request("POST", JSON, new HashMap<>(), STATUS_PUSH));
    assertThat(retry.status()).isEqualTo(200);
    assertThat(retry.replayed()).isFalse();
    assertThat(runs.get()).isEqualTo(2);
  }

  @Test
  void anErrorThrownByAReceiptHandlerIsAnsweredAsHandlerError() {
    CamsEndpoint endpoint = throwingHandler(() -> new AssertionError("x"));
    try (CapturedLog log = CapturedLog.start()) {
      EndpointResponse response = endpoint.handleReceipts(ReceiptType.STATUS,
          request("POST", JSON, new HashMap<>(), STATUS_PUSH));
      assertThat(response.code()).isEqualTo(CamsCode.HANDLER_ERROR);
      assertThat(log.text()).contains("ChatAppStatus receipt handler failed").contains("java.lang.AssertionError")
          .contains("\tat io.camssdk.webhook.NothingEscapesTest");
    }
  }

  @Test
  void anExecutorThatThrowsAnythingIsAnsweredAndReleasesTheClaims() {
    AtomicInteger handled = new AtomicInteger();
    CamsEndpoint endpoint = builder().onStatus(batch -> handled.incrementAndGet())
        .receiptExecutor(task -> {
          throw new IllegalStateException("executor shut down");
        }).build();
    EndpointResponse response = endpoint.handleReceipts(ReceiptType.STATUS,
        request("POST", JSON, new HashMap<>(), STATUS_PUSH));
    assertThat(response.code()).isEqualTo(CamsCode.HANDLER_ERROR);
    assertThat(handled.get()).isZero();
  }

  /** A store that fails every call with {@code failure}. */
  static DuplicateStore failingStore(Supplier<Throwable> failure) {
    return new DuplicateStore() {
      @Override
      public ClaimResult claim(String key, Duration lease) {
        sneaky(failure.get());
        return null;
      }

      @Override
      public void complete(String key, StoredReply reply, Duration retention) {
        sneaky(failure.get());
      }

      @Override
      public void release(String key) {
        sneaky(failure.get());
      }
    };
  }

  @Test
  void aStoreThatThrowsAnErrorIsAnsweredAsStoreUnavailable() {
    AtomicInteger handled = new AtomicInteger();
    CamsEndpoint endpoint = builder()
        .onIntent("ORDER_STATUS", call -> handled.incrementAndGet())
        .onStatus(batch -> handled.incrementAndGet())
        .duplicateStore(failingStore(() -> new AssertionError("x")))
        .build();
    assertThat(endpoint.handleIntent(signed("r-1", "ORDER_STATUS", "{}")).code())
        .isEqualTo(CamsCode.STORE_UNAVAILABLE);
    assertThat(endpoint.handleReceipts(ReceiptType.STATUS, request("POST", JSON, new HashMap<>(), STATUS_PUSH))
        .code()).isEqualTo(CamsCode.STORE_UNAVAILABLE);
    assertThat(handled.get()).isZero();
  }

  @Test
  void aStoreThatFailsAfterTheHandlerRanStillSendsTheHandlersReply() {
    DuplicateStore store = new DuplicateStore() {
      @Override
      public ClaimResult claim(String key, Duration lease) {
        return ClaimResult.acquired();
      }

      @Override
      public void complete(String key, StoredReply reply, Duration retention) {
        throw new AssertionError("x");
      }

      @Override
      public void release(String key) {
        throw new NullPointerException();
      }
    };
    CamsEndpoint endpoint = builder().onIntent("ORDER_STATUS", call -> Map.of("status", "SHIPPED"))
        .onStatus(batch -> {})
        .duplicateStore(store).build();
    EndpointResponse response = endpoint.handleIntent(signed("r-1", "ORDER_STATUS", "{}"));
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).contains("SHIPPED");
    assertThat(endpoint.handleReceipts(ReceiptType.STATUS, request("POST", JSON, new HashMap<>(), STATUS_PUSH))
        .status()).isEqualTo(200);
  }

  @Test
  void anAdapterWhoseHeadersOrBodyFailIsAnsweredAsInternalError() {
    CamsEndpoint endpoint = builder().onIntent("ORDER_STATUS", call -> null).onStatus(batch -> {}).build();
    HeaderSource broken = name -> {
      throw new IllegalStateException("request already recycled");
    };
    InputStream brokenBody = new InputStream() {
      @Override
      public int read() {
        throw new IllegalStateException("connection reset by adapter");
      }
    };
    List<EndpointRequest> requests = List.of(
        new EndpointRequest("POST", JSON, broken, 2, new ByteArrayInputStream("{}".getBytes())),
        new EndpointRequest("POST", JSON, name -> List.of(), -1, brokenBody));
    for (EndpointRequest request : requests) {
      EndpointResponse intent = endpoint.handleIntent(request);
      assertThat(intent.code()).isEqualTo(CamsCode.INTERNAL_ERROR);
      assertThat(intent.status()).isEqualTo(500);
      assertThat(intent.bodyText()).doesNotContain("recycled").doesNotContain("reset");
    }
    assertThat(endpoint.handleReceipts(ReceiptType.STATUS,
        new EndpointRequest("POST", JSON, broken, 2, new ByteArrayInputStream("[]".getBytes()))).code())
        .isEqualTo(CamsCode.INTERNAL_ERROR);
    assertThat(endpoint.handleReceipts(ReceiptType.STATUS,
        new EndpointRequest("POST", JSON, name -> List.of(), -1, brokenBody)).code())
        .isEqualTo(CamsCode.INTERNAL_ERROR);
  }

  @Test
  void aBinderFailureInsideTheHandlerIsAnswered() {
    record Strict(int count) {
      Strict {
        if (count < 0) {
          throw new IllegalArgumentException("count must not be negative");
        }
      }
    }
    CamsEndpoint endpoint = builder().onIntent("ORDER_STATUS", call -> call.data(Strict.class)).build();
    EndpointResponse wrongType = endpoint.handleIntent(signed("r-1", "ORDER_STATUS", "{\"count\":\"many\"}"));
    assertThat(wrongType.code()).isEqualTo(CamsCode.MALFORMED_PAYLOAD);
    EndpointResponse refused = endpoint.handleIntent(signed("r-2", "ORDER_STATUS", "{\"count\":-1}"));
    assertThat(refused.status()).isIn(400, 500);
    assertThat(refused.bodyText()).doesNotContain("negative");
  }

  @Test
  void theRequestIdHeaderOfAnAdapterFailureIsReportedOnlyWhenWellFormed() {
    CamsEndpoint endpoint = builder().onIntent("ORDER_STATUS", call -> null).build();
    Map<String, List<String>> headers = new HashMap<>();
    headers.put(CamsHeaders.REQUEST_ID, List.of("r-7"));
    InputStream brokenBody = new InputStream() {
      @Override
      public int read() {
        throw new IllegalStateException("x");
      }
    };
    EndpointResponse response = endpoint.handleIntent(
        new EndpointRequest("POST", JSON, HeaderSource.ofMulti(headers), -1, brokenBody));
    assertThat(response.requestId()).isEqualTo("r-7");
  }
}
