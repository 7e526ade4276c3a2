package io.camssdk.samples.quickstart;

import io.camssdk.intent.ChannelType;
import io.camssdk.json.JsonObject;
import io.camssdk.management.CamsApiException;
import io.camssdk.management.CamsManagementClient;
import io.camssdk.management.CreateBusinessSystemRequest;
import io.camssdk.management.CreateIntentRequest;
import io.camssdk.management.CreatedBusinessSystem;
import io.camssdk.management.Intent;
import io.camssdk.management.ModifyBusinessSystemRequest;
import io.camssdk.management.OtpScheduling;
import io.camssdk.management.ServiceSettings;
import io.camssdk.samples.springboot.SampleApplication;
import io.camssdk.testkit.CamsEmulator;
import io.camssdk.testkit.Delivery;
import io.camssdk.testkit.EmulatorChannel;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The end-to-end demo: a CAMS platform emulator and the Spring Boot sample business system on free loopback ports,
 * configured through the management client, then driven with intent calls (one failing once, to show the
 * platform's retry), a token rotation and receipt pushes. Prints a transcript; exits 0 when every step behaved as
 * expected, 1 with the reason otherwise.
 *
 * <pre>
 * ./mvnw -B -q -pl samples/quickstart -am -Pdemo package -DskipTests
 * </pre>
 */
public final class QuickstartDemo {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final PrintStream out;
  private final Duration backoffBase;
  private final long started = System.nanoTime();

  QuickstartDemo(PrintStream out, Duration backoffBase) {
    this.out = out;
    this.backoffBase = backoffBase;
  }

  public static void main(String[] args) {
    int code = new QuickstartDemo(System.out, CamsEmulator.PLATFORM_BACKOFF_BASE).run();
    System.exit(code);
  }

  /** Runs the demo; returns the process exit code. */
  int run() {
    try {
      demo();
      return 0;
    } catch (DemoFailure e) {
      out.println();
      out.println("DEMO FAILED: " + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      out.println();
      out.println("DEMO FAILED: " + e.getClass().getSimpleName() + ": " + e.getMessage());
      return 1;
    }
  }

  private void demo() {
    out.println("CAMS SDK quickstart: a platform emulator and a Spring Boot business system, on loopback");
    out.println();
    try (CamsEmulator emulator = CamsEmulator.builder().backoffBase(backoffBase).build().start()) {
      EmulatorChannel whatsapp = emulator.channel(ChannelType.WHATSAPP);
      EmulatorChannel viber = emulator.channel(ChannelType.VIBER);
      String space = whatsapp.custSpaceId();
      step("1", "emulator listening on " + emulator.url() + " (reply timeout 3 s, up to 6 attempts)");
      for (EmulatorChannel channel : emulator.channels()) {
        detail("channel " + channel.custSpaceId() + " (" + channel.channelType() + ")");
      }

      CamsManagementClient cams = emulator.managementClientBuilder().build();
      CreatedBusinessSystem system = cams.createBusinessSystem(CreateBusinessSystemRequest.builder()
          .custSpaceId(space).systemName("Quickstart shop").apiUrl("http://127.0.0.1:9/cams/intents")
          .remarks("created by the quickstart demo").build());
      String systemId = system.businessSystemId();
      step("2", "CreateBusinessSystem -> " + systemId + ", Signature token ..."
          + system.signature().substring(system.signature().length() - 4) + " (ACS3-HMAC-SHA256 signed call)");

      long bootStart = System.nanoTime();
      Map<String, String> properties = new LinkedHashMap<>();
      properties.put("cams.signature.tokens", system.signature());
      properties.put("spring.main.banner-mode", "off");
      properties.put("spring.main.log-startup-info", "false");
      properties.put("logging.level.root", "WARN");
      properties.put("logging.level.io.camssdk", "OFF");
      try (ConfigurableApplicationContext app = SampleApplication.start(properties)) {
        String base = "http://127.0.0.1:" + SampleApplication.port(app);
        step("3", "Spring Boot sample started on " + base + " in " + millis(bootStart) + " ms, with that token");
        cams.modifyBusinessSystem(ModifyBusinessSystemRequest.builder().custSpaceId(space).businessSystemId(systemId)
            .apiUrl(base + "/cams/intents").build());
        detail("ModifyBusinessSystem -> ApiUrl " + base + "/cams/intents");

        createIntent(cams, space, systemId, "ECHO", "Echo", Map.of("lang", "en"));
        createIntent(cams, space, systemId, "COUNT", "Count", Map.of());
        createIntent(cams, space, systemId, "FAIL_ONCE", "Fail once", Map.of());
        List<String> codes = cams.streamIntents(space, systemId).map(Intent::intentCode).toList();
        step("4", "CreateIntent x3, ListIntents -> " + codes);
        expect(codes.equals(List.of("ECHO", "COUNT", "FAIL_ONCE")), "ListIntents returned " + codes);

        cams.modifySmsActivation(space, true);
        cams.modifyOtpScheduling(space, new OtpScheduling(true, List.of("SG", "ID"), true));
        ServiceSettings settings = cams.getServiceSettings(space);
        step("5", "ModifySmsActivation + ModifyOtpScheduling on " + space + " -> SmsActivated="
            + settings.smsActivated() + ", OTP scheduling " + settings.otpScheduling().countries()
            + " with own numbers");
        expect(settings.smsActivated() && settings.otpScheduling().enabled(), "settings were not saved");
        try {
          cams.modifyOtpScheduling(viber.custSpaceId(), new OtpScheduling(true, List.of("SG"), false));
          throw new DemoFailure("OTP scheduling on a Viber channel was accepted");
        } catch (CamsApiException e) {
          expect(e.errorCode().equals("OtpScheduling.NotSupported"), "unexpected error " + e.getMessage());
          detail("ModifyOtpScheduling on " + viber.custSpaceId() + " (viber) -> refused: HTTP " + e.httpStatus()
              + " " + e.errorCode());
        }

        step("6", "intent calls, signed v1 with the business system's token");
        Delivery echo = await(emulator.triggerIntent(space, systemId, "ECHO",
            JsonObject.of(Map.of("orderId", "A-1001"))));
        JsonObject echoData = data(echo);
        detail("ECHO {\"orderId\":\"A-1001\"} -> " + attempts(echo) + ", Data " + echoData.toJson());
        expect(JsonObject.of(Map.of("lang", "en", "orderId", "A-1001")).equals(echoData),
            "ECHO should return the default data overlaid by the trigger's data");
        for (int n = 1; n <= 2; n++) {
          Delivery count = await(emulator.triggerIntent(space, systemId, "COUNT", JsonObject.empty()));
          detail("COUNT -> " + attempts(count) + ", Data " + data(count).toJson());
          expect(Long.valueOf(n).equals(data(count).get("count")), "COUNT should count " + n);
        }
        Delivery failOnce = await(emulator.triggerIntent(space, systemId, "FAIL_ONCE",
            JsonObject.of(Map.of("note", "retried"))));
        detail("FAIL_ONCE -> " + attempts(failOnce) + ": the handler threw once, the platform retried with the same"
            + " request id");
        expect(failOnce.attempts().size() == 2 && failOnce.attempts().get(0).status() == 500,
            "FAIL_ONCE should fail once and then succeed");

        String fresh = cams.refreshBusinessSystemSignature(space, systemId).signature();
        step("7", "RefreshBusinessSystemSignature -> new token ..." + fresh.substring(fresh.length() - 4)
            + "; during the 24 h grace period calls carry a v1 entry per token");
        Delivery afterRotation = await(emulator.triggerIntent(space, systemId, "ECHO", JsonObject.empty()));
        detail("ECHO -> " + attempts(afterRotation) + " (the app still holds only the old token)");

        step("8", "receipt pushes to the callback URLs");
        emulator.callbackUrl(Delivery.Kind.STATUS, URI.create(base + "/cams/receipts/status"), null);
        emulator.callbackUrl(Delivery.Kind.INBOUND, URI.create(base + "/cams/receipts/inbound"), null);
        emulator.callbackUrl(Delivery.Kind.AUDIT, URI.create(base + "/cams/receipts/audit"), null);
        long now = System.currentTimeMillis();
        Delivery status = await(emulator.pushStatus(List.of(JsonObject.of(Map.of("MessageId", "demo-msg-1",
            "Status", "Delivered", "From", "8613800000000", "To", "8613900000000", "Timestamp", now)))));
        detail("ChatAppStatus (Delivered) -> " + attempts(status));
        Delivery inbound = await(emulator.pushInbound(List.of(JsonObject.of(Map.of("MessageId", "demo-msg-2",
            "CustSpaceId", space, "From", "8613900000000", "To", "8613800000000", "Timestamp", now,
            "Type", "TEXT", "Message", "Hello from a customer")))));
        detail("ChatAppInbound (TEXT) -> " + attempts(inbound));
        Delivery audit = await(emulator.pushAudit(List.of(JsonObject.of(Map.of("WabaId", "demo-waba",
            "TemplateCode", "demo-template", "Language", "en", "AuditStatus", "pass")))));
        detail("ChatAppAudit (pass) -> " + attempts(audit));

        List<Delivery> log = emulator.awaitDeliveries(WAIT);
        long delivered = log.stream().filter(d -> d.outcome() == Delivery.Outcome.DELIVERED).count();
        out.println();
        out.println("Delivery log: " + log.size() + " deliveries, " + delivered + " delivered, "
            + log.stream().mapToInt(d -> d.attempts().size()).sum() + " attempts.");
        expect(delivered == log.size(), "not every delivery succeeded: " + log);
      }
    }
    out.println("Quickstart OK in " + millis(started) + " ms.");
  }

  private static void createIntent(CamsManagementClient cams, String space, String systemId, String code,
      String name, Map<String, Object> defaults) {
    cams.createIntent(CreateIntentRequest.builder().custSpaceId(space).businessSystemId(systemId).intentCode(code)
        .intentName(name).defaultIntentData(defaults).build());
  }

  private Delivery await(io.camssdk.testkit.Dispatch dispatch) {
    Delivery delivery = dispatch.await(WAIT);
    expect(delivery.outcome() == Delivery.Outcome.DELIVERED, delivery.summary());
    return delivery;
  }

  private static JsonObject data(Delivery delivery) {
    JsonObject reply = JsonObject.parse(delivery.lastAttempt().replyBody());
    JsonObject data = reply.getObject("Data");
    return data == null ? JsonObject.empty() : data;
  }

  private static String attempts(Delivery delivery) {
    StringBuilder text = new StringBuilder();
    for (Delivery.Attempt attempt : delivery.attempts()) {
      if (text.length() > 0) {
        text.append(", ");
      }
      text.append(attempt.summary());
    }
    return text.toString();
  }

  private void step(String number, String text) {
    out.println("[" + number + "] " + text);
  }

  private void detail(String text) {
    out.println("    " + text);
  }

  private static long millis(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
  }

  private static void expect(boolean condition, String failure) {
    if (!condition) {
      throw new DemoFailure(failure);
    }
  }

  private static final class DemoFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DemoFailure(String message) {
      super(message, null, false, false);
    }
  }
}
