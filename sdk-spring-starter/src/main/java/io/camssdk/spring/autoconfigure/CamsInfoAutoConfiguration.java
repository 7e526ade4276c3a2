package io.camssdk.spring.autoconfigure;

import io.camssdk.duplicate.DuplicateStore;
import io.camssdk.signature.SignatureVerifier;
import io.camssdk.spring.CamsHandlerMethods;
import io.camssdk.spring.CamsProperties;
import io.camssdk.webhook.CamsEndpoint;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * An actuator {@link InfoContributor} under the key {@code cams}: paths, the number of active tokens and their
 * fingerprints (8 hex digits of SHA-256, safe to show), the scheme, the intent codes with handlers, and the
 * duplicate store's type. No token, secret or key id.
 *
 * @since 0.1
 */
@AutoConfiguration(after = CamsEndpointAutoConfiguration.class)
@ConditionalOnClass(InfoContributor.class)
@ConditionalOnBean(CamsEndpoint.class)
public final class CamsInfoAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(name = "camsInfoContributor")
  InfoContributor camsInfoContributor(ObjectProvider<CamsProperties> properties,
      ObjectProvider<SignatureVerifier> verifier, ObjectProvider<CamsHandlerMethods> handlers,
      ObjectProvider<DuplicateStore> store) {
    return builder -> {
      Map<String, Object> cams = new LinkedHashMap<>();
      CamsProperties p = properties.getIfAvailable();
      if (p != null) {
        cams.put("paths", Map.of("intents", p.paths().intents(), "status", p.paths().status(),
            "inbound", p.paths().inbound(), "audit", p.paths().audit()));
      }
      SignatureVerifier v = verifier.getIfUnique();
      if (v != null) {
        cams.put("tokens", v.tokenCount());
        cams.put("tokenFingerprints", v.tokenFingerprints());
        cams.put("scheme", v.scheme().name().toLowerCase(java.util.Locale.ROOT));
        cams.put("tolerance", v.tolerance().toString());
      }
      CamsHandlerMethods h = handlers.getIfUnique();
      if (h != null) {
        cams.put("intentCodes", h.intentCodes());
        cams.put("receiptHandlers", h.receiptTypes().stream().map(t -> t.wireName()).toList());
        cams.put("defaultIntentHandler", h.hasDefaultIntentHandler());
      }
      DuplicateStore s = store.getIfUnique();
      if (s != null) {
        cams.put("duplicateStore", s.getClass().getSimpleName());
      }
      builder.withDetail("cams", cams);
    };
  }
}
