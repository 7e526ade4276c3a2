package io.camssdk.benchmarks.core;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A duplicate store's clock for benchmarks that cycle through more calls than the store holds: each reading is one
 * second later, so a key leaves the store's eviction floor (which protects ids inside the replay window) after a
 * few hundred calls and every call is new to the store when it comes round again. Not thread-safe: one per
 * benchmark thread.
 */
final class AdvancingClock extends Clock {
  private long millis;

  AdvancingClock(Instant start) {
    this.millis = start.toEpochMilli();
  }

  @Override
  public long millis() {
    return millis += 1_000;
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }
}
