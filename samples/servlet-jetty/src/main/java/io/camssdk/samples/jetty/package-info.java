/**
 * A plain Java application on embedded Jetty 12 that serves CAMS intent calls and receipt pushes through
 * {@code cams-sdk-servlet}. {@link io.camssdk.samples.jetty.SampleServer} runs it; tests and tools start it in-process.
 */
package io.camssdk.samples.jetty;
