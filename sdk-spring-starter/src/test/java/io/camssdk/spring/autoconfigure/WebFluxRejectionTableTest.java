package io.camssdk.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The rejection table on the reactive stack (WebFlux on Netty), plus what only that stack enforces itself. */
@SpringBootTest(classes = RejectionTableApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {RejectionTableApp.TOKENS, AbstractRejectionTableTest.BODY_LIMIT,
        "spring.main.web-application-type=reactive", "cams.read-deadline=1s"})
class WebFluxRejectionTableTest extends AbstractRejectionTableTest {

  @Override
  String stack() {
    return "webflux";
  }

  @Test
  void answers408WhenTheBodyDoesNotArriveWithinTheReadTimeout() throws Exception {
    String head = RawHttp.head("POST", "/cams/intents", port, "Content-Type: application/json",
        "Content-Length: 200");
    long started = System.nanoTime();
    RawHttp.Reply reply = RawHttp.exchange(port, false, 5000, RawHttp.chunk(head + "{\"RequestId\":", 3000));
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertThat(reply.status()).as(reply.headers()).isEqualTo(408);
    assertThat(reply.header("Content-Type")).startsWith("application/json");
    assertThat(reply.body()).startsWith("{\"Code\":\"RequestTimeout\"").doesNotContain("RequestId\":");
    assertThat(millis).isLessThan(4000);
  }

  @Test
  void runsHandlersOffTheEventLoop() throws Exception {
    var response = intent("webflux-thread-1", "WHERE", "{}");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("\"thread\":\"boundedElastic").doesNotContain("reactor-http");
  }

  @Test
  void readsAtMostTheLimitPlusOneByteOfAnEndlessBody() throws Exception {
    byte[] body = "{\"pad\":\"".concat("x".repeat(1 << 20)).getBytes(StandardCharsets.UTF_8);
    String head = RawHttp.head("POST", "/cams/intents", port, "Content-Type: application/json",
        "Transfer-Encoding: chunked");
    String chunkHead = Integer.toHexString(body.length) + "\r\n";
    RawHttp.Reply reply = RawHttp.exchange(port, false, 5000, RawHttp.chunk(head + chunkHead, 0),
        RawHttp.chunk(body, 0));
    assertThat(reply.status()).isEqualTo(413);
    assertThat(reply.body()).startsWith("{\"Code\":\"PayloadTooLarge\"").doesNotContain("xxxx");
  }
}
