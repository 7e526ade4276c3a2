package io.camssdk.spring.readme;

import io.camssdk.spring.CamsHandlerConfigurer;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

// The starter README's "handlers in code" example, compiled as shown (package aside).
@Configuration(proxyBeanMethods = false)
class LegacyHandlers {

  @Bean
  CamsHandlerConfigurer legacyIntents() {
    return handlers -> handlers
        .intent("LEGACY_ORDER", call -> Map.of("orderId", call.intentData().getString("orderId")))
        .audit(receipts -> receipts.forEach(receipt -> System.out.println(receipt.dedupKey())));
  }
}
