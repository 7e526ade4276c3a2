package io.camssdk.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.signature.Signer;
import io.camssdk.spring.autoconfigure.security.CamsSecurityAutoConfiguration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * An application with {@code spring-boot-starter-security} on its defaults (no chain of its own): the platform's
 * signed calls reach the endpoint, every other path stays behind Boot's default chain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {RejectionTableApp.TOKENS, "spring.main.web-application-type=servlet"})
class CamsSecurityDefaultsHttpTest {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    TestHandlers.OrderHandlers orderHandlers() {
      return new TestHandlers.OrderHandlers();
    }

    @Bean
    TestHandlers.ReceiptHandlers receiptHandlers() {
      return new TestHandlers.ReceiptHandlers();
    }

    /** An endpoint of the application's own, which Spring Security's defaults protect. */
    @Bean
    ServletRegistrationBean<HttpServlet> privateServlet() {
      return new ServletRegistrationBean<>(new HttpServlet() {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
          response.getWriter().write("private");
        }
      }, "/private", "/cams/private");
    }
  }

  @Value("${local.server.port}")
  int port;

  @Autowired
  ApplicationContext context;

  private HttpResponse<String> signedIntent(String requestId) throws Exception {
    byte[] body = TestHandlers.intentBody(requestId, "ORDER_STATUS", "{\"orderId\":\"S-1\"}");
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cams/intents"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
    Signer.of(TestHandlers.TOKEN).sign(requestId, body).asMap().forEach(request::header);
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void signedIntentCallsPassSpringSecurityDefaults() throws Exception {
    HttpResponse<String> response = signedIntent("sec-ok-1");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("{\"Code\":\"OK\"").contains("S-1");
    assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
    assertThat(response.headers().firstValue("Set-Cookie")).isEmpty(); // stateless: no session
  }

  @Test
  void receiptPushesPassSpringSecurityDefaultsWithoutACsrfToken() throws Exception {
    String push = "[{\"MessageId\":\"sec-m1\",\"Status\":\"Delivered\",\"Timestamp\":1732420000000}]";
    HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/cams/receipts/status"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(push)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("{\"Code\":\"OK\"");
  }

  @Test
  void unsignedCallsAreStillRejectedByTheEndpointInItsOwnFormat() throws Exception {
    HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/cams/intents"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).startsWith("{\"Code\":\"MissingSignature\"");
    assertThat(response.headers().firstValue("WWW-Authenticate")).isEmpty();
  }

  @Test
  void theApplicationsOtherEndpointsStayProtected() throws Exception {
    HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/private")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).doesNotContain("private");
    HttpResponse<String> nearCams = CLIENT.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/cams/private")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(nearCams.statusCode()).isEqualTo(401); // next to the CAMS paths, still the application's rules
  }

  @Test
  void theStarterChainComesBeforeBootsDefaultChain() {
    FilterChainProxy proxy = context.getBean(FilterChainProxy.class);
    SecurityFilterChain cams = context.getBean(CamsSecurityAutoConfiguration.SECURITY_FILTER_CHAIN_BEAN_NAME,
        SecurityFilterChain.class);
    assertThat(proxy.getFilterChains()).hasSizeGreaterThanOrEqualTo(2).first().isSameAs(cams);
  }
}
