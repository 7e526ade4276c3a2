package io.camssdk.spring.autoconfigure;

import io.camssdk.spring.CamsIntentHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.camssdk.spring.CamsIntentHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import java.util.Map;
import org.springframework.context.annotation.Bean;

/**
 * The application of the rejection-table and hostile-input tests: the handler methods of {@link TestHandlers} and a
 * meter registry, on whichever web stack the test starts, with Spring Security on its defaults on the class path.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class RejectionTableApp {
  static final String TOKENS = "cams.signature.tokens=" + TestHandlers.TOKEN + "," + TestHandlers.OLD_TOKEN;

  @Bean
  TestHandlers.OrderHandlers orderHandlers() {
    return new TestHandlers.OrderHandlers();
  }

  @Bean
  TestHandlers.ReceiptHandlers receiptHandlers() {
    return new TestHandlers.ReceiptHandlers();
  }

  @Bean
  ThreadReporter threadReporter() {
    return new ThreadReporter();
  }

  @Bean
  ThrowingHandlers throwingHandlers() {
    return new ThrowingHandlers();
  }

  @Bean
  MeterRegistry meterRegistry() {
    return new SimpleMeterRegistry();
  }

  /** Answers with the name of the thread its handler ran on. */
  static class ThreadReporter {
    @CamsIntentHandler("WHERE")
    Map<String, Object> where() {
      return Map.of("thread", Thread.currentThread().getName());
    }
  }

  /** Handlers that fail the way application code does; their messages must never reach the platform. */
  static class ThrowingHandlers {
    static final String SECRET = "jdbc:postgresql://db/prod?password=hunter2";

    @CamsIntentHandler("THROWS_RUNTIME")
    Object runtime() {
      throw new IllegalStateException(SECRET);
    }

    @CamsIntentHandler("THROWS_ASSERTION")
    Object assertion() {
      throw new AssertionError(SECRET);
    }
  }
}
