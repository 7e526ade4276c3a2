/**
 * The CAMS SDK core: {@link io.camssdk.webhook.CamsEndpoint} verifies, parses and routes platform calls without
 * knowing any HTTP framework; the management client, in the {@code cams-sdk-management} module, configures business systems.
 */
package io.camssdk;
