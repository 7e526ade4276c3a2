package io.camssdk.spring.autoconfigure;

import io.camssdk.webhook.EndpointResponse;

/** Told about every reply the endpoint servlet wrote; metrics use it. Must not throw. */
@FunctionalInterface
interface CamsCallListener {

  /**
   * @param kind {@code intent}, {@code status}, {@code inbound} or {@code audit}
   * @param response the reply written
   */
  void onCall(String kind, EndpointResponse response);
}
