package io.camssdk.management;

import io.camssdk.duplicate.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.json.JsonObject;
import io.camssdk.management.internal.Acs3Signer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.apache.commons.codec.binary.Hex;
import org.junit.jupiter.api.Test;

class CamsManagementClientTest {
  static final String SPACE = "cams-83m8j9xxxxadc";
  static final String SECRET = "test-secret-0123456789";

  @StartStop
  final MockWebServer server = new MockWebServer();

  final MutableClock clock = new MutableClock(Instant.parse("2026-03-04T05:06:07.890Z"));
  final AtomicInteger nonces = new AtomicInteger();

  CamsManagementClient.Builder builder() {
    return CamsManagementClient.builder()
        .endpoint(server.url("/").toString())
        .credentials(Credentials.of("LTAI5tTestKeyId", SECRET))
        .clock(clock)
        .nonceSupplier(() -> "nonce-" + nonces.incrementAndGet())
        .retryPolicy(RetryPolicy.none());
  }

  void reply(String data) {
    server.enqueue(new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json")
        .body("{\"RequestId\":\"req-1\",\"Code\":\"OK\",\"Message\":\"\"" + (data == null ? "" : ",\"Data\":" + data) + "}")
        .build());
  }

  RecordedRequest taken() throws InterruptedException {
    return server.takeRequest(1, TimeUnit.SECONDS);
  }

  @Test
  void signsEachRequestWithTheExactAcs3Headers() throws Exception {
    CamsManagementClient client = builder()
        .credentials(new Credentials("STS.LTAI5tTestKeyId", SECRET, "sts-token-xyz"))
        .build();
    reply("{\"ChannelType\":\"whatsapp\",\"SmsActivated\":true}");

    client.getServiceSettings(SPACE);

    RecordedRequest request = taken();
    String host = server.getHostName() + ":" + server.getPort();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getTarget()).isEqualTo("/?CustSpaceId=" + SPACE);
    assertThat(request.getBodySize()).isZero();
    assertThat(request.getHeaders().get("Host")).isEqualTo(host);
    assertThat(request.getHeaders().get("x-acs-action")).isEqualTo("GetServiceSettings");
    assertThat(request.getHeaders().get("x-acs-version")).isEqualTo("2020-06-06");
    assertThat(request.getHeaders().get("x-acs-date")).isEqualTo("2026-03-04T05:06:07Z");
    assertThat(request.getHeaders().get("x-acs-signature-nonce")).isEqualTo("nonce-1");
    assertThat(request.getHeaders().get("x-acs-content-sha256"))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    assertThat(request.getHeaders().get("x-acs-security-token")).isEqualTo("sts-token-xyz");
    assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
    assertThat(request.getHeaders().get("User-Agent")).startsWith("cams-sdk-java/").contains(" okhttp/5.");

    // Independent computation of the documented algorithm, written out by hand.
    String canonicalRequest = "POST\n/\nCustSpaceId=" + SPACE + "\n"
        + "host:" + host + "\n"
        + "x-acs-action:GetServiceSettings\n"
        + "x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"
        + "x-acs-date:2026-03-04T05:06:07Z\n"
        + "x-acs-security-token:sts-token-xyz\n"
        + "x-acs-signature-nonce:nonce-1\n"
        + "x-acs-version:2020-06-06\n"
        + "\n"
        + "host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version\n"
        + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    String stringToSign = "ACS3-HMAC-SHA256\n" + Hex.encodeHexString(
        MessageDigest.getInstance("SHA-256").digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature = Hex.encodeHexString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("ACS3-HMAC-SHA256 Credential=STS.LTAI5tTestKeyId,"
        + "SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;"
        + "x-acs-signature-nonce;x-acs-version,Signature=" + signature);
  }

  @Test
  void signsEncodedQueryValuesAsTheServerDecodesThem() throws Exception {
    CamsManagementClient client = builder().build();
    reply(null);

    client.createIntent(CreateIntentRequest.builder()
        .custSpaceId(SPACE).businessSystemId("bs-1").intentCode("ORDER_STATUS").intentName("État de la commande 🚚")
        .defaultIntentData(Map.of("note", "a+b c*d~"))
        .build());

    RecordedRequest request = taken();
    HttpUrl url = request.getUrl();
    Map<String, String> query = new java.util.TreeMap<>();
    for (String name : url.queryParameterNames()) {
      query.put(name, url.queryParameter(name));
    }
    assertThat(query.get("IntentName")).isEqualTo("État de la commande 🚚");
    assertThat(query.get("DefaultIntentData")).isEqualTo("{\"note\":\"a+b c*d~\"}");
    Map<String, String> headers = new java.util.TreeMap<>();
    request.getHeaders().forEach(pair -> headers.put(pair.getFirst(), pair.getSecond()));
    String expected = Acs3Signer.authorization("POST", "/", query, headers, Acs3Signer.EMPTY_PAYLOAD_SHA256,
        "LTAI5tTestKeyId", SECRET);
    assertThat(request.getHeaders().get("Authorization")).isEqualTo(expected);
    assertThat(request.getTarget()).contains("IntentName=%C3%89tat%20de%20la%20commande%20%F0%9F%9A%9A");
  }

  @Test
  void eachAttemptGetsAFreshDateAndNonce() throws Exception {
    CamsManagementClient client = builder().build();
    reply("[]");
    reply("[]");

    client.listBusinessSystems(SPACE);
    clock.advance(java.time.Duration.ofSeconds(2));
    client.listBusinessSystems(SPACE);

    RecordedRequest first = taken();
    RecordedRequest second = taken();
    assertThat(first.getHeaders().get("x-acs-signature-nonce")).isEqualTo("nonce-1");
    assertThat(second.getHeaders().get("x-acs-signature-nonce")).isEqualTo("nonce-2");
    assertThat(second.getHeaders().get("x-acs-date")).isEqualTo("2026-03-04T05:06:09Z");
    assertThat(first.getHeaders().get("Authorization")).isNotEqualTo(second.getHeaders().get("Authorization"));
  }

  @Test
  void createBusinessSystemSendsItsParametersAndReadsIdAndToken() throws Exception {
    CamsManagementClient client = builder().build();
    reply("{\"BusinessSystemId\":\"bs-7f3a2c\",\"Signature\":\"tok-abcdefgh1234\"}");

    CreatedBusinessSystem created = client.createBusinessSystem(CreateBusinessSystemRequest.builder()
        .custSpaceId(SPACE).systemName("Orders").apiUrl("https://orders.example.com/cams").remarks("eu")
        .build());

    assertThat(created.businessSystemId()).isEqualTo("bs-7f3a2c");
    assertThat(created.signature()).isEqualTo("tok-abcdefgh1234");
    assertThat(created.toString()).doesNotContain("tok-abcdefgh").contains("1234");
    RecordedRequest request = taken();
    assertThat(request.getHeaders().get("x-acs-action")).isEqualTo("CreateBusinessSystem");
    assertThat(request.getTarget()).isEqualTo("/?ApiUrl=https%3A%2F%2Forders.example.com%2Fcams"
        + "&CustSpaceId=" + SPACE + "&Remarks=eu&SystemName=Orders");
  }

  @Test
  void modifyBusinessSystemSendsOnlyWhatChanges() throws Exception {
    CamsManagementClient client = builder().build();
    reply(null);

    client.modifyBusinessSystem(ModifyBusinessSystemRequest.builder()
        .custSpaceId(SPACE).businessSystemId("bs-1").systemName("Orders v2").build());

    RecordedRequest request = taken();
    assertThat(request.getHeaders().get("x-acs-action")).isEqualTo("ModifyBusinessSystem");
    assertThat(request.getUrl().queryParameterNames()).containsExactly("BusinessSystemId", "CustSpaceId", "SystemName");
    assertThat(request.getUrl().queryParameter("SystemName")).isEqualTo("Orders v2");
  }

  @Test
  void deleteBusinessSystemSendsIds() throws Exception {
    CamsManagementClient client = builder().build();
    reply(null);

    client.deleteBusinessSystem(SPACE, "bs-1");

    RecordedRequest request = taken();
    assertThat(request.getHeaders().get("x-acs-action")).isEqualTo("DeleteBusinessSystem");
    assertThat(request.getTarget()).isEqualTo("/?BusinessSystemId=bs-1&CustSpaceId=" + SPACE);
  }

  @Test
  void listBusinessSystemsReadsEachSystem() throws Exception {
    CamsManagementClient client = builder().build();
    reply("[{\"BusinessSystemId\":\"bs-1\",\"SystemName\":\"Orders\",\"ApiUrl\":\"https://o.example/c\","
        + "\"Remarks\":\"\",\"SignatureHint\":\"a1b2\",\"Extra\":1},{\"BusinessSystemId\":\"bs-2\"}]");

    List<BusinessSystem> systems = client.listBusinessSystems(SPACE);

    assertThat(systems).containsExactly(
        new BusinessSystem("bs-1", "Orders", "https://o.example/c", "", "a1b2"),
        new BusinessSystem("bs-2", "", "", "", ""));
    RecordedRequest request = taken();
    assertThat(request.getHeaders().get("x-acs-action")).isEqualTo("ListBusinessSystems");
    assertThat(request.getTarget()).isEqualTo("/?CustSpaceId=" + SPACE);
  }

  @Test
  void refreshBusinessSystemSignatureReadsTheNewToken() throws Exception {
    CamsManagementClient client = builder().build();
    reply("{\"Signature\":\"new-token-5678\"}");

    RefreshedSignature refreshed = client.refreshBusinessSystemSignature(SPACE, "bs-1");

    assertThat(refreshed.signature()).isEqualTo("new-token-5678");
    assertThat(refreshed.toString()).doesNotContain("new-token");
    RecordedRequest request = taken();
    assertThat(request.getHeaders().get("x-acs-action")).isEqualTo("RefreshBusinessSystemSignature");
    assertThat(request.getTarget()).isEqualTo("/?BusinessSystemId=bs-1&CustSpaceId=" + SPACE);
  }

  @Test
  void createIntentSendsDefaultIntentDataAsAJsonStringFromAUserObject() throws Exception {
    CamsManagementClient client = builder().build();
    reply(null);

    client.createIntent(CreateIntentRequest.builder()
        .custSpaceId(SPACE).businessSystemId("bs-1").intentCode("ORDER_STATUS").intentName("Order status")
        .defaultIntentData(new OrderDefaults("en", true))
        .build());

    RecordedRequest request = taken();
    assertThat(request.getHeaders().get("x-acs-action")).isEqualTo("CreateIntent");
    HttpUrl url = request.getUrl();
    assertThat(url.queryParameter("IntentCode")).isEqualTo("ORDER_STATUS");
    assertThat(url.queryParameter("IntentName")).isEqualTo("Order status");
    assertThat(url.queryParameter("BusinessSystemId")).isEqualTo("bs-1");
    assertThat(url.queryParameter("CustSpaceId")).isEqualTo(SPACE);
    assertThat(url.queryParameter("DefaultIntentData")).isEqualTo("{\"locale\":\"en\",\"vip\":true}");
  }

  @Test
  void createIntentAcceptsAMapOrAJsonObjectAndDefaultsToEmptyObject() throws Exception {
    CamsManagementClient client = builder().build();
    reply(null);
    reply(null);
    reply(null);
    CreateIntentRequest.Builder request = CreateIntentRequest.builder()
        .custSpaceId(SPACE).businessSystemId("bs-1").intentCode("A").intentName("A");

    client.createIntent(request.build());
    client.createIntent(request.defaultIntentData(Map.of("n", 1)).build());
    client.createIntent(request.defaultIntentData(JsonObject.parse("{\"x\":[1,2]}")).build());

    assertThat(taken().getUrl().queryParameter("DefaultIntentData")).isEqualTo("{}");
    assertThat(taken().getUrl().queryParameter("DefaultIntentData")).isEqualTo("{\"n\":1}");
    assertThat(taken().getUrl().queryParameter("DefaultIntentData")).isEqualTo("{\"x\":[1,2]}");
  }

  @Test
  void modifyIntentSendsOnlyWhatChanges() throws Exception {
    CamsManagementClient client = builder().build();
    reply(null);

    client.modifyIntent(ModifyIntentRequest.builder()
        .custSpaceId(SPACE).businessSystemId("bs-1").intentCode("ORDER_STATUS")
        .defaultIntentData(Map.of("locale", "fr")).build());

    RecordedRequest request = taken();
    assertThat(request.getHeaders().get("x-acs-action")).isEqualTo("ModifyIntent");
    assertThat(request.getUrl().queryParameterNames())
        .containsExactly("BusinessSystemId", "CustSpaceId", "DefaultIntentData", "IntentCode");
    assertThat(request.getUrl().queryParameter("DefaultIntentData")).isEqualTo("{\"locale\":\"fr\"}");
  }

  @Test
  void deleteIntentSendsTheCode() throws Exception {
    CamsManagementClient client = builder().build();
    reply(null);

    client.deleteIntent(SPACE, "bs-1", "ORDER_STATUS");

    RecordedRequest request = taken();
    assertThat(request.getHeaders().get("x-acs-action")).isEqualTo("DeleteIntent");
    assertThat(request.getTarget()).isEqualTo("/?BusinessSystemId=bs-1&CustSpaceId=" + SPACE
        + "&IntentCode=ORDER_STATUS");
  }

  @Test
  void listIntentsSendsPagingAndReadsDefaultIntentDataGivenAsStringOrObject() throws Exception {
    CamsManagementClient client = builder().build();
    reply("{\"List\":[{\"IntentCode\":\"A\",\"IntentName\":\"Alpha\",\"DefaultIntentData\":\"{\\\"k\\\":\\\"v\\\"}\"},"
        + "{\"IntentCode\":\"B\",\"IntentName\":\"Beta\",\"DefaultIntentData\":{\"n\":2}}],\"Total\":7}");

    IntentPage page = client.listIntents(SPACE, "bs-1", 2, 2);

    assertThat(page.intents()).containsExactly(
        new Intent("A", "Alpha", JsonObject.of(Map.of("k", "v"))),
        new Intent("B", "Beta", JsonObject.of(Map.of("n", 2))));
    assertThat(page.total()).isEqualTo(7);
    assertThat(page.hasNext()).isTrue();
    RecordedRequest request = taken();
    assertThat(request.getHeaders().get("x-acs-action")).isEqualTo("ListIntents");
    assertThat(request.getTarget()).isEqualTo("/?BusinessSystemId=bs-1&CustSpaceId=" + SPACE
        + "&PageIndex=2&PageSize=2");
  }

  @Test
  void streamIntentsWalksEveryPageLazily() throws Exception {
    CamsManagementClient client = builder().build();
    StringBuilder first = new StringBuilder("{\"List\":[");
    for (int i = 0; i < 100; i++) {
      first.append(i == 0 ? "" : ",").append("{\"IntentCode\":\"I").append(i).append("\"}");
    }
    reply(first.append("],\"Total\":101}").toString());
    reply("{\"List\":[{\"IntentCode\":\"LAST\"}],\"Total\":101}");

    List<String> codes = client.streamIntents(SPACE, "bs-1").map(Intent::intentCode).toList();

    assertThat(codes).hasSize(101).startsWith("I0", "I1").endsWith("LAST");
    assertThat(taken().getUrl().queryParameter("PageIndex")).isEqualTo("1");
    RecordedRequest second = taken();
    assertThat(second.getUrl().queryParameter("PageIndex")).isEqualTo("2");
    assertThat(second.getUrl().queryParameter("PageSize")).isEqualTo("100");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void iterateIntentsSendsNothingUntilAsked() throws Exception {
    CamsManagementClient client = builder().build();
    reply("{\"List\":[],\"Total\":0}");

    java.util.Iterator<Intent> intents = client.iterateIntents(SPACE, "bs-1");
    assertThat(server.getRequestCount()).isZero();

    assertThat(intents.hasNext()).isFalse();
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  @Test
  void getServiceSettingsReadsSmsAndOtpScheduling() throws Exception {
    CamsManagementClient client = builder().build();
    reply("{\"ChannelType\":\"whatsapp\",\"SmsActivated\":true,"
        + "\"OtpScheduling\":{\"Enabled\":true,\"Countries\":[\"SG\",\"ID\"],\"UseOwnNumbers\":false}}");

    ServiceSettings settings = client.getServiceSettings(SPACE);

    assertThat(settings).isEqualTo(new ServiceSettings("whatsapp", true,
        new OtpScheduling(true, List.of("SG", "ID"), false)));
    assertThat(taken().getHeaders().get("x-acs-action")).isEqualTo("GetServiceSettings");
  }

  @Test
  void getServiceSettingsAcceptsCountriesAsAJsonString() throws Exception {
    CamsManagementClient client = builder().build();
    reply("{\"ChannelType\":\"viber\",\"SmsActivated\":\"false\","
        + "\"OtpScheduling\":{\"Enabled\":false,\"Countries\":\"[\\\"MY\\\"]\",\"UseOwnNumbers\":true}}");

    ServiceSettings settings = client.getServiceSettings(SPACE);

    assertThat(settings.smsActivated()).isFalse();
    assertThat(settings.otpScheduling()).isEqualTo(new OtpScheduling(false, List.of("MY"), true));
  }

  @Test
  void modifySmsActivationSendsTheFlag() throws Exception {
    CamsManagementClient client = builder().build();
    reply(null);

    client.modifySmsActivation(SPACE, true);

    RecordedRequest request = taken();
    assertThat(request.getHeaders().get("x-acs-action")).isEqualTo("ModifySmsActivation");
    assertThat(request.getTarget()).isEqualTo("/?Activated=true&CustSpaceId=" + SPACE);
  }

  @Test
  void modifyOtpSchedulingSendsCountriesAsAJsonArray() throws Exception {
    CamsManagementClient client = builder().build();
    reply(null);

    client.modifyOtpScheduling(SPACE, new OtpScheduling(true, List.of("SG", "ID"), true));

    RecordedRequest request = taken();
    assertThat(request.getHeaders().get("x-acs-action")).isEqualTo("ModifyOtpScheduling");
    assertThat(request.getUrl().queryParameter("Countries")).isEqualTo("[\"SG\",\"ID\"]");
    assertThat(request.getTarget()).isEqualTo("/?Countries=%5B%22SG%22%2C%22ID%22%5D&CustSpaceId=" + SPACE
        + "&Enabled=true&UseOwnNumbers=true");
  }

  @Test
  void asyncCallsCompleteWithTheParsedReply() throws Exception {
    CamsManagementClient client = builder().build();
    reply("{\"ChannelType\":\"whatsapp\",\"SmsActivated\":false}");

    ServiceSettings settings = client.getServiceSettingsAsync(SPACE).get(2, TimeUnit.SECONDS);

    assertThat(settings.channelType()).isEqualTo("whatsapp");
    assertThat(settings.otpScheduling()).isEqualTo(OtpScheduling.disabled());
  }

  @Test
  void userAgentNamesTheSdkVersion() {
    CamsManagementClient client = builder().build();
    assertThat(client.userAgent()).matches("cams-sdk-java/\\S+ okhttp/\\S+ Java/\\S+");
  }

  @Test
  void regionSelectsTheRegionalEndpoint() {
    CamsManagementClient client = builder().region("cn-hangzhou").build();
    assertThat(client.endpoint().toString()).isEqualTo("https://cams.cn-hangzhou.aliyuncs.com/");
    assertThat(CamsManagementClient.builder().credentials(Credentials.of("a", "b")).build().endpoint())
        .hasToString(CamsManagementClient.DEFAULT_ENDPOINT + "/");
  }
}
