/**
 * The CAMS SDK core: {@link io.camssdk.webhook.CamsEndpoint} verifies, parses and routes platform calls without
 * knowing any HTTP framework; {@link io.camssdk.management.CamsManagementClient} configures business systems.
 */
package io.camssdk;
