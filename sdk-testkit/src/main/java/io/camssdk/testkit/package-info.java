/**
 * A local CAMS platform for tests and development: {@link io.camssdk.testkit.CamsEmulator} (management API, intent
 * calls and receipt pushes with the platform's retry policy, a delivery log), its command line
 * ({@link io.camssdk.testkit.EmulatorCli}) and a JUnit 5 extension ({@link io.camssdk.testkit.CamsEmulatorTest}).
 */
package io.camssdk.testkit;
