/**
 * The management client: configures business systems, intents, SMS activation and OTP scheduling through the
 * platform's OpenAPI (ACS3-HMAC-SHA256 signed). Start with {@link io.camssdk.management.CamsManagementClient}.
 */
package io.camssdk.management;
