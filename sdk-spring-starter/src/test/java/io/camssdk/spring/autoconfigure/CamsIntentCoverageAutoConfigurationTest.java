package io.camssdk.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.camssdk.spring.CamsConfigurationException;
import io.camssdk.spring.CamsHandlerMethods;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The opt-in start-up check of template intents against handler methods, with the management client calling a
 * platform stand-in on loopback that answers ListChatappTemplate and GetChatappTemplateDetail.
 */
class CamsIntentCoverageAutoConfigurationTest {
  private HttpServer platform;
  private final List<String> actions = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    platform = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    platform.createContext("/", exchange -> {
      String action = exchange.getRequestHeaders().getFirst("x-acs-action");
      actions.add(action);
      String body = switch (action) {
        case "ListChatappTemplate" -> "{\"RequestId\":\"r1\",\"Code\":\"OK\",\"Success\":true,\"Total\":1,"
            + "\"ListTemplate\":[{\"TemplateCode\":\"t-1\",\"TemplateName\":\"order_update\",\"Language\":\"en\"}]}";
        case "GetChatappTemplateDetail" -> "{\"RequestId\":\"r2\",\"Code\":\"OK\",\"Data\":{\"TemplateCode\":\"t-1\","
            + "\"Name\":\"order_update\",\"Language\":\"en\",\"Components\":[{\"Type\":\"BUTTONS\",\"Buttons\":["
            + "{\"Type\":\"QUICK_REPLY\",\"Text\":\"Status\",\"ExtendAttrs\":{\"IntentCode\":\"ORDER_STATUS\"}},"
            + "{\"Type\":\"QUICK_REPLY\",\"Text\":\"Refund\",\"ExtendAttrs\":{\"IntentCode\":\"REFUND\"}}]}]}}";
        default -> "{\"RequestId\":\"r3\",\"Code\":\"InvalidAction.NotFound\",\"Message\":\"no\"}";
      };
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(body.contains("\"OK\"") ? 200 : 404, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    platform.start();
  }

  @AfterEach
  void stop() {
    platform.stop(0);
  }

  @Configuration(proxyBeanMethods = false)
  static class Handlers {
    @Bean
    TestHandlers.OrderHandlers orderHandlers() {
      return new TestHandlers.OrderHandlers();
    }

    @Bean
    CamsHandlerMethods camsHandlerMethods(ConfigurableListableBeanFactory beanFactory) {
      return CamsHandlerMethods.scan(beanFactory);
    }
  }

  private ApplicationContextRunner runner() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(CamsManagementAutoConfiguration.class,
            CamsIntentCoverageAutoConfiguration.class))
        .withUserConfiguration(Handlers.class)
        .withPropertyValues("cams.management.access-key-id=LTAI-test",
            "cams.management.access-key-secret=secret-value-123",
            "cams.management.endpoint=http://127.0.0.1:" + platform.getAddress().getPort() + "/",
            "cams.intent-coverage.cust-space-id=cams-1");
  }

  @Test
  void failModeStopsStartUpNamingTheTemplateIntentWithoutAHandler() {
    runner().withPropertyValues("cams.intent-coverage.mode=fail").run(context -> {
      assertThat(context).hasFailed();
      Throwable failure = context.getStartupFailure();
      while (failure != null && !(failure instanceof CamsConfigurationException)) {
        failure = failure.getCause();
      }
      assertThat(failure).isInstanceOf(CamsConfigurationException.class);
      assertThat(failure.getMessage()).contains("REFUND <- template t-1 'order_update' (en) button 'Refund'")
          .doesNotContain("ORDER_STATUS <-").doesNotContain("secret-value-123");
    });
  }

  @Test
  void warnModeStartsAndHasReadTheTemplates() {
    runner().withPropertyValues("cams.intent-coverage.mode=warn").run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(actions).containsExactly("ListChatappTemplate", "GetChatappTemplateDetail");
    });
  }

  @Test
  void offByDefaultMakesNoManagementCall() {
    runner().run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(actions).isEmpty();
    });
  }

  @Test
  void aModeWithoutAChannelIsAConfigurationError() {
    runner().withPropertyValues("cams.intent-coverage.mode=fail", "cams.intent-coverage.cust-space-id=")
        .run(context -> assertThat(context).hasFailed());
  }
}
