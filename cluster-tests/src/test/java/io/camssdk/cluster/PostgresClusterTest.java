package io.camssdk.cluster;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.camssdk.duplicate.DuplicateStore;
import io.camssdk.duplicate.JdbcDuplicateStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

/**
 * Two instances sharing one PostgreSQL (embedded, on a free loopback port, started once for the class), each
 * with a HikariCP pool and a {@link JdbcDuplicateStore} of its own.
 */
class PostgresClusterTest extends SharedStoreClusterContract {
  private static Path dataDirectory;
  private static int port;
  private static EmbeddedPostgres postgres;
  private final Map<DuplicateStore, HikariDataSource> pools = new ConcurrentHashMap<>();

  @BeforeAll
  static void startPostgres() throws IOException {
    dataDirectory = Files.createTempDirectory("cams-cluster-pg");
    port = freePort();
    postgres = newPostgres();
    try (HikariDataSource pool = pool()) {
      JdbcDuplicateStore.builder(pool).build().createTableIfMissing();
    }
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    try {
      if (postgres != null) {
        postgres.close();
      }
    } finally {
      try (Stream<Path> files = Files.walk(dataDirectory)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  /** The outage test stops the server; the next test finds it running again (the test restarts it). */
  @AfterEach
  void ensureRunning() throws IOException {
    if (postgres == null) {
      postgres = newPostgres();
    }
  }

  @Override
  protected DuplicateStore newStore() {
    HikariDataSource pool = pool();
    JdbcDuplicateStore store = JdbcDuplicateStore.builder(pool).build();
    pools.put(store, pool);
    return store;
  }

  @Override
  protected void closeStore(DuplicateStore store) {
    pools.remove(store).close();
  }

  @Override
  protected void stopBackend() throws IOException {
    postgres.close();
    postgres = null;
  }

  @Override
  protected void startBackend() throws IOException {
    postgres = newPostgres();
  }

  private static EmbeddedPostgres newPostgres() throws IOException {
    // The same data directory and port on a restart: the table and its rows survive, as on a real server.
    // Not "clean": that would delete the directory when the server stops; the class deletes it at the end.
    return EmbeddedPostgres.builder()
        .setPort(port)
        .setDataDirectory(dataDirectory)
        .setCleanDataDirectory(false)
        .start();
  }

  /** A pool as an application would configure it for the store: short waits, well under the platform's 3 s. */
  private static HikariDataSource pool() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + port + "/postgres");
    config.setUsername("postgres");
    config.setMaximumPoolSize(8);
    config.setConnectionTimeout(1_000);
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
