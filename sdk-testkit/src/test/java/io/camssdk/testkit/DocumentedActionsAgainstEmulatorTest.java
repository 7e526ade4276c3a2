package io.camssdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.camssdk.intent.IntentRouter;
import io.camssdk.json.JsonObject;
import io.camssdk.management.CamsApiException;
import io.camssdk.management.CamsManagementClient;
import io.camssdk.management.GetChatappTemplateDetailRequest;
import io.camssdk.management.IntentCoverage;
import io.camssdk.management.ListChatappTemplateRequest;
import io.camssdk.management.TemplateDetail;
import io.camssdk.management.TemplateIntents;
import io.camssdk.management.TemplatePage;
import io.camssdk.management.UpdateAccountWebhookRequest;
import io.camssdk.management.UpdatePhoneWebhookRequest;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The documented webhook and template actions, served by the emulator and called by the SDK over loopback. */
@CamsEmulatorTest
class DocumentedActionsAgainstEmulatorTest {
  private static final String WA = CamsEmulator.DEFAULT_WHATSAPP_CUST_SPACE_ID;

  static void addOrderTemplates(CamsEmulator emulator) {
    emulator.addTemplate(WA, EmulatorTemplate.builder("order_update").body("Your order {{1}} has shipped")
        .button(EmulatorTemplate.Button.intent("Where is it?", "ORDER_STATUS"))
        .button(EmulatorTemplate.Button.url("Shop", "https://shop.example.com"))
        .build());
    emulator.addTemplate(WA, EmulatorTemplate.builder("refund_offer").language("es").body("Reembolso")
        .button(EmulatorTemplate.Button.intent("Reembolsar", "REFUND"))
        .button(EmulatorTemplate.Button.intent("Estado", "ORDER_STATUS"))
        .build());
  }

  @Test
  void listsTemplatesAndReadsTheirButtonsIntentCodes(CamsEmulator emulator, CamsManagementClient cams) {
    addOrderTemplates(emulator);

    TemplatePage page = cams.listTemplates(ListChatappTemplateRequest.builder().custSpaceId(WA).page(1, 1).build());
    TemplateDetail detail = cams.getTemplateDetail(GetChatappTemplateDetailRequest.builder().custSpaceId(WA)
        .templateCode("tpl-order_update").language("en").build());

    assertThat(page.total()).isEqualTo(2);
    assertThat(page.hasNext()).isTrue();
    assertThat(page.templates().get(0).templateType()).isEqualTo("WHATSAPP");
    assertThat(detail.buttons()).extracting(b -> b.intentCode().orElse("-")).containsExactly("ORDER_STATUS", "-");
    assertThat(cams.streamTemplates(ListChatappTemplateRequest.builder().custSpaceId(WA).page(1, 1).build()))
        .hasSize(2);
  }

  @Test
  void coverageCheckReportsATemplateIntentWithoutAHandler(CamsEmulator emulator, CamsManagementClient cams) {
    addOrderTemplates(emulator);
    IntentRouter router = IntentRouter.builder().on("ORDER_STATUS", call -> Map.of("status", "shipped")).build();

    IntentCoverage coverage = IntentCoverage.check(cams, WA, router.intentCodes());

    assertThat(coverage.complete()).isFalse();
    assertThat(coverage.templateIntentCodes()).containsExactlyInAnyOrder("ORDER_STATUS", "REFUND");
    assertThat(coverage.unhandledIntentCodes()).containsExactly("REFUND");
    assertThat(coverage.summary()).contains("REFUND <- template tpl-refund_offer 'refund_offer' (es) button"
        + " 'Reembolsar'");
    assertThat(TemplateIntents.read(cams, WA).callsOf("ORDER_STATUS")).hasSize(2);
    assertThat(TemplateIntents.read(cams, WA).coverage(router.intentCodes(), true).complete()).isTrue();
  }

  @Test
  void unknownTemplateIsNotFound(CamsManagementClient cams) {
    assertThatThrownBy(() -> cams.getTemplateDetail(GetChatappTemplateDetailRequest.builder().custSpaceId(WA)
        .templateCode("tpl-none").language("en").build()))
        .isInstanceOfSatisfying(CamsApiException.class,
            e -> assertThat(e.kind()).isEqualTo(CamsApiException.Kind.NOT_FOUND));
  }

  @Test
  void accountWebhookStatusCallbackUrlIsWhereStatusReceiptsArePushed(CamsEmulator emulator, CamsManagementClient cams)
      throws Exception {
    HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    receiver.createContext("/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      byte[] reply = "{\"Code\":\"OK\"}".getBytes();
      exchange.sendResponseHeaders(200, reply.length);
      exchange.getResponseBody().write(reply);
      exchange.close();
    });
    receiver.start();
    try {
      URI statusUrl = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/cams/receipts/status");
      URI inboundUrl = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/cams/receipts/inbound");
      cams.updateAccountWebhook(UpdateAccountWebhookRequest.builder().custSpaceId(WA).httpCallbacks(true)
          .queueCallbacks(false).statusCallbackUrl(statusUrl.toString()).build());
      cams.updatePhoneWebhook(UpdatePhoneWebhookRequest.builder().custSpaceId(WA).phoneNumber("6580001234")
          .httpCallbacks(true).upCallbackUrl(inboundUrl.toString()).build());

      Delivery status = emulator.pushStatus(List.of(JsonObject.of(Map.of("MessageId", "m-1", "Status", "DELIVERED"))))
          .await(Duration.ofSeconds(5));
      Delivery inbound = emulator.pushInbound(List.of(JsonObject.of(Map.of("MessageId", "m-2"))))
          .await(Duration.ofSeconds(5));

      assertThat(status.url()).isEqualTo(statusUrl);
      assertThat(status.outcome()).isEqualTo(Delivery.Outcome.DELIVERED);
      assertThat(inbound.url()).isEqualTo(inboundUrl);
    } finally {
      receiver.stop(0);
    }
  }

  @Test
  void webhookFlagsMustBeYOrN(CamsEmulator emulator) throws Exception {
    RawManagementCalls.Reply reply = new RawManagementCalls(emulator.url()).call(emulator, "UpdateAccountWebhook",
        Map.of("CustSpaceId", WA, "HttpFlag", "yes"));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("InvalidParameter");
  }
}
