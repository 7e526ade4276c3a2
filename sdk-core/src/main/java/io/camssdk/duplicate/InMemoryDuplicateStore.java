package io.camssdk.duplicate;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link DuplicateStore} in this process's memory: bounded by a number of entries and by each entry's
 * lease or retention, thread-safe, never growing without bound.
 *
 * <p>When more than {@code maxEntries} keys are held, the oldest are forgotten first, even before their
 * retention ends; a call repeated after that runs its handler again. Size the cap for the calls of one retention
 * window (24 h by default). It serves <em>one</em> instance only: behind a load balancer, use a shared store
 * (JDBC or Redis) so that a retry that lands on another instance is recognised.
 *
 * <pre>{@code
 * DuplicateStore store = InMemoryDuplicateStore.builder()
 *     .maxEntries(100_000)
 *     .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class InMemoryDuplicateStore implements DuplicateStore {
  /** The default cap: 100,000 keys, a few tens of MiB at most. */
  public static final int DEFAULT_MAX_ENTRIES = 100_000;

  private final int maxEntries;
  private final Clock clock;
  // Insertion order = age order, so the eldest entry is the first to expire or be evicted. Guarded by itself.
  private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
  private static final int PURGE_EVERY = 64;
  private int writesSincePurge; // guarded by entries

  private InMemoryDuplicateStore(Builder builder) {
    this.maxEntries = builder.maxEntries;
    this.clock = builder.clock;
  }

  /** A store with the default cap and the system clock. */
  public static InMemoryDuplicateStore create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public ClaimResult claim(String key, Duration lease) {
    Objects.requireNonNull(key, "key");
    long now = clock.millis();
    synchronized (entries) {
      Entry entry = entries.get(key);
      if (entry != null && entry.expiresAtMillis > now) {
        return entry.reply == null ? ClaimResult.inProgress() : ClaimResult.completed(entry.reply);
      }
      if (entry != null) {
        entries.remove(key);
      }
      entries.put(key, new Entry(null, now + lease.toMillis()));
      trim(now);
      return ClaimResult.acquired();
    }
  }

  @Override
  public void complete(String key, StoredReply reply, Duration retention) {
    Objects.requireNonNull(reply, "reply");
    long now = clock.millis();
    synchronized (entries) {
      entries.remove(key);
      entries.put(key, new Entry(reply, now + retention.toMillis()));
      trim(now);
    }
  }

  @Override
  public void release(String key) {
    synchronized (entries) {
      Entry entry = entries.get(key);
      if (entry != null && entry.reply == null) {
        entries.remove(key);
      }
    }
  }

  /** How many keys are held now, expired ones included until they are purged. */
  public int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  /** The configured cap. */
  public int maxEntries() {
    return maxEntries;
  }

  private void trim(long now) {
    // Expired entries are purged every PURGE_EVERY writes; the cap is enforced on every write.
    if (entries.size() <= maxEntries && ++writesSincePurge < PURGE_EVERY) {
      return;
    }
    writesSincePurge = 0;
    Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
    while (eldest.hasNext()) {
      Entry entry = eldest.next().getValue();
      if (entries.size() > maxEntries || entry.expiresAtMillis <= now) {
        eldest.remove();
      } else {
        break;
      }
    }
  }

  @Override
  public String toString() {
    return "InMemoryDuplicateStore{maxEntries=" + maxEntries + "}";
  }

  private record Entry(StoredReply reply, long expiresAtMillis) {}

  /** Configures an {@link InMemoryDuplicateStore}. */
  public static final class Builder {
    private int maxEntries = DEFAULT_MAX_ENTRIES;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The most keys held at once (default 100,000). */
    public Builder maxEntries(int maxEntries) {
      if (maxEntries < 1) {
        throw new IllegalArgumentException("maxEntries must be at least 1 but was " + maxEntries);
      }
      this.maxEntries = maxEntries;
      return this;
    }

    /** The clock that times leases and retention (default: the system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public InMemoryDuplicateStore build() {
      return new InMemoryDuplicateStore(this);
    }

  }
}
