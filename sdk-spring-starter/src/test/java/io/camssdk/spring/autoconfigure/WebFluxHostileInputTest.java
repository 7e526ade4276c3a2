package io.camssdk.spring.autoconfigure;

import org.springframework.boot.test.context.SpringBootTest;

/** Hostile input against the reactive stack (WebFlux on Netty). */
@SpringBootTest(classes = RejectionTableApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {RejectionTableApp.TOKENS, AbstractRejectionTableTest.BODY_LIMIT,
        AbstractHostileInputTest.MAX_ENTRIES, "spring.main.web-application-type=reactive",
        "cams.read-deadline=2s"})
class WebFluxHostileInputTest extends AbstractHostileInputTest {

  @Override
  String stack() {
    return "webflux";
  }
}
