/**
 * Duplicate handling: the {@link io.camssdk.duplicate.DuplicateStore} SPI, its in-memory implementation for one
 * instance, and {@link io.camssdk.duplicate.JdbcDuplicateStore} for several instances sharing a database (the
 * Redis store is in the {@code cams-sdk-redis} module). See {@code docs/running-more-than-one-instance.md}.
 */
package io.camssdk.duplicate;
