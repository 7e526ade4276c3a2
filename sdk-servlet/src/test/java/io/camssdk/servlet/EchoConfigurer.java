package io.camssdk.servlet;

import io.camssdk.webhook.CamsEndpoint;
import jakarta.servlet.ServletContext;
import java.util.Map;

/** Named in init parameters, as a web.xml application would: registers {@code ECHO} and an audit receipt handler. */
public final class EchoConfigurer implements CamsServletConfigurer {
  @Override
  public void configure(CamsEndpoint.Builder endpoint, ServletContext context) {
    endpoint.onIntent("ECHO", call -> Map.of("echo", call.intentData().asMap(), "via", "init-parameters"));
    endpoint.onAudit(receipts -> {});
  }
}
