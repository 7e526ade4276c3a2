package io.camssdk.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/**
 * The JDBC store's MySQL statements and DDL, run on H2 in its MySQL compatibility mode: a smoke test of the
 * syntax only (no MySQL server can be started from a test here); H2's locking, not InnoDB's, decides the races.
 */
class JdbcDuplicateStoreMySqlModeTest extends DuplicateStoreContract {
  private final String url = "jdbc:h2:mem:dup-" + UUID.randomUUID() + ";MODE=MySQL;DB_CLOSE_DELAY=-1";
  private boolean tableCreated;

  @Override
  protected DuplicateStore newStore(Clock clock) {
    JdbcDuplicateStore store = JdbcDuplicateStore.builder(dataSource()).clock(clock)
        .dialect(JdbcDuplicateStore.Dialect.MYSQL).build();
    if (!tableCreated) {
      store.createTableIfMissing();
      tableCreated = true;
    }
    return store;
  }

  @Test
  void purgeExpiredDeletesInBatchesWithMySqlsDeleteLimit() {
    newStore(clock);
    JdbcDuplicateStore batched = JdbcDuplicateStore.builder(dataSource()).clock(clock)
        .dialect(JdbcDuplicateStore.Dialect.MYSQL).purgeBatchSize(2).build();
    for (int i = 0; i < 5; i++) {
      batched.claim("purge-" + i, Duration.ofSeconds(1));
    }
    batched.claim("kept", Duration.ofHours(1));
    clock.advance(Duration.ofSeconds(1));

    assertThat(batched.purgeExpired()).isEqualTo(5);
    assertThat(batched.claim("kept", Duration.ofHours(1))).isEqualTo(ClaimResult.inProgress());
  }

  private JdbcDataSource dataSource() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    return dataSource;
  }
}
