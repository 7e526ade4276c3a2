package io.camssdk.servlet;

import io.camssdk.webhook.CamsEndpoint;
import jakarta.servlet.ServletContext;
import java.util.Map;

/** Named in init parameters, as a web.xml application would: registers {@code ECHO}. */
public final class EchoConfigurer implements CamsServletConfigurer {
  @Override
  public void configure(CamsEndpoint.Builder endpoint, ServletContext context) {
    endpoint.onIntent("ECHO", call -> Map.of("echo", call.intentData(), "via", "init-parameters"));
  }
}
