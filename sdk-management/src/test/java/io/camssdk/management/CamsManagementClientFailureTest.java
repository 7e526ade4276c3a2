package io.camssdk.management;

import io.camssdk.duplicate.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CamsManagementClientFailureTest {
  static final String SPACE = "cams-1";
  static final String SECRET = "secret-never-in-messages";

  @StartStop
  final MockWebServer server = new MockWebServer();

  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  CamsManagementClient.Builder builder() {
    return CamsManagementClient.builder()
        .endpoint(server.url("/").toString())
        .credentials(Credentials.of("LTAI5tKey", SECRET))
        .clock(clock)
        .random(() -> 0L) // jitter picks the lower bound: half the exponential delay
        .sleeper(duration -> {
          sleeps.add(duration);
          clock.advance(duration);
        });
  }

  static MockResponse error(int status, String code, String message) {
    return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json")
        .body("{\"RequestId\":\"req-9\",\"Code\":\"" + code + "\",\"Message\":\"" + message + "\"}").build();
  }

  static MockResponse ok(String data) {
    return new MockResponse.Builder().code(200)
        .body("{\"RequestId\":\"req-ok\",\"Code\":\"OK\",\"Data\":" + data + "}").build();
  }

  @ParameterizedTest(name = "{1} -> {2}")
  @CsvSource({
      "400, InvalidParameter, INVALID_PARAMETER",
      "400, MissingParameter.CustSpaceId, INVALID_PARAMETER",
      "400, SignatureDoesNotMatch, AUTH_FAILURE",
      "404, InvalidAccessKeyId.NotFound, AUTH_FAILURE",
      "403, InvalidSecurityToken.Expired, AUTH_FAILURE",
      "404, BusinessSystem.NotFound, NOT_FOUND",
      "404, Intent.NotFound, NOT_FOUND",
      "409, Intent.AlreadyExists, ALREADY_EXISTS",
      "400, OtpScheduling.NotSupported, NOT_SUPPORTED",
      "429, Throttling, THROTTLED",
      "400, Throttling.User, THROTTLED",
      "503, ServiceUnavailable, SERVICE_UNAVAILABLE",
      "500, InternalError, OTHER",
      "403, Forbidden.RAM, PERMISSION_DENIED",
      "403, Ram.PermissionDeny, PERMISSION_DENIED",
      "403, Product.Unsubscript, PERMISSION_DENIED",
      "400, System.LimitControl, THROTTLED",
  })
  void mapsEveryErrorCodeToItsKind(int status, String code, CamsApiException.Kind kind) {
    CamsManagementClient client = builder().retryPolicy(RetryPolicy.none()).build();
    server.enqueue(error(status, code, "it went wrong"));

    CamsApiException e = catchThrowableOfType(CamsApiException.class, () -> client.deleteIntent(SPACE, "bs-1", "A"));

    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.httpStatus()).isEqualTo(status);
    assertThat(e.errorCode()).isEqualTo(code);
    assertThat(e.errorMessage()).isEqualTo("it went wrong");
    assertThat(e.requestId()).isEqualTo("req-9");
    assertThat(e.action()).isEqualTo("DeleteIntent");
    assertThat(e.getMessage()).startsWith("DeleteIntent failed: HTTP " + status + " " + code + ": it went wrong")
        .endsWith(" (RequestId req-9)").doesNotContain("\n");
    assertThat(e.code()).isEqualTo(io.camssdk.CamsCode.API_ERROR);
    assertThat(e.getMessage()).doesNotContain(SECRET);
  }

  @Test
  void mapsRepliesWithoutEnvelopeByStatus() {
    CamsManagementClient client = builder().retryPolicy(RetryPolicy.none()).build();
    server.enqueue(new MockResponse.Builder().code(502).body("<html>Bad gateway</html>")
        .addHeader("x-acs-request-id", "hdr-1").build());
    server.enqueue(new MockResponse.Builder().code(503).build());
    server.enqueue(new MockResponse.Builder().code(200).body("not json").build());

    CamsApiException badGateway = catchThrowableOfType(CamsApiException.class, () -> client.listBusinessSystems(SPACE));
    CamsApiException unavailable = catchThrowableOfType(CamsApiException.class, () -> client.listBusinessSystems(SPACE));
    CamsApiException malformed = catchThrowableOfType(CamsApiException.class, () -> client.listBusinessSystems(SPACE));

    assertThat(badGateway.errorCode()).isEqualTo("Unknown");
    assertThat(badGateway.kind()).isEqualTo(CamsApiException.Kind.OTHER);
    assertThat(badGateway.requestId()).isEqualTo("hdr-1");
    assertThat(unavailable.kind()).isEqualTo(CamsApiException.Kind.SERVICE_UNAVAILABLE);
    assertThat(malformed.errorCode()).isEqualTo("MalformedResponse");
  }

  @Test
  void reportsAReplyOfTheWrongShape() {
    CamsManagementClient client = builder().build();
    server.enqueue(ok("{\"BusinessSystemId\":\"bs-1\"}"));

    assertThatThrownBy(() -> client.createBusinessSystem(CreateBusinessSystemRequest.builder()
        .custSpaceId(SPACE).systemName("S").apiUrl("https://s.example").build()))
        .isInstanceOf(CamsApiException.class)
        .hasMessage("CreateBusinessSystem failed: HTTP 200 MalformedResponse: Signature is missing (RequestId req-ok)");
  }

  @Test
  void retriesReadsOn503WithExponentialBackoff() {
    CamsManagementClient client = builder()
        .retryPolicy(RetryPolicy.builder().maxAttempts(4).initialBackoff(Duration.ofMillis(200)).build())
        .build();
    server.enqueue(error(503, "ServiceUnavailable", "busy"));
    server.enqueue(error(503, "ServiceUnavailable", "busy"));
    server.enqueue(error(429, "Throttling", "slow down"));
    server.enqueue(ok("[]"));

    assertThat(client.listBusinessSystems(SPACE)).isEmpty();

    assertThat(server.getRequestCount()).isEqualTo(4);
    assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
  }

  @Test
  void jitterStaysInTheUpperHalfOfTheDelay() {
    RetryPolicy policy = RetryPolicy.builder().initialBackoff(Duration.ofMillis(200))
        .maxBackoff(Duration.ofMillis(1000)).build();
    assertThat(policy.backoffMillis(1, 0.0)).isEqualTo(100);
    assertThat(policy.backoffMillis(1, 0.999)).isEqualTo(199);
    assertThat(policy.backoffMillis(3, 0.5)).isEqualTo(600);
    assertThat(policy.backoffMillis(10, 0.0)).isEqualTo(500);
    assertThat(policy.backoffMillis(100, 0.0)).isEqualTo(500);
  }

  @Test
  void honoursRetryAfter() {
    CamsManagementClient client = builder().build();
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3")
        .body("{\"Code\":\"Throttling\",\"Message\":\"slow down\"}").build());
    server.enqueue(ok("{\"ChannelType\":\"sms\"}"));

    assertThat(client.getServiceSettings(SPACE).channelType()).isEqualTo("sms");

    assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void stopsWhenTheNextAttemptWouldExceedTheTimeBudget() {
    CamsManagementClient client = builder()
        .retryPolicy(RetryPolicy.builder().maxAttempts(5).maxElapsed(Duration.ofSeconds(10)).build())
        .build();
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "4")
        .body("{\"Code\":\"ServiceUnavailable\"}").build());
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "4")
        .body("{\"Code\":\"ServiceUnavailable\"}").build());
    server.enqueue(new MockResponse.Builder().code(503).addHeader("Retry-After", "4")
        .body("{\"Code\":\"ServiceUnavailable\"}").build());

    CamsApiException e = catchThrowableOfType(CamsApiException.class, () -> client.listBusinessSystems(SPACE));

    assertThat(server.getRequestCount()).isEqualTo(3); // at 0 s, 4 s, 8 s; a fourth would start at 12 s
    assertThat(sleeps).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(4));
    assertThat(e.getSuppressed()).hasSize(2);
  }

  @Test
  void stopsAfterMaxAttempts() {
    CamsManagementClient client = builder().retryPolicy(RetryPolicy.builder().maxAttempts(2).build()).build();
    server.enqueue(error(503, "ServiceUnavailable", "busy"));
    server.enqueue(error(503, "ServiceUnavailable", "busy"));
    server.enqueue(ok("[]"));

    assertThatThrownBy(() -> client.listBusinessSystems(SPACE)).isInstanceOf(CamsApiException.class);
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void doesNotRetryWhenDisabled() {
    CamsManagementClient client = builder().retryPolicy(RetryPolicy.none()).build();
    server.enqueue(error(503, "ServiceUnavailable", "busy"));

    assertThatThrownBy(() -> client.listBusinessSystems(SPACE)).isInstanceOf(CamsApiException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void doesNotRetryNonIdempotentCreateOn503() {
    CamsManagementClient client = builder().build();
    server.enqueue(error(503, "ServiceUnavailable", "busy"));
    server.enqueue(ok("{\"BusinessSystemId\":\"bs-2\",\"Signature\":\"t\"}"));

    CamsApiException e = catchThrowableOfType(CamsApiException.class, () -> client.createBusinessSystem(
        CreateBusinessSystemRequest.builder().custSpaceId(SPACE).systemName("S").apiUrl("https://s.example").build()));

    assertThat(e.kind()).isEqualTo(CamsApiException.Kind.SERVICE_UNAVAILABLE);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void retriesNonIdempotentCreateWhenThrottled() {
    CamsManagementClient client = builder().build();
    server.enqueue(error(400, "Throttling", "slow down"));
    server.enqueue(ok("null"));

    client.createIntent(CreateIntentRequest.builder().custSpaceId(SPACE).businessSystemId("bs-1")
        .intentCode("A").intentName("A").build());

    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void doesNotRetryClientErrors() {
    CamsManagementClient client = builder().build();
    server.enqueue(error(404, "Intent.NotFound", "no such intent"));

    assertThatThrownBy(() -> client.deleteIntent(SPACE, "bs-1", "A")).isInstanceOf(CamsApiException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void retriesConnectionFailuresAndKeepsEarlierOnesSuppressed() throws Exception {
    String url = server.url("/").toString();
    server.close(); // nothing listens any more
    CamsManagementClient client = builder().endpoint(url).build();

    CamsTransportException e = catchThrowableOfType(CamsTransportException.class,
        () -> client.refreshBusinessSystemSignature(SPACE, "bs-1"));

    assertThat(e.attempts()).isEqualTo(3); // not idempotent, but the connection never opened
    assertThat(e.getCause()).isInstanceOf(ConnectException.class);
    assertThat(e.getSuppressed()).hasSize(2);
    assertThat(e).hasMessageStartingWith("RefreshBusinessSystemSignature failed after 3 attempts: ConnectException");
    assertThat(sleeps).hasSize(2);
  }

  @Test
  void timesOutASlowReply() {
    CamsManagementClient client = builder()
        .readTimeout(Duration.ofMillis(150))
        .retryPolicy(RetryPolicy.none())
        .build();
    server.enqueue(new MockResponse.Builder().headersDelay(800, TimeUnit.MILLISECONDS).body("{}").build());

    long start = System.nanoTime();
    CamsTransportException e = catchThrowableOfType(CamsTransportException.class, () -> client.listBusinessSystems(SPACE));

    assertThat(e.getCause()).isInstanceOf(InterruptedIOException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(700));
  }

  @Test
  void callTimeoutBoundsEachAttempt() {
    CamsManagementClient client = builder()
        .callTimeout(Duration.ofMillis(150))
        .retryPolicy(RetryPolicy.none())
        .build();
    server.enqueue(new MockResponse.Builder().bodyDelay(800, TimeUnit.MILLISECONDS).body("{}").build());

    CamsTransportException e = catchThrowableOfType(CamsTransportException.class, () -> client.getServiceSettings(SPACE));

    assertThat(e.getCause()).isInstanceOf(InterruptedIOException.class);
  }

  /** Runs scheduled tasks at once and records the delay they asked for. */
  static final class RecordingScheduler extends ScheduledThreadPoolExecutor {
    final List<Long> delaysMillis = new CopyOnWriteArrayList<>();

    RecordingScheduler() {
      super(1);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
      delaysMillis.add(unit.toMillis(delay));
      return super.schedule(command, 0, TimeUnit.MILLISECONDS);
    }
  }

  @Test
  void asyncRetriesAreScheduledWithoutBlocking() throws Exception {
    RecordingScheduler scheduler = new RecordingScheduler();
    try {
      CamsManagementClient client = builder().scheduler(scheduler).sleeper(d -> {
        throw new AssertionError("async calls must not sleep");
      }).build();
      server.enqueue(error(503, "ServiceUnavailable", "busy"));
      server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "2")
          .body("{\"Code\":\"Throttling\"}").build());
      server.enqueue(ok("[{\"BusinessSystemId\":\"bs-1\"}]"));

      List<BusinessSystem> systems = client.listBusinessSystemsAsync(SPACE).get(2, TimeUnit.SECONDS);

      assertThat(systems).extracting(BusinessSystem::businessSystemId).containsExactly("bs-1");
      assertThat(scheduler.delaysMillis).containsExactly(100L, 2000L);
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void asyncFailuresCompleteTheFutureWithTheApiException() {
    CamsManagementClient client = builder().build();
    server.enqueue(error(409, "Intent.AlreadyExists", "exists"));

    CompletableFuture<Void> future = client.createIntentAsync(CreateIntentRequest.builder().custSpaceId(SPACE)
        .businessSystemId("bs-1").intentCode("A").intentName("A").build());

    ExecutionException e = catchThrowableOfType(ExecutionException.class, () -> future.get(2, TimeUnit.SECONDS));
    assertThat(e.getCause()).isInstanceOf(CamsApiException.class);
    assertThat(((CamsApiException) e.getCause()).kind()).isEqualTo(CamsApiException.Kind.ALREADY_EXISTS);
  }

  @Test
  void cancellingAnAsyncCallCancelsTheHttpCall() throws Exception {
    CamsManagementClient client = builder().build();
    server.enqueue(new MockResponse.Builder().headersDelay(800, TimeUnit.MILLISECONDS).body("{}").build());

    CompletableFuture<ServiceSettings> future = client.getServiceSettingsAsync(SPACE);
    server.takeRequest(1, TimeUnit.SECONDS);
    future.cancel(true);

    assertThat(future).isCancelled();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
