package io.camssdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.aliyun.teaopenapi.Client;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Alibaba's own generic OpenAPI client ({@code com.aliyun:tea-openapi}, ACS3-HMAC-SHA256 signing) calls the
 * emulator's documented actions with the documented parameters and reads the documented response fields: the
 * emulator speaks the platform's wire format, not only the SDK's.
 */
@CamsEmulatorTest
class TeaOpenApiAgainstEmulatorTest {
  private static final String WA = CamsEmulator.DEFAULT_WHATSAPP_CUST_SPACE_ID;

  private static Client alibabaClient(CamsEmulator emulator) throws Exception {
    URI url = emulator.url();
    Config config = new Config()
        .setAccessKeyId(emulator.accessKeyId())
        .setAccessKeySecret(emulator.accessKeySecret())
        .setEndpoint(url.getHost() + ":" + url.getPort())
        .setProtocol("http");
    return new Client(config);
  }

  /** The generic call the official generated SDKs make for an RPC action of cams 2020-06-06. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> call(Client client, String action, Map<String, Object> query)
      throws Exception {
    Params params = new Params().setAction(action).setVersion("2020-06-06").setProtocol("HTTP").setMethod("POST")
        .setAuthType("AK").setStyle("RPC").setPathname("/").setReqBodyType("json").setBodyType("json");
    OpenApiRequest request = new OpenApiRequest().setQuery(com.aliyun.openapiutil.Client.query(query));
    Map<String, ?> reply = client.callApi(params, request, new RuntimeOptions());
    return (Map<String, Object>) reply.get("body");
  }

  @Test
  @SuppressWarnings("unchecked")
  void alibabasClientCallsTheTemplateActionsAndReadsTheDocumentedFields(CamsEmulator emulator) throws Exception {
    DocumentedActionsAgainstEmulatorTest.addOrderTemplates(emulator);
    Client client = alibabaClient(emulator);

    // Page is a structure that the generated SDKs send as one JSON-valued parameter.
    Map<String, Object> list = call(client, "ListChatappTemplate", Map.of("CustSpaceId", WA,
        "AuditStatus", "pass", "Page", "{\"Index\":2,\"Size\":1}"));
    Map<String, Object> detail = call(client, "GetChatappTemplateDetail", Map.of("CustSpaceId", WA,
        "TemplateCode", "tpl-refund_offer", "Language", "es"));

    assertThat(list.get("Code")).isEqualTo("OK");
    assertThat(list.get("RequestId")).isNotNull();
    assertThat(list.get("Success")).isEqualTo(true);
    assertThat(((Number) list.get("Total")).intValue()).isEqualTo(2);
    List<Map<String, Object>> templates = (List<Map<String, Object>>) list.get("ListTemplate");
    assertThat(templates).extracting(t -> t.get("TemplateCode")).containsExactly("tpl-refund_offer");
    assertThat(templates.get(0)).containsKeys("TemplateName", "Language", "Category", "AuditStatus", "TemplateType");

    Map<String, Object> data = (Map<String, Object>) detail.get("Data");
    assertThat(data.get("TemplateCode")).isEqualTo("tpl-refund_offer");
    List<Map<String, Object>> components = (List<Map<String, Object>>) data.get("Components");
    Map<String, Object> buttons = components.stream().filter(c -> "BUTTONS".equals(c.get("Type"))).findFirst()
        .orElseThrow();
    List<Map<String, Object>> buttonList = (List<Map<String, Object>>) buttons.get("Buttons");
    assertThat(buttonList).extracting(b -> ((Map<String, Object>) b.get("ExtendAttrs")).get("IntentCode"))
        .containsExactly("REFUND", "ORDER_STATUS");
  }

  @Test
  void alibabasClientCallsTheWebhookActionsWithYAndNFlags(CamsEmulator emulator) throws Exception {
    Client client = alibabaClient(emulator);
    Map<String, Object> account = new LinkedHashMap<>();
    account.put("CustSpaceId", WA);
    account.put("HttpFlag", "Y");
    account.put("QueueFlag", "N");
    account.put("StatusCallbackUrl", "https://shop.example.com/cams/receipts/status");
    Map<String, Object> phone = new LinkedHashMap<>(account);
    phone.put("PhoneNumber", "6580001234");
    phone.put("UpCallbackUrl", "https://shop.example.com/cams/receipts/inbound");

    Map<String, Object> accountReply = call(client, "UpdateAccountWebhook", account);
    Map<String, Object> phoneReply = call(client, "UpdatePhoneWebhook", phone);

    assertThat(accountReply).containsEntry("Code", "OK").containsKeys("RequestId", "Message");
    assertThat(phoneReply).containsEntry("Code", "OK");
  }
}
