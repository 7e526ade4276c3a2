/**
 * The transport-free entry point, {@link io.camssdk.webhook.CamsEndpoint}: HTTP adapters hand it an
 * {@link io.camssdk.webhook.EndpointRequest} and write back its {@link io.camssdk.webhook.EndpointResponse}.
 */
package io.camssdk.webhook;
