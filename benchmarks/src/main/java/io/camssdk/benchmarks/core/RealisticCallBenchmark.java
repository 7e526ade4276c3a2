package io.camssdk.benchmarks.core;

import com.linecorp.bot.parser.LineSignatureValidator;
import com.linecorp.bot.parser.WebhookParser;
import com.stripe.net.Webhook;
import io.camssdk.duplicate.InMemoryDuplicateStore;
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
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
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
 * One realistic intent call (about 600 bytes: {@code IntentData} with a 150-character string, three scalars and a
 * list of two {@code {"sku","qty"}} objects) through our entry point, against the floor every verifier pays and
 * against LINE's and Stripe's webhook entry points on bodies of similar size, in one run:
 *
 * <ul>
 *   <li>{@code a_floor}: HMAC-SHA256 over {@code <id>.<ts>.} + body, Base64, constant-time compare;
 *   <li>{@code b_ourEntryPointBindingRecords}: {@code CamsEndpoint.handleIntent}, the handler binds a record
 *       holding {@code List<Item>};
 *   <li>{@code c_ourEntryPointReadingOneField}: the same, the handler reads one field of the generic tree;
 *   <li>{@code d_lineWebhookParser}: LINE's {@code WebhookParser.handle} (Base64 HMAC + Jackson into its model);
 *   <li>{@code e_stripeConstructEvent}: Stripe's {@code Webhook.constructEvent} (hex HMAC + Gson into its model).
 * </ul>
 *
 * Target (issue 11): b and c at most 2.5 x a.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class RealisticCallBenchmark {
  static final String TOKEN = "tok-alpha-1234567890";
  static final long NOW = 1_732_420_000L;
  /** More distinct calls than fit the store's retention at the store clock's pace: every call is new. */
  static final int CALLS = 4096;
  static final String NOTE = ("Please leave the parcel with the concierge at the front desk; the recipient is "
      + "travelling until Friday and has asked for a call before any redelivery attempt.").substring(0, 150);

  static final String CAMS_BODY = "{\"RequestId\":\"%s\",\"BusinessSystemId\":\"bs-7f3a2c\","
      + "\"CustSpaceId\":\"cams-83m8j9xxxxadc\",\"ChannelType\":\"whatsapp\",\"IntentCode\":\"ORDER_CONFIRM\","
      + "\"IntentName\":\"Order confirmation\",\"IntentData\":{\"note\":\"" + NOTE + "\",\"orderId\":\"A-1001\","
      + "\"amount\":129.5,\"express\":true,\"items\":[{\"sku\":\"SKU-0001\",\"qty\":2},{\"sku\":\"SKU-0042\","
      + "\"qty\":1}]},\"From\":\"8613800000000\",\"To\":\"8613900000000\",\"MessageId\":\"2023078469463703123\","
      + "\"TemplateCode\":\"820561547132813184\",\"Timestamp\":1732420000000}";

  static final String LINE_BODY = "{\"destination\":\"Uxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\",\"events\":[{"
      + "\"type\":\"message\",\"message\":{\"type\":\"text\",\"id\":\"468789577898262530\","
      + "\"quoteToken\":\"q3Plxr4AgKd\",\"text\":\"" + NOTE + "\"},\"webhookEventId\":\"01H810YECXQQZ37VAXPF6H9E%s\","
      + "\"deliveryContext\":{\"isRedelivery\":false},\"timestamp\":1692251666727,\"source\":{\"type\":\"user\","
      + "\"userId\":\"U4af4980629aaaaaaaaaaaaaaaaaaaaaa\"},\"replyToken\":\"38ef843bde154d9b91c21320ffd17a0f\","
      + "\"mode\":\"active\"}]}";

  static final String STRIPE_BODY = "{\"id\":\"evt_1NG8Du2eZvKYlo2C%s\",\"object\":\"event\","
      + "\"api_version\":\"2024-06-20\",\"created\":1732420000,\"data\":{\"object\":{\"id\":\"pi_3MtwBwLkdIwHu7ix\","
      + "\"object\":\"payment_intent\",\"amount\":12950,\"currency\":\"usd\",\"description\":\"" + NOTE + "\","
      + "\"metadata\":{\"orderId\":\"A-1001\"},\"status\":\"succeeded\"}},\"livemode\":false,"
      + "\"pending_webhooks\":1,\"request\":{\"id\":\"req_8yAWZlNo8Ba\",\"idempotency_key\":\"k-1\"},"
      + "\"type\":\"payment_intent.succeeded\"}";

  record Item(String sku, int qty) {}

  record Order(String note, String orderId, double amount, boolean express, List<Item> items) {}

  record Confirmation(String orderId, int lines) {}

  record CamsCall(String requestId, byte[] body, SignedHeaders headers, HeaderSource headerSource) {}

  record SignedBody(byte[] body, String text, String signature) {}

  CamsCall[] camsCalls;
  SignedBody[] lineCalls;
  SignedBody[] stripeCalls;
  int next;
  Mac mac;
  CamsEndpoint bindingEndpoint;
  CamsEndpoint treeEndpoint;
  WebhookParser lineParser;
  String stripeSecret;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC);
    Signer signer = Signer.of(List.of(TOKEN), clock, SignatureScheme.V1);
    camsCalls = new CamsCall[CALLS];
    lineCalls = new SignedBody[CALLS];
    stripeCalls = new SignedBody[CALLS];
    byte[] lineSecret = "line-channel-secret-0123456789ab".getBytes(StandardCharsets.UTF_8);
    LineSignatureValidator lineSigner = new LineSignatureValidator(lineSecret);
    stripeSecret = "whsec_benchmark0123456789";
    Mac stripeMac = Mac.getInstance("HmacSHA256");
    stripeMac.init(new SecretKeySpec(stripeSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    long stripeTimestamp = Instant.now().getEpochSecond();
    for (int i = 0; i < CALLS; i++) {
      String requestId = "7c1b9e2a-4f3d-4a8e-9b6c-" + String.format("%012d", i);
      byte[] body = String.format(CAMS_BODY, requestId).getBytes(StandardCharsets.UTF_8);
      SignedHeaders headers = signer.sign(requestId, body);
      camsCalls[i] = new CamsCall(requestId, body, headers, HeaderSource.of(headers.asMap()));

      String lineText = String.format(LINE_BODY, String.format("%04d", i));
      byte[] lineBody = lineText.getBytes(StandardCharsets.UTF_8);
      lineCalls[i] = new SignedBody(lineBody, lineText,
          Base64.getEncoder().encodeToString(lineSigner.generateSignature(lineBody)));

      String stripeText = String.format(STRIPE_BODY, String.format("%04d", i));
      String signedPayload = stripeTimestamp + "." + stripeText;
      String stripeSignature = "t=" + stripeTimestamp + ",v1="
          + HexFormat.of().formatHex(stripeMac.doFinal(signedPayload.getBytes(StandardCharsets.UTF_8)));
      stripeCalls[i] = new SignedBody(stripeText.getBytes(StandardCharsets.UTF_8), stripeText, stripeSignature);
    }
    mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    bindingEndpoint = endpoint(clock, call -> {
      Order order = call.data(Order.class);
      return new Confirmation(order.orderId(), order.items().size());
    });
    treeEndpoint = endpoint(clock, call -> new Confirmation(call.intentData().getString("orderId"), 0));
    lineParser = new WebhookParser(new LineSignatureValidator(lineSecret));
  }

  private static CamsEndpoint endpoint(Clock clock, io.camssdk.intent.IntentHandler handler) {
    return CamsEndpoint.builder()
        .verifier(io.camssdk.signature.SignatureVerifier.builder().token(TOKEN).clock(clock).build())
        // The store's clock moves one minute per call, so an id is long expired when its call comes round again:
        // every call is a first delivery, as in production.
        .duplicateStore(InMemoryDuplicateStore.builder().maxEntries(1 << 16).clock(new SteppingClock()).build())
        .onIntent("ORDER_CONFIRM", handler)
        .build();
  }

  private int nextIndex() {
    int index = next;
    next = (next + 1) % CALLS;
    return index;
  }

  /** (a) The floor: HMAC-SHA256 over {@code <id>.<ts>.} + body, Base64, constant-time compare. */
  @Benchmark
  public boolean a_floor() {
    CamsCall call = camsCalls[nextIndex()];
    mac.update((call.requestId() + "." + call.headers().timestamp() + ".").getBytes(StandardCharsets.UTF_8));
    byte[] expected = Base64.getEncoder().encode(mac.doFinal(call.body()));
    String header = call.headers().signature();
    return MessageDigest.isEqual(expected, header.substring(3).getBytes(StandardCharsets.US_ASCII));
  }

  /** (b) Our entry point; the handler binds a record holding {@code List<Item>}. */
  @Benchmark
  public EndpointResponse b_ourEntryPointBindingRecords() {
    return handle(bindingEndpoint, camsCalls[nextIndex()]);
  }

  /** (c) Our entry point; the handler reads one field of the generic tree. */
  @Benchmark
  public EndpointResponse c_ourEntryPointReadingOneField() {
    return handle(treeEndpoint, camsCalls[nextIndex()]);
  }

  private static EndpointResponse handle(CamsEndpoint endpoint, CamsCall call) {
    EndpointResponse response = endpoint.handleIntent(new EndpointRequest("POST", "application/json; charset=utf-8",
        call.headerSource(), call.body().length, new ByteArrayInputStream(call.body())));
    if (response.status() != 200) {
      throw new IllegalStateException("status " + response.status());
    }
    return response;
  }

  /** (d) LINE's webhook entry point: signature check and parse into its model. */
  @Benchmark
  public Object d_lineWebhookParser() throws Exception {
    SignedBody call = lineCalls[nextIndex()];
    return lineParser.handle(call.signature(), call.body());
  }

  /** (e) Stripe's webhook entry point: signature check and parse into its model. */
  @Benchmark
  public Object e_stripeConstructEvent() throws Exception {
    SignedBody call = stripeCalls[nextIndex()];
    return Webhook.constructEvent(call.text(), call.signature(), stripeSecret, Duration.ofDays(1).toSeconds());
  }

  /** A clock that moves one minute each time it is read. */
  static final class SteppingClock extends Clock {
    private long minutes;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochSecond(NOW + 60 * minutes++);
    }
  }
}
