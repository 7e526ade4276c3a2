package io.camssdk.duplicate;

import java.time.Clock;

/** The in-memory store: one instance only, timed by the given clock. */
class InMemoryDuplicateStoreTest extends DuplicateStoreContract {

  @Override
  protected DuplicateStore newStore(Clock clock) {
    return InMemoryDuplicateStore.builder().clock(clock).build();
  }

  @Override
  protected boolean sharedBetweenObjects() {
    return false;
  }
}
