/**
 * Spring Boot support for CAMS: handler annotations for plain bean methods and the {@code cams.*} properties.
 * Add the starter, set {@code cams.signature.tokens}, and annotate methods:
 *
 * <pre>{@code
 * @Component
 * class Intents {
 *   @CamsIntentHandler("ORDER_STATUS")
 *   Map<String, Object> status(IntentCall call) { return Map.of("status", "shipped"); }
 * }
 * }</pre>
 *
 * <p>The auto-configuration lives in {@code io.camssdk.spring.autoconfigure}.
 */
package io.camssdk.spring;
