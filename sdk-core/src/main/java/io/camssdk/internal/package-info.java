/**
 * Machinery shared by the SDK's own modules. Not an API: anything here may change in any release.
 */
package io.camssdk.internal;
