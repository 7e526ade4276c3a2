package io.camssdk.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.signature.Signer;
import io.camssdk.spring.autoconfigure.security.CamsReactiveSecurityAutoConfiguration;
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
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * A WebFlux application with {@code spring-boot-starter-security} on its defaults: signed calls reach the endpoint,
 * the application's own routes stay behind Spring Security's default chain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {RejectionTableApp.TOKENS, "spring.main.web-application-type=reactive"})
class CamsReactiveSecurityDefaultsHttpTest {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    TestHandlers.OrderHandlers orderHandlers() {
      return new TestHandlers.OrderHandlers();
    }

    @Bean
    RouterFunction<ServerResponse> privateRoutes() {
      return RouterFunctions.route().GET("/private", request -> ServerResponse.ok().bodyValue("private"))
          .POST("/cams/private", request -> ServerResponse.ok().bodyValue("private")).build();
    }
  }

  @Value("${local.server.port}")
  int port;

  @Autowired
  ApplicationContext context;

  @Test
  void signedIntentCallsPassSpringSecurityDefaultsOnWebFlux() throws Exception {
    byte[] body = TestHandlers.intentBody("rsec-1", "ORDER_STATUS", "{\"orderId\":\"R-1\"}");
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cams/intents"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
    Signer.of(TestHandlers.TOKEN).sign("rsec-1", body).asMap().forEach(request::header);
    HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).startsWith("{\"Code\":\"OK\"").contains("R-1");
    assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
  }

  @Test
  void theApplicationsOtherRoutesStayProtected() throws Exception {
    HttpResponse<String> get = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/private"))
        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(401);
    assertThat(get.body()).doesNotContain("private");
    HttpResponse<String> post = CLIENT.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/cams/private"))
        .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isIn(401, 403);
    assertThat(post.body()).doesNotContain("private");
  }

  @Test
  void springSecuritysDefaultChainIsKeptBesideTheStarters() {
    assertThat(context.containsBean(CamsReactiveSecurityAutoConfiguration.SECURITY_WEB_FILTER_CHAIN_BEAN_NAME))
        .isTrue();
    assertThat(context.containsBean(CamsReactiveSecurityAutoConfiguration.DEFAULT_CHAIN_BEAN_NAME)).isTrue();
  }
}
