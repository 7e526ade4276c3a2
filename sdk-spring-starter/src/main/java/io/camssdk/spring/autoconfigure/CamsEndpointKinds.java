package io.camssdk.spring.autoconfigure;

import io.camssdk.receipt.ReceiptType;
import io.camssdk.webhook.CamsEndpoint;
import io.camssdk.webhook.EndpointRequest;
import io.camssdk.webhook.EndpointResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The kinds of call the servlet serves ({@code intent} and one per receipt type), and who answers each. */
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

  static EndpointResponse handle(CamsEndpoint endpoint, String kind, EndpointRequest request) {
    if (INTENT.equals(kind)) {
      return endpoint.handleIntent(request);
    }
    return endpoint.handleReceipts(RECEIPT_TYPES.get(kind), request);
  }
}
