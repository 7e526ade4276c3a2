/**
 * The end-to-end demo ({@link io.camssdk.samples.quickstart.QuickstartDemo}): the emulator and the Spring Boot
 * sample on loopback, driven through the management client.
 */
package io.camssdk.samples.quickstart;
