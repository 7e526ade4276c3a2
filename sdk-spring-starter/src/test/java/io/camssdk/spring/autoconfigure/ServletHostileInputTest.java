package io.camssdk.spring.autoconfigure;

import org.springframework.boot.test.context.SpringBootTest;

/** Hostile input against the servlet stack (Tomcat, with Spring Security's defaults on the class path). */
@SpringBootTest(classes = RejectionTableApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {RejectionTableApp.TOKENS, AbstractRejectionTableTest.BODY_LIMIT,
        AbstractHostileInputTest.MAX_ENTRIES, "spring.main.web-application-type=servlet"})
class ServletHostileInputTest extends AbstractHostileInputTest {

  @Override
  String stack() {
    return "servlet";
  }
}
