package io.camssdk.spring.autoconfigure;

import io.camssdk.webhook.CamsEndpoint;
import io.camssdk.webhook.EndpointRequest;
import io.camssdk.webhook.EndpointResponse;

/** The kinds of call the servlet serves, and which endpoint method answers each. */
final class CamsEndpointKinds {
  static final String INTENT = "intent";

  private CamsEndpointKinds() {}

  static EndpointResponse handle(CamsEndpoint endpoint, String kind, EndpointRequest request) {
    return endpoint.handleIntent(request);
  }
}
