package io.camssdk.redis;

import io.camssdk.duplicate.ClaimResult;
import io.camssdk.duplicate.DuplicateStore;
import io.camssdk.duplicate.DuplicateStoreException;
import io.camssdk.duplicate.StoredReply;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.BaseRedisAsyncCommands;
import io.lettuce.core.api.async.RedisScriptingAsyncCommands;
import io.lettuce.core.api.async.RedisStringAsyncCommands;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * A {@link DuplicateStore} in Redis, shared by every instance of a business system that uses the same server or
 * cluster. Use it when the system runs more than one instance behind a load balancer and already runs Redis.
 *
 * <p><b>Keys.</b> One Redis key per store key: {@code <keyPrefix><SHA-256 of the key, hex>} (prefix default
 * {@value #DEFAULT_KEY_PREFIX}), so any length and character works and no personal data from a receipt's dedup
 * key reaches Redis. Every command and script touches that one key only, so Redis Cluster's key rules hold
 * without hash tags.
 *
 * <p><b>Atomicity and time.</b> A claim is one Lua script (read the key; if absent, {@code SET ... PX lease});
 * a reply is stored with {@code SET ... PX retention}; release is a compare-and-delete script that removes the key
 * only while it still holds <em>this store object's</em> claim. Redis times leases and retention itself, so the
 * instances' clocks do not matter.
 *
 * <p><b>Timeouts and outages.</b> Every call waits at most {@link Builder#timeout(Duration) timeout} (default
 * 500 ms) for its reply, whatever the connection's own timeout. A failure, a timeout or a lost connection throws
 * {@link DuplicateStoreException}: the endpoint answers {@code 503 StoreUnavailable} and the platform retries.
 * Connections the store opens itself reject commands while disconnected (so an outage fails fast instead of
 * queueing); give a connection of your own the same option
 * ({@code ClientOptions.disconnectedBehavior(REJECT_COMMANDS)}).
 *
 * <p><b>Ownership.</b> Built from a {@link Builder#uri(RedisURI) RedisURI}, the store owns its client and
 * connection and {@link #close()} shuts both down. Built from a {@link Builder#client(RedisClient) RedisClient},
 * it opens and owns a connection (closed by {@code close()}) but not the client. Built from a
 * {@link Builder#connection connection} or {@link Builder#clusterConnection cluster connection} (with the codec of
 * {@link #codec()}), it owns nothing and {@code close()} does nothing: you close it.
 *
 * <p>Thread-safe; share one per application.
 *
 * <pre>{@code
 * RedisDuplicateStore store = RedisDuplicateStore.builder()
 *     .uri(RedisURI.create("redis://redis.internal:6379"))
 *     .timeout(Duration.ofMillis(500))
 *     .build();
 * // ... on shutdown:
 * store.close();
 * }</pre>
 *
 * @since 0.1
 */
public final class RedisDuplicateStore implements DuplicateStore, AutoCloseable {
  /** The default prefix of the store's Redis keys. */
  public static final String DEFAULT_KEY_PREFIX = "cams:dup:";
  /** The default time a call waits for Redis: 500 ms. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(500);

  private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
  private static final byte CLAIMED = 'C';
  private static final byte DONE = 'D';

  // Returns the key's value when it exists; else claims it for ARGV[2] ms and returns nil.
  private static final String CLAIM_SCRIPT = ""
      + "local v = redis.call('GET', KEYS[1])\n"
      + "if v then return v end\n"
      + "redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])\n"
      + "return false\n";
  // Deletes the key only while it holds the caller's claim.
  private static final String RELEASE_SCRIPT = ""
      + "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end\n"
      + "return 0\n";
  private static final String CLAIM_SHA = sha1(CLAIM_SCRIPT);
  private static final String RELEASE_SHA = sha1(RELEASE_SCRIPT);

  private final RedisScriptingAsyncCommands<String, byte[]> scripting;
  private final RedisStringAsyncCommands<String, byte[]> strings;
  private final BaseRedisAsyncCommands<String, byte[]> base;
  private final AutoCloseable ownedConnection;
  private final RedisClient ownedClient;
  private final String keyPrefix;
  private final long timeoutMillis;
  // This store object's claim value: 'C' and a random token, so that release() frees only claims made here.
  private final byte[] claimValue;

  private <C extends RedisScriptingAsyncCommands<String, byte[]> & RedisStringAsyncCommands<String, byte[]>
      & BaseRedisAsyncCommands<String, byte[]>> RedisDuplicateStore(Builder builder, C commands,
      AutoCloseable ownedConnection, RedisClient ownedClient) {
    this.scripting = commands;
    this.strings = commands;
    this.base = commands;
    this.ownedConnection = ownedConnection;
    this.ownedClient = ownedClient;
    this.keyPrefix = builder.keyPrefix;
    this.timeoutMillis = builder.timeout.toMillis();
    this.claimValue = ("C" + UUID.randomUUID().toString().replace("-", "")).getBytes(StandardCharsets.US_ASCII);
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The codec of the connections the store works on: {@code String} keys, {@code byte[]} values. */
  public static RedisCodec<String, byte[]> codec() {
    return CODEC;
  }

  @Override
  public ClaimResult claim(String key, Duration lease) {
    Objects.requireNonNull(key, "key");
    checkPositive(lease, "lease");
    String[] keys = {redisKey(key)};
    byte[][] args = {claimValue, Long.toString(lease.toMillis()).getBytes(StandardCharsets.US_ASCII)};
    byte[] existing = script("claim", CLAIM_SHA, CLAIM_SCRIPT, ScriptOutputType.VALUE, keys, args);
    if (existing == null) {
      return ClaimResult.acquired();
    }
    if (existing.length > 0 && existing[0] == CLAIMED) {
      return ClaimResult.inProgress();
    }
    if (existing.length >= 4 && existing[0] == DONE) {
      int status = Integer.parseInt(new String(existing, 1, 3, StandardCharsets.US_ASCII));
      byte[] body = new byte[existing.length - 4];
      System.arraycopy(existing, 4, body, 0, body.length);
      return ClaimResult.completed(new StoredReply(status, body));
    }
    throw new DuplicateStoreException("Duplicate store found a value it did not write under its key prefix '"
        + keyPrefix + "'; give the store a key prefix of its own");
  }

  @Override
  public void complete(String key, StoredReply reply, Duration retention) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(reply, "reply");
    checkPositive(retention, "retention");
    byte[] value = new byte[4 + reply.bodyLength()];
    value[0] = DONE;
    byte[] status = Integer.toString(reply.status()).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(status, 0, value, 1, 3);
    System.arraycopy(reply.body(), 0, value, 4, reply.bodyLength());
    await("complete", () -> strings.set(redisKey(key), value, SetArgs.Builder.px(retention.toMillis())));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Frees only a claim made through this store object and still in progress: a claim that another instance
   * took over after this one's lease ran out, or a completed key, is left as it is.
   */
  @Override
  public void release(String key) {
    Objects.requireNonNull(key, "key");
    String[] keys = {redisKey(key)};
    byte[][] args = {claimValue};
    script("release", RELEASE_SHA, RELEASE_SCRIPT, ScriptOutputType.INTEGER, keys, args);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Sends {@code PING} and waits at most the store's timeout for {@code PONG}.
   */
  @Override
  public void ping() {
    String reply = await("ping", base::ping);
    if (!"PONG".equals(reply)) {
      throw new DuplicateStoreException("Duplicate store's Redis answered PING unexpectedly; check the Redis "
          + "address");
    }
  }

  /** Closes what the store opened itself (see the class's Javadoc); the store cannot be used after. */
  @Override
  public void close() {
    try {
      if (ownedConnection != null) {
        ownedConnection.close();
      }
    } catch (Exception e) {
      throw new IllegalStateException("closing the store's Redis connection failed", e);
    } finally {
      if (ownedClient != null) {
        ownedClient.shutdown();
      }
    }
  }

  /** The prefix of the store's Redis keys. */
  public String keyPrefix() {
    return keyPrefix;
  }

  @Override
  public String toString() {
    return "RedisDuplicateStore{keyPrefix=" + keyPrefix + ", timeoutMillis=" + timeoutMillis + "}";
  }

  // --- machinery ---

  private String redisKey(String key) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return keyPrefix + HexFormat.of().formatHex(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private <T> T script(String operation, String sha, String script, ScriptOutputType type, String[] keys,
      byte[][] args) {
    try {
      return await(operation, () -> scripting.<T>evalsha(sha, type, keys, args));
    } catch (DuplicateStoreException e) {
      if (!(e.getCause() instanceof RedisNoScriptException)) {
        throw e;
      }
      // The server lost its script cache (restart, failover, SCRIPT FLUSH): EVAL sends and caches it again.
      return await(operation, () -> scripting.<T>eval(script, type, keys, args));
    }
  }

  private <T> T await(String operation, Supplier<RedisFuture<T>> command) {
    RedisFuture<T> future = null;
    try {
      future = command.get();
      return future.get(timeoutMillis, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      future.cancel(true);
      throw new DuplicateStoreException("Duplicate store's Redis did not answer within " + timeoutMillis
          + " ms during " + operation + "; check that Redis is reachable", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new DuplicateStoreException("Duplicate store's Redis failed during " + operation + " ("
          + cause.getClass().getSimpleName() + "); check that Redis is reachable", cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      throw new DuplicateStoreException("Interrupted while waiting for the duplicate store's Redis during "
          + operation, e);
    } catch (RedisException e) {
      throw new DuplicateStoreException("Duplicate store's Redis failed during " + operation + " ("
          + e.getClass().getSimpleName() + "); check that Redis is reachable", e);
    }
  }

  private static void checkPositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive but was " + duration);
    }
  }

  private static String sha1(String script) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      return HexFormat.of().formatHex(sha1.digest(script.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-1", e);
    }
  }

  /** Configures a {@link RedisDuplicateStore}; set exactly one of uri, client, connection, clusterConnection. */
  public static final class Builder {
    private RedisURI uri;
    private RedisClient client;
    private StatefulRedisConnection<String, byte[]> connection;
    private StatefulRedisClusterConnection<String, byte[]> clusterConnection;
    private String keyPrefix = DEFAULT_KEY_PREFIX;
    private Duration timeout = DEFAULT_TIMEOUT;

    private Builder() {}

    /**
     * A standalone Redis (or a Sentinel-managed one) to connect to; the store owns the client and connection it
     * creates and {@link #close()} shuts them down. The connection is opened by {@link #build()}.
     */
    public Builder uri(RedisURI uri) {
      this.uri = Objects.requireNonNull(uri, "uri");
      return this;
    }

    /**
     * A client of yours to open the store's connection with; the store owns that connection (closed by
     * {@link #close()}), you keep the client. The connection is opened by {@link #build()}.
     */
    public Builder client(RedisClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * A connection of yours to a standalone Redis, opened with {@link #codec()}; you close it. Prefer one whose
     * client rejects commands while disconnected, so that an outage fails fast.
     */
    public Builder connection(StatefulRedisConnection<String, byte[]> connection) {
      this.connection = Objects.requireNonNull(connection, "connection");
      return this;
    }

    /** A connection of yours to a Redis Cluster, opened with {@link #codec()}; you close it. */
    public Builder clusterConnection(StatefulRedisClusterConnection<String, byte[]> clusterConnection) {
      this.clusterConnection = Objects.requireNonNull(clusterConnection, "clusterConnection");
      return this;
    }

    /**
     * The prefix of the store's Redis keys (default {@value #DEFAULT_KEY_PREFIX}); give each business system
     * sharing a Redis its own. 1 to 64 characters, no whitespace, no braces (it must not set a hash tag).
     */
    public Builder keyPrefix(String keyPrefix) {
      Objects.requireNonNull(keyPrefix, "keyPrefix");
      if (keyPrefix.isEmpty() || keyPrefix.length() > 64 || !keyPrefix.chars().allMatch(c -> c > ' ' && c < 127
          && c != '{' && c != '}')) {
        throw new IllegalArgumentException("keyPrefix must be 1 to 64 printable ASCII characters without spaces "
            + "or braces but was '" + keyPrefix + "'");
      }
      this.keyPrefix = keyPrefix;
      return this;
    }

    /** The most a call waits for Redis (default 500 ms; between 50 ms and 2.5 s, the platform waits 3 s). */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.compareTo(Duration.ofMillis(50)) < 0 || timeout.compareTo(Duration.ofMillis(2_500)) > 0) {
        throw new IllegalArgumentException("timeout must be between 50 ms and 2.5 s but was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * The store, connected.
     *
     * @throws IllegalStateException when not exactly one of uri, client, connection, clusterConnection is set
     * @throws DuplicateStoreException when the store must connect and cannot
     */
    public RedisDuplicateStore build() {
      int sources = (uri != null ? 1 : 0) + (client != null ? 1 : 0) + (connection != null ? 1 : 0)
          + (clusterConnection != null ? 1 : 0);
      if (sources != 1) {
        throw new IllegalStateException("set exactly one of uri, client, connection or clusterConnection "
            + "on RedisDuplicateStore.Builder, but " + sources + " are set");
      }
      if (connection != null) {
        return new RedisDuplicateStore(this, connection.async(), null, null);
      }
      if (clusterConnection != null) {
        return new RedisDuplicateStore(this, clusterConnection.async(), null, null);
      }
      RedisClient owned = null;
      RedisClient using = client;
      if (uri != null) {
        owned = RedisClient.create(uri);
        owned.setOptions(ClientOptions.builder()
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .socketOptions(SocketOptions.builder().connectTimeout(timeout.multipliedBy(2)).build())
            .timeoutOptions(TimeoutOptions.enabled(timeout))
            .build());
        using = owned;
      }
      try {
        StatefulRedisConnection<String, byte[]> opened = using.connect(CODEC);
        return new RedisDuplicateStore(this, opened.async(), opened, owned);
      } catch (RedisException e) {
        if (owned != null) {
          owned.shutdown();
        }
        throw new DuplicateStoreException("Duplicate store cannot connect to Redis (" + e.getClass().getSimpleName()
            + "); check the Redis address and that it is reachable", e);
      }
    }
  }
}
