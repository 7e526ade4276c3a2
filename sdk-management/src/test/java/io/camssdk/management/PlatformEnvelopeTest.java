package io.camssdk.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.camssdk.CamsCode;
import io.camssdk.duplicate.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** The platform's real envelope ({@code RequestId, Code, Message, AccessDeniedDetail, Success}) and its codes. */
class PlatformEnvelopeTest {
  static final String DETAIL = "{\"AuthAction\":\"cams:ListBusinessSystems\",\"PolicyType\":\"AccountLevelIdentityBasedPolicy\",\"NoPermissionType\":\"ImplicitDeny\"}";

  @StartStop
  final MockWebServer server = new MockWebServer();

  final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  CamsManagementClient client(RetryPolicy policy) {
    return CamsManagementClient.builder()
        .endpoint(server.url("/").uri())
        .credentials(Credentials.of("LTAI5tKey", "secret"))
        .clock(clock)
        .random(() -> 0L)
        .retryPolicy(policy)
        .sleeper(duration -> {
          sleeps.add(duration);
          clock.advance(duration);
        })
        .build();
  }

  static MockResponse reply(int status, String json) {
    return new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(json).build();
  }

  static MockResponse limitControl() {
    return reply(400, "{\"RequestId\":\"lc-1\",\"Code\":\"System.LimitControl\",\"Message\":\"System limit control.\"}");
  }

  @Test
  void limitControlIsRetriedWithBackoffThenSurfacedAsThrottled() {
    CamsManagementClient client = client(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(200))
        .build());
    server.enqueue(limitControl());
    server.enqueue(limitControl());
    server.enqueue(limitControl());

    CamsApiException e = catchThrowableOfType(CamsApiException.class, () -> client.listBusinessSystems("cams-1"));

    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
    assertThat(e.kind()).isEqualTo(CamsApiException.Kind.THROTTLED);
    assertThat(e.errorCode()).isEqualTo("System.LimitControl");
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.code()).isEqualTo(CamsCode.API_ERROR);
    assertThat(e.getSuppressed()).hasSize(2);
  }

  @Test
  void limitControlIsRetriedEvenForACreateBecauseThePlatformDidNotRunIt() {
    CamsManagementClient client = client(RetryPolicy.defaults());
    server.enqueue(limitControl());
    server.enqueue(reply(200, "{\"RequestId\":\"ok\",\"Code\":\"OK\"}"));

    client.createIntent(CreateIntentRequest.builder().custSpaceId("cams-1").businessSystemId("bs-1")
        .intentCode("A").intentName("A").build());

    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void accessDeniedDetailReachesTheExceptionAndPermissionFailuresAreNotRetried() {
    CamsManagementClient client = client(RetryPolicy.defaults());
    server.enqueue(reply(403, "{\"RequestId\":\"rd-1\",\"Code\":\"Ram.PermissionDeny\",\"Message\":\"You are not"
        + " authorized to do this action.\",\"AccessDeniedDetail\":" + quote(DETAIL) + "}"));

    CamsApiException e = catchThrowableOfType(CamsApiException.class, () -> client.listBusinessSystems("cams-1"));

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(e.kind()).isEqualTo(CamsApiException.Kind.PERMISSION_DENIED);
    assertThat(e.accessDeniedDetail()).contains(DETAIL);
    assertThat(e.requestId()).isEqualTo("rd-1");
    assertThat(e.getMessage()).contains("grant the RAM user cams:ListBusinessSystems")
        .contains("accessDeniedDetail()").doesNotContain("ImplicitDeny");
  }

  @Test
  void unsubscribedProductIsAPermissionFailureEvenInA200ReplyWithSuccessFalse() {
    CamsManagementClient client = client(RetryPolicy.defaults());
    server.enqueue(reply(200, "{\"RequestId\":\"u-1\",\"Success\":false,\"Code\":\"Product.Unsubscript\","
        + "\"Message\":\"The product is not subscribed.\"}"));

    CamsApiException e = catchThrowableOfType(CamsApiException.class, () -> client.getServiceSettings("cams-1"));

    assertThat(server.getRequestCount()).isEqualTo(1);
    assertThat(e.kind()).isEqualTo(CamsApiException.Kind.PERMISSION_DENIED);
    assertThat(e.accessDeniedDetail()).isEmpty();
  }

  @Test
  void successFalseWithoutACodeIsAFailure() {
    CamsManagementClient client = client(RetryPolicy.none());
    server.enqueue(reply(200, "{\"RequestId\":\"s-1\",\"Success\":false}"));

    CamsApiException e = catchThrowableOfType(CamsApiException.class, () -> client.getServiceSettings("cams-1"));

    assertThat(e.errorCode()).isEqualTo("Unsuccessful");
  }

  @Test
  void invalidParameterNamesTheParameterFromTheCodeOrTheMessage() {
    CamsManagementClient client = client(RetryPolicy.defaults());
    server.enqueue(reply(400, "{\"RequestId\":\"p-1\",\"Code\":\"InvalidParameter.PageSize\",\"Message\":\"bad\"}"));
    server.enqueue(reply(400, "{\"RequestId\":\"p-2\",\"Code\":\"InvalidParameter\",\"Message\":\"ApiUrl must use"
        + " https\"}"));

    CamsApiException fromCode = catchThrowableOfType(CamsApiException.class,
        () -> client.listBusinessSystems("cams-1"));
    CamsApiException fromMessage = catchThrowableOfType(CamsApiException.class,
        () -> client.listBusinessSystems("cams-1"));

    assertThat(server.getRequestCount()).isEqualTo(2); // never retried
    assertThat(fromCode.kind()).isEqualTo(CamsApiException.Kind.INVALID_PARAMETER);
    assertThat(fromCode.parameter()).contains("PageSize");
    assertThat(fromMessage.parameter()).contains("ApiUrl");
  }

  private static String quote(String json) {
    return "\"" + json.replace("\"", "\\\"") + "\"";
  }
}
