/**
 * Duplicate handling: the {@link io.camssdk.duplicate.DuplicateStore} SPI and its in-memory implementation.
 */
package io.camssdk.duplicate;
