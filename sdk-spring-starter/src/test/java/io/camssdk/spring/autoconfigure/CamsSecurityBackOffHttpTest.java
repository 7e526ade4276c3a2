package io.camssdk.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.signature.Signer;
import io.camssdk.spring.autoconfigure.security.CamsSecurityAutoConfiguration;
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
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * An application with its own chain for {@code /cams/**}, named {@code camsSecurityFilterChain}: the starter's
 * chain is absent and the application's rules apply to the CAMS paths.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {RejectionTableApp.TOKENS, "spring.main.web-application-type=servlet"})
class CamsSecurityBackOffHttpTest {
  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean
    TestHandlers.OrderHandlers orderHandlers() {
      return new TestHandlers.OrderHandlers();
    }

    /** The application's own rules for the CAMS paths: HTTP Basic in front of the signature. */
    @Bean(CamsSecurityAutoConfiguration.SECURITY_FILTER_CHAIN_BEAN_NAME)
    @Order(1)
    SecurityFilterChain ownCamsRules(HttpSecurity http) throws Exception {
      return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/cams/**"))
          .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
          .httpBasic(Customizer.withDefaults())
          .csrf(csrf -> csrf.disable())
          .build();
    }
  }

  @Value("${local.server.port}")
  int port;

  @Autowired
  ConfigurableApplicationContext context;

  @Test
  void theStarterBacksOffForAnApplicationChainOfTheSameName() {
    assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsKey(
        CamsSecurityAutoConfiguration.SECURITY_FILTER_CHAIN_BEAN_NAME);
    String factory = context.getBeanFactory()
        .getBeanDefinition(CamsSecurityAutoConfiguration.SECURITY_FILTER_CHAIN_BEAN_NAME).getFactoryMethodName();
    assertThat(factory).isEqualTo("ownCamsRules");
  }

  @Test
  void theApplicationsRulesApplyToSignedCalls() throws Exception {
    byte[] body = TestHandlers.intentBody("backoff-1", "PING", "{}");
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cams/intents"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
    Signer.of(TestHandlers.TOKEN).sign("backoff-1", body).asMap().forEach(request::header);
    HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
        v -> assertThat(v).startsWith("Basic"));
  }
}
