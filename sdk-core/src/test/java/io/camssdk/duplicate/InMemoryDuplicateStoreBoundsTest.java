package io.camssdk.duplicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryDuplicateStoreBoundsTest {
  static final StoredReply REPLY = new StoredReply(200, "{}".getBytes());

  @Test
  void neverHoldsMoreThanMaxEntries() {
    InMemoryDuplicateStore store = InMemoryDuplicateStore.builder().maxEntries(100).evictionFloor(Duration.ZERO)
        .build();
    for (int i = 0; i < 10_000; i++) {
      store.claim("k" + i, Duration.ofMinutes(1));
      if (i % 2 == 0) {
        store.complete("k" + i, REPLY, Duration.ofHours(24));
      }
      assertThat(store.size()).isLessThanOrEqualTo(100);
    }
  }

  @Test
  void forgetsOldestKeysFirstWhenFullWithoutAnEvictionFloor() {
    InMemoryDuplicateStore store = InMemoryDuplicateStore.builder().maxEntries(3).evictionFloor(Duration.ZERO)
        .build();
    for (String key : new String[] {"a", "b", "c", "d"}) {
      store.claim(key, Duration.ofMinutes(1));
      store.complete(key, REPLY, Duration.ofHours(1));
    }
    assertThat(store.claim("a", Duration.ofMinutes(1))).isEqualTo(ClaimResult.acquired());
    assertThat(store.claim("d", Duration.ofMinutes(1))).isInstanceOf(ClaimResult.Completed.class);
  }

  @Test
  void refusesANewKeyRatherThanForgetAKeyYoungerThanTheEvictionFloor() {
    MutableClock clock = new MutableClock(Instant.ofEpochMilli(1_732_420_000_000L));
    InMemoryDuplicateStore store = InMemoryDuplicateStore.builder().maxEntries(3)
        .evictionFloor(Duration.ofMinutes(10)).clock(clock).build();
    for (String key : new String[] {"a", "b", "c"}) {
      store.claim(key, Duration.ofMinutes(1));
      store.complete(key, REPLY, Duration.ofHours(24));
    }
    clock.advance(Duration.ofMinutes(9));
    assertThatThrownBy(() -> store.claim("d", Duration.ofMinutes(1)))
        .isInstanceOf(DuplicateStoreException.class).hasMessageContaining("full");
    for (String key : new String[] {"a", "b", "c"}) {
      assertThat(store.claim(key, Duration.ofMinutes(1))).isEqualTo(ClaimResult.completed(REPLY));
    }
  }

  @Test
  void forgetsKeysOlderThanTheEvictionFloorToMakeRoom() {
    MutableClock clock = new MutableClock(Instant.ofEpochMilli(1_732_420_000_000L));
    InMemoryDuplicateStore store = InMemoryDuplicateStore.builder().maxEntries(2)
        .evictionFloor(Duration.ofMinutes(10)).clock(clock).build();
    store.claim("a", Duration.ofMinutes(1));
    store.complete("a", REPLY, Duration.ofHours(24));
    clock.advance(Duration.ofMinutes(5));
    store.claim("b", Duration.ofMinutes(1));
    store.complete("b", REPLY, Duration.ofHours(24));
    clock.advance(Duration.ofMinutes(5));
    assertThat(store.claim("c", Duration.ofMinutes(1))).isEqualTo(ClaimResult.acquired());
    assertThat(store.size()).isEqualTo(2); // "a" made room
    assertThat(store.claim("b", Duration.ofMinutes(1))).isEqualTo(ClaimResult.completed(REPLY));
  }

  @Test
  void purgesExpiredEntriesAsTimePasses() {
    MutableClock clock = new MutableClock(Instant.ofEpochMilli(1_732_420_000_000L));
    InMemoryDuplicateStore store = InMemoryDuplicateStore.builder().maxEntries(1_000).clock(clock).build();
    for (int i = 0; i < 500; i++) {
      store.claim("old" + i, Duration.ofSeconds(10));
      store.complete("old" + i, REPLY, Duration.ofSeconds(10));
    }
    clock.advance(Duration.ofSeconds(11));
    for (int i = 0; i < 64; i++) { // expired entries are swept every 64 writes
      store.claim("new" + i, Duration.ofSeconds(10));
    }
    assertThat(store.size()).isEqualTo(64);
  }

  @Test
  void expiredLeaseCanBeClaimedAgain() {
    MutableClock clock = new MutableClock(Instant.ofEpochMilli(1_732_420_000_000L));
    InMemoryDuplicateStore store = InMemoryDuplicateStore.builder().clock(clock).build();
    assertThat(store.claim("k", Duration.ofSeconds(30))).isEqualTo(ClaimResult.acquired());
    assertThat(store.claim("k", Duration.ofSeconds(30))).isEqualTo(ClaimResult.inProgress());
    clock.advance(Duration.ofSeconds(31));
    assertThat(store.claim("k", Duration.ofSeconds(30))).isEqualTo(ClaimResult.acquired());
  }

  @Test
  void releaseDoesNotForgetACompletedKey() {
    InMemoryDuplicateStore store = InMemoryDuplicateStore.create();
    store.claim("k", Duration.ofSeconds(30));
    store.complete("k", REPLY, Duration.ofHours(1));
    store.release("k");
    assertThat(store.claim("k", Duration.ofSeconds(30))).isEqualTo(ClaimResult.completed(REPLY));
  }
}
