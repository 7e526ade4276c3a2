package io.camssdk.spring.autoconfigure;

import io.camssdk.receipt.ReceiptType;
import io.camssdk.spring.CamsProperties;
import io.camssdk.webhook.CamsEndpoint;
import io.camssdk.webhook.EndpointRequest;
import io.camssdk.webhook.EndpointResponse;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The kinds of call the endpoint serves ({@code intent} and one per receipt type), and who answers each. */
final class CamsEndpointKinds {
  static final String INTENT = "intent";

  /** Resolved once, so that a call does no string work to find its receipt type. */
  private static final Map<String, ReceiptType> RECEIPT_TYPES = Arrays.stream(ReceiptType.values())
      .collect(Collectors.toUnmodifiableMap(CamsEndpointKinds::of, type -> type));

  private CamsEndpointKinds() {}

  /** {@code status}, {@code inbound} or {@code audit}: the metrics tag of a receipt type. */
  static String of(ReceiptType type) {
    return type.name().toLowerCase(Locale.ROOT);
  }

  /** The kind each configured path serves, in the order intents, status, inbound, audit. */
  static Map<String, String> byPath(CamsProperties.Paths paths) {
    Map<String, String> kinds = new LinkedHashMap<>();
    kinds.put(paths.intents(), INTENT);
    kinds.put(paths.status(), of(ReceiptType.STATUS));
    kinds.put(paths.inbound(), of(ReceiptType.INBOUND));
    kinds.put(paths.audit(), of(ReceiptType.AUDIT));
    return Collections.unmodifiableMap(kinds);
  }

  static EndpointResponse handle(CamsEndpoint endpoint, String kind, EndpointRequest request) {
    if (INTENT.equals(kind)) {
      return endpoint.handleIntent(request);
    }
    return endpoint.handleReceipts(RECEIPT_TYPES.get(kind), request);
  }
}
