package io.camssdk.benchmarks.core;

import io.camssdk.duplicate.InMemoryDuplicateStore;
import io.camssdk.intent.IntentCall;
import io.camssdk.intent.IntentCallParser;
import io.camssdk.json.JsonLimits;
import io.camssdk.signature.SignatureScheme;
import io.camssdk.signature.SignedHeaders;
import io.camssdk.signature.Signer;
import io.camssdk.webhook.CamsEndpoint;
import io.camssdk.webhook.EndpointRequest;
import io.camssdk.webhook.EndpointResponse;
import io.camssdk.webhook.HeaderSource;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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
 * The intent path on a richer body (about 600 bytes: a 150-char string, three scalars and a list of two
 * {@code {"sku","qty"}} objects in {@code IntentData}), bound to a record holding {@code List<Item>}: the floor
 * (HMAC-SHA256 + Base64 + constant-time compare), the parse, parse + bind, and the full entry point (verify, parse,
 * bind, duplicate claim/complete, reply).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Thread)
public class IntentBindBenchmark {
  static final String TOKEN = "tok-alpha-1234567890";
  static final long NOW = 1_732_420_000L;
  static final String NOTE = "Please leave the parcel with the concierge on the ground floor; ring twice, and if"
      + " nobody answers call the number on the order before 6 pm. Thanks!";
  static final String SAMPLE = "{\"RequestId\":\"%s\",\"BusinessSystemId\":\"bs-7f3a2c\","
      + "\"CustSpaceId\":\"cams-83m8j9xxxxadc\",\"ChannelType\":\"whatsapp\",\"IntentCode\":\"ORDER_STATUS\","
      + "\"IntentName\":\"Order status\",\"IntentData\":{\"note\":\"" + NOTE + "\",\"orderId\":\"A-1001\","
      + "\"count\":3,\"express\":true,\"items\":[{\"sku\":\"SKU-00017\",\"qty\":2},{\"sku\":\"SKU-00342\",\"qty\":1}]},"
      + "\"From\":\"8613800000000\",\"To\":\"8613900000000\",\"MessageId\":\"2023078469463703123\","
      + "\"TemplateCode\":\"820561547132813184\",\"Timestamp\":1732420000000}";
  static final int CALLS = 4096;

  record Call(String requestId, byte[] body, SignedHeaders headers, HeaderSource headerSource) {}

  record Item(String sku, int qty) {}

  record Order(String note, String orderId, int count, boolean express, List<Item> items) {}

  record OrderStatus(String orderId, String status) {}

  Call[] calls;
  int next;
  Mac mac;
  IntentCallParser parser = new IntentCallParser(JsonLimits.DEFAULTS);
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
    endpoint = CamsEndpoint.builder()
        .verifier(io.camssdk.signature.SignatureVerifier.builder().token(TOKEN).clock(clock).build())
        // The store's clock advances with each read, so the eldest ids are past the eviction floor: no 503 when full.
        .duplicateStore(
            InMemoryDuplicateStore.builder().maxEntries(1024).clock(new AdvancingClock(clock.instant())).build())
        .onIntent("ORDER_STATUS", call -> {
          Order order = call.data(Order.class);
          return new OrderStatus(order.orderId(), order.items().size() == 2 ? "SHIPPED" : "?");
        })
        .build();
    if (calls[0].body().length < 550 || calls[0].body().length > 650) {
      throw new IllegalStateException("body of " + calls[0].body().length + " bytes");
    }
  }

  private Call nextCall() {
    Call call = calls[next];
    next = (next + 1) % CALLS;
    return call;
  }

  @Benchmark
  public boolean a_floor() {
    Call call = nextCall();
    mac.update((call.requestId() + "." + call.headers().timestamp() + ".").getBytes(StandardCharsets.UTF_8));
    byte[] expected = Base64.getEncoder().encode(mac.doFinal(call.body()));
    return MessageDigest.isEqual(expected, call.headers().signature().substring(3).getBytes(StandardCharsets.US_ASCII));
  }

  @Benchmark
  public IntentCall b_parse() {
    return parser.parse(nextCall().body());
  }

  @Benchmark
  public Order c_parseBind() {
    return parser.parse(nextCall().body()).data(Order.class);
  }

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
