package io.camssdk.spring.autoconfigure;

import org.springframework.boot.test.context.SpringBootTest;

/** The rejection table on the servlet stack (Tomcat), with Spring Security on its defaults on the class path. */
@SpringBootTest(classes = RejectionTableApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {RejectionTableApp.TOKENS, AbstractRejectionTableTest.BODY_LIMIT,
        "spring.main.web-application-type=servlet"})
class ServletRejectionTableTest extends AbstractRejectionTableTest {

  @Override
  String stack() {
    return "servlet";
  }
}
