package io.camssdk.spring.autoconfigure;

import static io.camssdk.spring.autoconfigure.TestHandlers.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.camssdk.duplicate.DuplicateStore;
import io.camssdk.duplicate.JdbcDuplicateStore;
import io.camssdk.spring.CamsIntentHandler;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Two Spring Boot applications (two contexts, each on its own port with its own pool) sharing one embedded
 * PostgreSQL through {@code cams.duplicates.store=jdbc}: the same request id sent to both at once runs its
 * handler once, and both answer the identical reply.
 */
@Timeout(120)
class TwoContextsSharingPostgresTest {
  private static final int IDS = 20;
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {
    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(Environment environment) {
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(environment.getRequiredProperty("test.jdbc-url"));
      config.setUsername("postgres");
      config.setMaximumPoolSize(4);
      config.setConnectionTimeout(1_000);
      return new HikariDataSource(config);
    }

    @Bean
    Orders orders() {
      return new Orders();
    }
  }

  static class Orders {
    final AtomicInteger runs = new AtomicInteger();

    @CamsIntentHandler("PLACE_ORDER")
    Map<String, Object> place() throws InterruptedException {
      runs.incrementAndGet();
      Thread.sleep(100);
      return Map.of("orderId", UUID.randomUUID().toString());
    }
  }

  @Test
  void aRequestIdSentToBothApplicationsAtOnceRunsItsHandlerOnceAndBothAnswerTheSameReply() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setPort(freePort()).start();
        ConfigurableApplicationContext a = start(postgres);
        ConfigurableApplicationContext b = start(postgres)) {
      assertThat(a.getBean(DuplicateStore.class)).isInstanceOf(JdbcDuplicateStore.class);
      int portA = port(a);
      int portB = port(b);
      List<String> ids = new ArrayList<>();
      List<CompletableFuture<HttpResponse<String>>> toA = new ArrayList<>();
      List<CompletableFuture<HttpResponse<String>>> toB = new ArrayList<>();
      for (int i = 0; i < IDS; i++) {
        String id = "spring-pair-" + UUID.randomUUID();
        ids.add(id);
        toA.add(send(portA, id));
        toB.add(send(portB, id));
      }
      for (int i = 0; i < IDS; i++) {
        String replyA = answered(portA, ids.get(i), toA.get(i).get(30, TimeUnit.SECONDS));
        String replyB = answered(portB, ids.get(i), toB.get(i).get(30, TimeUnit.SECONDS));
        assertThat(replyA).as(ids.get(i)).isEqualTo(replyB).contains("\"orderId\"");
      }
      assertThat(a.getBean(Orders.class).runs.get() + b.getBean(Orders.class).runs.get()).isEqualTo(IDS);
    }
  }

  /** The reply's body, after the platform's retries of 409 InProgress (the other application was running it). */
  private String answered(int port, String id, HttpResponse<String> first) throws Exception {
    HttpResponse<String> response = first;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (response.statusCode() != 200 && System.nanoTime() < deadline) {
      assertThat(response.statusCode()).as(response.body()).isIn(409, 503);
      Thread.sleep(50);
      response = send(port, id).get(30, TimeUnit.SECONDS);
    }
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return response.body();
  }

  private CompletableFuture<HttpResponse<String>> send(int port, String id) {
    byte[] body = TestHandlers.intentBody(id, "PLACE_ORDER", "{}");
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/cams/intents"))
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    TestHandlers.signedHeaders(TOKEN, id, body).forEach(request::header);
    return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static ConfigurableApplicationContext start(EmbeddedPostgres postgres) {
    return new SpringApplicationBuilder(App.class).properties(
            "server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
            "test.jdbc-url=jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
            "cams.signature.tokens=" + TOKEN, "cams.duplicates.store=jdbc",
            "cams.duplicates.jdbc.create-table=true", "cams.duplicates.lease=10s")
        .run();
  }

  private static int port(ConfigurableApplicationContext context) {
    return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
