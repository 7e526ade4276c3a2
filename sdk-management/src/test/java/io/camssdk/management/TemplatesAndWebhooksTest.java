package io.camssdk.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** The documented webhook and template actions, with the official models' field names. */
class TemplatesAndWebhooksTest {
  static final String SPACE = "cams-83m8j9xxxxadc";

  @StartStop
  final MockWebServer server = new MockWebServer();

  CamsManagementClient client() {
    return CamsManagementClient.builder().endpoint(server.url("/").uri())
        .credentials(Credentials.of("LTAI5tTestKeyId", "secret")).retryPolicy(RetryPolicy.none()).build();
  }

  void reply(String json) {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(json)
        .build());
  }

  HttpUrl taken() throws InterruptedException {
    RecordedRequest request = server.takeRequest(1, TimeUnit.SECONDS);
    return request.getUrl();
  }

  @Test
  void updateAccountWebhookSendsFlagsAsYAndN() throws Exception {
    reply("{\"RequestId\":\"r\",\"Code\":\"OK\",\"Message\":\"SUCCESS\"}");

    client().updateAccountWebhook(UpdateAccountWebhookRequest.builder().custSpaceId(SPACE).httpCallbacks(true)
        .queueCallbacks(false).statusCallbackUrl("https://shop.example.com/cams/receipts/status").build());

    HttpUrl url = taken();
    assertThat(url.queryParameter("CustSpaceId")).isEqualTo(SPACE);
    assertThat(url.queryParameter("HttpFlag")).isEqualTo("Y");
    assertThat(url.queryParameter("QueueFlag")).isEqualTo("N");
    assertThat(url.queryParameter("StatusCallbackUrl")).isEqualTo("https://shop.example.com/cams/receipts/status");
    assertThat(url.queryParameterNames()).doesNotContain("UpCallbackUrl");
  }

  @Test
  void updatePhoneWebhookSendsBothCallbackUrls() throws Exception {
    reply("{\"RequestId\":\"r\",\"Code\":\"OK\"}");

    client().updatePhoneWebhook(UpdatePhoneWebhookRequest.builder().custSpaceId(SPACE).phoneNumber("6580001234")
        .httpCallbacks(true).statusCallbackUrl("https://shop.example.com/s")
        .upCallbackUrl("https://shop.example.com/u").build());

    HttpUrl url = taken();
    assertThat(url.queryParameter("PhoneNumber")).isEqualTo("6580001234");
    assertThat(url.queryParameter("UpCallbackUrl")).isEqualTo("https://shop.example.com/u");
    assertThat(url.queryParameterNames()).doesNotContain("QueueFlag");
  }

  @Test
  void webhookUrlsAreValidatedBeforeSending() {
    assertThatThrownBy(() -> UpdatePhoneWebhookRequest.builder().custSpaceId(SPACE).phoneNumber("1")
        .upCallbackUrl("http://shop.example.com/u").build())
        .isInstanceOfSatisfying(CamsValidationException.class,
            e -> assertThat(e.parameter()).isEqualTo("UpCallbackUrl"));
  }

  @Test
  void listTemplatesSendsPageAsJsonAndReadsTopLevelListTemplate() throws Exception {
    reply("{\"RequestId\":\"r\",\"Code\":\"OK\",\"Success\":true,\"Total\":3,\"ListTemplate\":["
        + "{\"TemplateCode\":\"t-1\",\"TemplateName\":\"order_update\",\"Language\":\"en\",\"Category\":\"UTILITY\","
        + "\"AuditStatus\":\"pass\",\"TemplateType\":\"WHATSAPP\",\"LastUpdateTime\":1767225600000}]}");

    TemplatePage page = client().listTemplates(ListChatappTemplateRequest.builder().custSpaceId(SPACE)
        .auditStatus("pass").page(2, 1).build());

    HttpUrl url = taken();
    assertThat(url.queryParameter("Page")).isEqualTo("{\"Index\":2,\"Size\":1}");
    assertThat(url.queryParameter("AuditStatus")).isEqualTo("pass");
    assertThat(page.total()).isEqualTo(3);
    assertThat(page.hasNext()).isTrue();
    assertThat(page.templates()).containsExactly(new TemplateSummary("t-1", "order_update", "en", "UTILITY", "pass",
        "WHATSAPP", "", 1767225600000L));
  }

  @Test
  void templateDetailReadsButtonsAndTheirIntentCodes() throws Exception {
    reply("{\"RequestId\":\"r\",\"Code\":\"OK\",\"Data\":{\"TemplateCode\":\"t-1\",\"Name\":\"order_update\","
        + "\"Language\":\"en\",\"Components\":[{\"Type\":\"BODY\",\"Text\":\"Your order {{1}}\"},"
        + "{\"Type\":\"BUTTONS\",\"Buttons\":[{\"Type\":\"QUICK_REPLY\",\"Text\":\"Where is it?\","
        + "\"ExtendAttrs\":{\"IntentCode\":\"ORDER_STATUS\"}},{\"Type\":\"URL\",\"Text\":\"Shop\","
        + "\"Url\":\"https://shop.example.com\"}]}]}}");

    TemplateDetail detail = client().getTemplateDetail(GetChatappTemplateDetailRequest.builder().custSpaceId(SPACE)
        .templateCode("t-1").language("en").build());

    HttpUrl url = taken();
    assertThat(url.queryParameter("TemplateCode")).isEqualTo("t-1");
    assertThat(url.queryParameter("Language")).isEqualTo("en");
    assertThat(detail.buttons()).hasSize(2);
    assertThat(detail.buttons().get(0).intentCode()).contains("ORDER_STATUS");
    assertThat(detail.buttons().get(1).intentCode()).isEmpty();
    IntentCoverage coverage = TemplateIntents.of(SPACE, List.of(detail)).coverage(Set.of("REFUND"));
    assertThat(coverage.unhandledIntentCodes()).containsExactly("ORDER_STATUS");
    assertThat(coverage.summary()).contains("ORDER_STATUS <- template t-1 'order_update' (en) button 'Where is it?'");
  }
}
