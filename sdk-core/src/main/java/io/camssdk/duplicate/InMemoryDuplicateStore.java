package io.camssdk.duplicate;

import io.camssdk.CamsConfigurationException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Objects;

/**
 * A {@link DuplicateStore} in this process's memory: bounded by a number of entries and by each entry's
 * lease or retention, thread-safe, never growing without bound.
 *
 * <p>When {@code maxEntries} keys are held, making room forgets the oldest keys first, even before their
 * retention ends, but never a key written less than the {@linkplain Builder#evictionFloor eviction floor} ago
 * (10 minutes by default: twice the default signature tolerance, the whole time a captured call can be replayed).
 * If every key is younger than that, a claim of a new key fails with {@link DuplicateStoreException}, which an
 * endpoint answers {@code 503 StoreUnavailable}: the store refuses work rather than forget a call that could
 * still be replayed. Size the cap for the calls of one retention window (24 h by default). It serves <em>one</em>
 * instance only: behind a load balancer, use a shared store (JDBC or Redis) so that a retry that lands on another
 * instance is recognised.
 *
 * <pre>{@code
 * DuplicateStore store = InMemoryDuplicateStore.builder()
 *     .maxEntries(100_000)
 *     .evictionFloor(Duration.ofMinutes(10))
 *     .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class InMemoryDuplicateStore implements DuplicateStore {
  /** The default cap: 100,000 keys, a few tens of MiB at most. */
  public static final int DEFAULT_MAX_ENTRIES = 100_000;
  /** The default eviction floor: 10 minutes, twice the default signature tolerance. */
  public static final Duration DEFAULT_EVICTION_FLOOR = Duration.ofMinutes(10);

  private final int maxEntries;
  private final Duration evictionFloor;
  private final long evictionFloorMillis;
  private final Clock clock;
  // Entries by key, and linked in write order (eldest first), so the eldest entry is the first to expire or be
  // evicted. A completed claim keeps its entry and moves it to the end: nothing is allocated to complete. Guarded by
  // entries.
  private final HashMap<String, Entry> entries = new HashMap<>();
  private Entry eldest; // guarded by entries
  private Entry youngest; // guarded by entries
  private static final int PURGE_EVERY = 64;
  private int writesSincePurge; // guarded by entries

  private InMemoryDuplicateStore(Builder builder) {
    this.maxEntries = builder.maxEntries;
    this.evictionFloor = builder.evictionFloor;
    this.evictionFloorMillis = builder.evictionFloor.toMillis();
    this.clock = builder.clock;
  }

  /** A builder holding this store's settings (not its keys), to build a sibling store. */
  public Builder newBuilder() {
    return new Builder().maxEntries(maxEntries).evictionFloor(evictionFloor).clock(clock);
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
        remove(entry);
      } else if (!makeRoom(now)) {
        throw new DuplicateStoreException("the in-memory duplicate store is full: its " + maxEntries
            + " keys are all younger than the eviction floor of " + evictionFloor + "; raise maxEntries");
      }
      append(new Entry(key, null, now, now + lease.toMillis()));
      purgeNow(now);
      return ClaimResult.acquired();
    }
  }

  @Override
  public void complete(String key, StoredReply reply, Duration retention) {
    Objects.requireNonNull(reply, "reply");
    long now = clock.millis();
    synchronized (entries) {
      Entry entry = entries.get(key);
      if (entry == null) {
        makeRoom(now); // the claim was forgotten meanwhile; the reply is kept even if no room can be made
        append(new Entry(key, reply, now, now + retention.toMillis()));
      } else {
        long expiresAtMillis = now + retention.toMillis();
        unlink(entry); // rewritten: it becomes the youngest
        entry.reply = reply;
        entry.writtenAtMillis = now;
        entry.expiresAtMillis = expiresAtMillis;
        link(entry);
      }
      purgeNow(now);
    }
  }

  @Override
  public void release(String key) {
    synchronized (entries) {
      Entry entry = entries.get(key);
      if (entry != null && entry.reply == null) {
        remove(entry);
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

  /** The eviction floor: no key younger than this is forgotten to make room. */
  public Duration evictionFloor() {
    return evictionFloor;
  }

  /**
   * Forgets eldest keys that are expired or older than the floor until a new key fits; whether it fits. Keys are
   * held in write order, so when the eldest is protected, every other key is too.
   */
  private boolean makeRoom(long now) {
    while (entries.size() >= maxEntries && eldest != null) {
      Entry entry = eldest;
      if (entry.expiresAtMillis <= now || now - entry.writtenAtMillis >= evictionFloorMillis) {
        remove(entry);
      } else {
        return false;
      }
    }
    return entries.size() < maxEntries;
  }

  private void purgeNow(long now) {
    // Expired entries are purged every PURGE_EVERY writes, from the eldest on.
    if (++writesSincePurge < PURGE_EVERY) {
      return;
    }
    writesSincePurge = 0;
    while (eldest != null && eldest.expiresAtMillis <= now) {
      remove(eldest);
    }
  }

  private void append(Entry entry) {
    entries.put(entry.key, entry);
    link(entry);
  }

  private void remove(Entry entry) {
    entries.remove(entry.key);
    unlink(entry);
  }

  /** Links {@code entry} as the youngest. */
  private void link(Entry entry) {
    entry.older = youngest;
    entry.younger = null;
    if (youngest == null) {
      eldest = entry;
    } else {
      youngest.younger = entry;
    }
    youngest = entry;
  }

  private void unlink(Entry entry) {
    if (entry.older == null) {
      eldest = entry.younger;
    } else {
      entry.older.younger = entry.younger;
    }
    if (entry.younger == null) {
      youngest = entry.older;
    } else {
      entry.younger.older = entry.older;
    }
    entry.older = null;
    entry.younger = null;
  }

  @Override
  public String toString() {
    return "InMemoryDuplicateStore{maxEntries=" + maxEntries + ", evictionFloor=" + evictionFloor + "}";
  }

  /** One key's state, linked in write order; only touched while holding {@code entries}. */
  private static final class Entry {
    final String key;
    StoredReply reply; // null while claimed
    long writtenAtMillis;
    long expiresAtMillis;
    Entry older;
    Entry younger;

    Entry(String key, StoredReply reply, long writtenAtMillis, long expiresAtMillis) {
      this.key = key;
      this.reply = reply;
      this.writtenAtMillis = writtenAtMillis;
      this.expiresAtMillis = expiresAtMillis;
    }
  }

  /** Configures an {@link InMemoryDuplicateStore}. */
  public static final class Builder {
    private int maxEntries = DEFAULT_MAX_ENTRIES;
    private Duration evictionFloor = DEFAULT_EVICTION_FLOOR;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The most keys held at once (default 100,000). */
    public Builder maxEntries(int maxEntries) {
      if (maxEntries < 1) {
        throw new CamsConfigurationException("maxEntries", "must be at least 1",
            "size it for the calls of one retention window (default " + DEFAULT_MAX_ENTRIES + ")");
      }
      this.maxEntries = maxEntries;
      return this;
    }

    /**
     * How long a key is protected from being forgotten to make room (default 10 minutes). An endpoint requires
     * at least twice its signature tolerance for request ids; {@link Duration#ZERO} lets a full store forget its
     * oldest keys at once, as suits receipt de-duplication.
     */
    public Builder evictionFloor(Duration evictionFloor) {
      Objects.requireNonNull(evictionFloor, "evictionFloor");
      if (evictionFloor.isNegative()) {
        throw new CamsConfigurationException("evictionFloor", "must not be negative",
            "set it to at least twice the signature tolerance (default 10 minutes), or zero for receipts only");
      }
      this.evictionFloor = evictionFloor;
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
