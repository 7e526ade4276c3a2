package io.camssdk.benchmarks.core;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.camssdk.duplicate.InMemoryDuplicateStore;
import io.camssdk.signature.SignatureScheme;
import io.camssdk.signature.SignatureVerifier;
import io.camssdk.signature.SignedHeaders;
import io.camssdk.signature.Signer;
import io.camssdk.signature.VerifiedSignature;
import io.camssdk.webhook.CamsEndpoint;
import io.camssdk.webhook.EndpointRequest;
import io.camssdk.webhook.EndpointResponse;
import io.camssdk.webhook.HeaderSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of handling one intent call, on the contract's sample body, against two floors:
 * (a) HMAC-SHA256 + Base64 + constant-time compare; (b) (a) + a Moshi parse into a generic map;
 * (c) our verify only; (d) our full entry point: verify + parse + route + duplicate claim/complete + reply JSON.
 * Targets: (d) at most (b), (c) at most 1.2 x (a).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class EndpointBenchmark {
  static final String TOKEN = "tok-alpha-1234567890";
  static final long NOW = 1_732_420_000L;
  static final String SAMPLE = "{\"RequestId\":\"%s\",\"BusinessSystemId\":\"bs-7f3a2c\","
      + "\"CustSpaceId\":\"cams-83m8j9xxxxadc\",\"ChannelType\":\"whatsapp\",\"IntentCode\":\"ORDER_STATUS\","
      + "\"IntentName\":\"Order status\",\"IntentData\":{\"orderId\":\"A-1001\"},\"From\":\"8613800000000\","
      + "\"To\":\"8613900000000\",\"MessageId\":\"2023078469463703123\",\"TemplateCode\":\"820561547132813184\","
      + "\"Timestamp\":1732420000000}";
  /** More distinct calls than the store holds, so every call is new to the store when it comes round again. */
  static final int CALLS = 4096;

  record Call(String requestId, byte[] body, SignedHeaders headers, HeaderSource headerSource) {}

  record OrderQuery(String orderId) {}

  record OrderStatus(String orderId, String status) {}

  Call[] calls;
  int next;
  Mac mac;
  JsonAdapter<Map<String, Object>> genericAdapter;
  SignatureVerifier verifier;
  CamsEndpoint endpoint;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    Signer signer = Signer.of(List.of(TOKEN), clock, SignatureScheme.V1);
    calls = new Call[CALLS];
    for (int i = 0; i < CALLS; i++) {
      String requestId = "7c1b9e2a-4f3d-4a8e-9b6c-" + String.format("%012d", i);
      byte[] body = String.format(SAMPLE, requestId).getBytes(StandardCharsets.UTF_8);
      SignedHeaders headers = signer.sign(requestId, body);
      calls[i] = new Call(requestId, body, headers, HeaderSource.of(headers.asMap()));
    }
    mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    genericAdapter = new Moshi.Builder().build()
        .adapter(Types.newParameterizedType(Map.class, String.class, Object.class));
    verifier = SignatureVerifier.builder().token(TOKEN).clock(clock).build();
    endpoint = CamsEndpoint.builder()
        .verifier(verifier)
        .duplicateStore(
            InMemoryDuplicateStore.builder().maxEntries(1024).clock(new AdvancingClock(clock.instant())).build())
        .onIntent("ORDER_STATUS", call -> new OrderStatus(call.data(OrderQuery.class).orderId(), "SHIPPED"))
        .build();
  }

  private Call nextCall() {
    Call call = calls[next];
    next = (next + 1) % CALLS;
    return call;
  }

  /** (a) The raw floor: HMAC-SHA256 + Base64 + constant-time compare. */
  @Benchmark
  public boolean a_rawHmacFloor() {
    Call call = nextCall();
    return rawVerify(call);
  }

  private boolean rawVerify(Call call) {
    mac.update((call.requestId() + "." + call.headers().timestamp() + ".").getBytes(StandardCharsets.UTF_8));
    byte[] expected = Base64.getEncoder().encode(mac.doFinal(call.body()));
    String header = call.headers().signature();
    return MessageDigest.isEqual(expected, header.substring(3).getBytes(StandardCharsets.US_ASCII));
  }

  /** (b) The floor plus a Moshi parse of the body into a generic map. */
  @Benchmark
  public Object b_rawHmacPlusGenericParse() throws IOException {
    Call call = nextCall();
    if (!rawVerify(call)) {
      throw new IllegalStateException("signature");
    }
    return genericAdapter.fromJson(new Buffer().write(call.body()));
  }

  /** (c) Our verifier alone. */
  @Benchmark
  public VerifiedSignature c_verifyOnly() {
    Call call = nextCall();
    return verifier.verify(call.requestId(), call.headers().timestamp(), call.headers().signature(), call.body());
  }

  /** (d) Our whole entry point, from request to reply bytes. */
  @Benchmark
  public EndpointResponse d_fullEntryPoint() {
    Call call = nextCall();
    EndpointResponse response = endpoint.handleIntent(new EndpointRequest("POST", "application/json; charset=utf-8",
        call.headerSource(), call.body().length, new ByteArrayInputStream(call.body())));
    if (response.status() != 200) {
      throw new IllegalStateException(response.bodyText());
    }
    return response;
  }
}
