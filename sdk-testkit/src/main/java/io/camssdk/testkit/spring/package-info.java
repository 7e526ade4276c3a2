/**
 * Spring test support: {@link io.camssdk.testkit.spring.AutoConfigureCamsEmulator} starts the emulator before a
 * Spring test's application context and hands it the business system's token and the management endpoint.
 */
package io.camssdk.testkit.spring;
