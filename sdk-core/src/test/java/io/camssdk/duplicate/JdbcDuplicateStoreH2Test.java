package io.camssdk.duplicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The JDBC store on an in-memory H2 database, one database per test. */
class JdbcDuplicateStoreH2Test extends DuplicateStoreContract {
  private final String name = "dup-" + UUID.randomUUID();
  private final JdbcDataSource dataSource = dataSource(";DB_CLOSE_DELAY=-1");
  private boolean tableCreated;

  private JdbcDataSource dataSource(String options) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + name + options);
    return ds;
  }

  @Override
  protected DuplicateStore newStore(Clock clock) {
    // IFEXISTS: once the database is shut down, connecting fails instead of creating an empty one.
    JdbcDuplicateStore store = JdbcDuplicateStore.builder(dataSource(";IFEXISTS=TRUE")).clock(clock).build();
    if (!tableCreated) {
      JdbcDuplicateStore.builder(dataSource).build().createTableIfMissing();
      tableCreated = true;
    }
    return store;
  }

  @Override
  protected void stopBackend() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    }
  }

  @Test
  void detectsTheDialectFromTheDatabase() {
    assertThat(JdbcDuplicateStore.builder(dataSource).build().dialect()).isEqualTo(JdbcDuplicateStore.Dialect.H2);
  }

  @Test
  void createTableIfMissingCanRunTwice() {
    JdbcDuplicateStore store = JdbcDuplicateStore.builder(dataSource).table("other_duplicates").build();
    store.createTableIfMissing();
    store.createTableIfMissing();
    assertThat(store.claim("k", LONG)).isEqualTo(ClaimResult.acquired());
  }

  @Test
  void purgeExpiredDeletesOnlyExpiredRowsInBatches() throws SQLException {
    JdbcDuplicateStore store = JdbcDuplicateStore.builder(dataSource).clock(clock).purgeBatchSize(3).build();
    store.createTableIfMissing();
    for (int i = 0; i < 10; i++) {
      store.claim("short-" + i, Duration.ofSeconds(1));
    }
    store.claim("long", Duration.ofHours(1));
    store.complete("kept", new StoredReply(200, new byte[] {1}), Duration.ofHours(1));
    clock.advance(Duration.ofSeconds(1));

    assertThat(store.purgeExpired()).isEqualTo(10);
    assertThat(rows()).isEqualTo(2);
    assertThat(store.purgeExpired()).isZero();
  }

  @Test
  void aMissingTableIsReportedWithWhatToDo() {
    JdbcDuplicateStore store = JdbcDuplicateStore.builder(dataSource).table("missing").build();
    assertThatThrownBy(() -> store.claim("k", LONG))
        .isInstanceOf(DuplicateStoreException.class)
        .hasMessageStartingWith("Duplicate store's database failed (SQLState 42")
        .hasMessageEndingWith("check that table missing exists (JdbcDuplicateStore.createTableIfMissing() "
            + "creates it)");
  }

  @Test
  void rejectsATableNameThatIsNotAnIdentifier() {
    assertThatThrownBy(() -> JdbcDuplicateStore.builder(dataSource).table("dups; DROP TABLE x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("table must be an unquoted SQL identifier");
  }

  @Test
  void rejectsATimeoutTheCallCannotAfford() {
    assertThatThrownBy(() -> JdbcDuplicateStore.builder(dataSource).timeout(Duration.ofSeconds(3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout must be between 100 ms and 2.5 s but was PT3S");
  }

  private int rows() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM cams_duplicates")) {
      r.next();
      return r.getInt(1);
    }
  }
}
