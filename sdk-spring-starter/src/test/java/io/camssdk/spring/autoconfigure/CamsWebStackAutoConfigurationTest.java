package io.camssdk.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.camssdk.spring.CamsConfigurationException;
import jakarta.servlet.http.HttpServlet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.web.reactive.function.server.RouterFunction;

class CamsWebStackAutoConfigurationTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(CamsWebStackAutoConfiguration.class))
      .withBean(TestHandlers.OrderHandlers.class);
  private final FilteredClassLoader noWebStack = new FilteredClassLoader(HttpServlet.class, RouterFunction.class);

  @Test
  void handlerMethodsWithoutAWebStackFailTheStartSayingWhy() {
    runner.withClassLoader(noWebStack).run(context -> {
      assertThat(context).hasFailed();
      Throwable failure = context.getStartupFailure();
      while (failure != null && !(failure instanceof CamsConfigurationException)) {
        failure = failure.getCause();
      }
      assertThat(failure).isInstanceOf(CamsConfigurationException.class);
      FailureAnalysis analysis = new CamsConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
      assertThat(analysis.getDescription()).contains("handler methods", "neither a servlet nor a reactive web stack");
      assertThat(analysis.getAction()).contains("spring-boot-starter-webflux", "cams.endpoint.enabled=false");
    });
  }

  @Test
  void startsWhenEitherWebStackIsPresent() {
    runner.run(context -> assertThat(context).hasNotFailed());
    runner.withClassLoader(new FilteredClassLoader(HttpServlet.class))
        .run(context -> assertThat(context).hasNotFailed());
    runner.withClassLoader(new FilteredClassLoader(RouterFunction.class))
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void startsWithoutAWebStackWhenTheEndpointIsDisabledOrNoHandlersAreDeclared() {
    runner.withClassLoader(noWebStack).withPropertyValues("cams.endpoint.enabled=false")
        .run(context -> assertThat(context).hasNotFailed());
    new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CamsWebStackAutoConfiguration.class))
        .withClassLoader(noWebStack).run(context -> assertThat(context).hasNotFailed());
  }
}
