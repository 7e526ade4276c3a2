package io.camssdk.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.signature.Signer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * An application with its own chain for {@code /cams/**}, under any bean name: the starter's chain steps aside, and
 * the application's rules decide the CAMS paths, while its catch-all rules keep the rest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {RejectionTableApp.TOKENS, "spring.main.web-application-type=servlet"})
class CamsSecurityAppChainHttpTest {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    TestHandlers.OrderHandlers orderHandlers() {
      return new TestHandlers.OrderHandlers();
    }

    /** The application's rules for the CAMS paths: HTTP Basic in front of the signature. */
    @Bean
    @Order(1)
    SecurityFilterChain partnerGateway(HttpSecurity http) throws Exception {
      return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/cams/**"))
          .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
          .httpBasic(Customizer.withDefaults())
          .csrf(csrf -> csrf.disable())
          .build();
    }

    /** Everything else: open (so that a 401 on the CAMS paths can only come from the chain above). */
    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
      return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
    }
  }

  @Value("${local.server.port}")
  int port;

  @Test
  void anApplicationChainForTheCamsPathsMakesTheStartersChainStepAside() throws Exception {
    byte[] body = TestHandlers.intentBody("app-chain-1", "PING", "{}");
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cams/intents"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
    Signer.of(TestHandlers.TOKEN).sign("app-chain-1", body).asMap().forEach(request::header);
    HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        v -> assertThat(v).startsWith("Basic"));
  }

  @Test
  void pathsOutsideCamsFollowTheApplicationsOtherChain() throws Exception {
    HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port + "/not-cams")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(404); // permitted, and nothing is served there
  }
}
