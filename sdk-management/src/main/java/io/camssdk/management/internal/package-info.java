/**
 * Machinery of the management client (request signing, version). Not an API: anything here may change in any
 * release.
 */
package io.camssdk.management.internal;
