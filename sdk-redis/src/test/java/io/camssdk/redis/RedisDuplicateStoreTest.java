package io.camssdk.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camssdk.duplicate.ClaimResult;
import io.camssdk.duplicate.DuplicateStore;
import io.camssdk.duplicate.DuplicateStoreContract;
import io.camssdk.duplicate.DuplicateStoreException;
import io.camssdk.duplicate.StoredReply;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

/**
 * The Redis store on a real Redis server, started once for the class on a free loopback port (binary from the
 * embedded-redis jar). Each store object has a connection of its own, as separate instances would.
 */
class RedisDuplicateStoreTest extends DuplicateStoreContract {
  private static int port;
  private static RedisServer server;
  private static RedisClient client;
  private static boolean stopped;

  @BeforeAll
  static void startRedis() throws IOException {
    port = freePort();
    server = newServer(port);
    server.start();
    client = RedisClient.create(RedisURI.create("127.0.0.1", port));
    client.setOptions(ClientOptions.builder()
        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
        .build());
  }

  @AfterAll
  static void stopRedis() throws IOException {
    client.shutdown();
    server.stop();
  }

  /** The outage case stops the server; start it again for the tests that follow. */
  @AfterEach
  void restartIfStopped() throws IOException {
    if (stopped) {
      stopped = false;
      server = newServer(port);
      server.start();
    }
  }

  @Override
  protected DuplicateStore newStore(Clock clock) {
    return RedisDuplicateStore.builder().client(client).build();
  }

  @Override
  protected boolean usesGivenClock() {
    return false;
  }

  @Override
  protected void stopBackend() throws IOException {
    stopped = true;
    server.stop();
  }

  @Test
  void aStoreBuiltFromAUriOwnsItsClientAndWorks() {
    try (RedisDuplicateStore store = RedisDuplicateStore.builder()
        .uri(RedisURI.create("127.0.0.1", port))
        .keyPrefix("uri-test:")
        .build()) {
      assertThat(store.claim("k", LONG)).isEqualTo(ClaimResult.acquired());
      assertThat(store.claim("k", LONG)).isEqualTo(ClaimResult.inProgress());
    }
  }

  @Test
  void aStoreOnAConnectionOfTheCallersLeavesItOpen() {
    StatefulRedisConnection<String, byte[]> connection = client.connect(RedisDuplicateStore.codec());
    try {
      RedisDuplicateStore store = RedisDuplicateStore.builder().connection(connection).build();
      store.claim("conn-k", LONG);
      store.close();
      assertThat(connection.isOpen()).isTrue();
    } finally {
      connection.close();
    }
  }

  @Test
  void theClaimScriptIsLoadedAgainAfterTheServerForgetsIt() {
    try (RedisDuplicateStore store = RedisDuplicateStore.builder().client(client).build();
        StatefulRedisConnection<String, byte[]> admin = client.connect(RedisDuplicateStore.codec())) {
      store.claim("flush-1", LONG);
      admin.sync().scriptFlush();

      assertThat(store.claim("flush-2", LONG)).isEqualTo(ClaimResult.acquired());
      store.release("flush-2");
      admin.sync().scriptFlush();
      store.release("flush-2");
    }
  }

  @Test
  void aReplyIsKeptWithTheRetentionAsItsTtl() {
    try (RedisDuplicateStore store = RedisDuplicateStore.builder().client(client).build();
        StatefulRedisConnection<String, byte[]> admin = client.connect(RedisDuplicateStore.codec())) {
      store.claim("ttl", LONG);
      store.complete("ttl", new StoredReply(200, new byte[] {'{', '}'}), Duration.ofHours(24));

      String redisKey = admin.sync().keys(store.keyPrefix() + "*").stream()
          .filter(k -> admin.sync().pttl(k) > Duration.ofHours(23).toMillis())
          .findFirst().orElseThrow();
      assertThat(redisKey).matches("cams:dup:[0-9a-f]{64}");
    }
  }

  @Test
  void aServerThatCannotBeReachedFailsTheBuildWithWhatToDo() throws IOException {
    int unused = freePort();
    assertThatThrownBy(() -> RedisDuplicateStore.builder().uri(RedisURI.create("127.0.0.1", unused)).build())
        .isInstanceOf(DuplicateStoreException.class)
        .hasMessageStartingWith("Duplicate store cannot connect to Redis (")
        .hasMessageEndingWith("); check the Redis address and that it is reachable");
  }

  @Test
  void rejectsABuilderWithoutASource() {
    assertThatThrownBy(() -> RedisDuplicateStore.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("set exactly one of uri, client, connection or clusterConnection on "
            + "RedisDuplicateStore.Builder, but 0 are set");
  }

  @Test
  void rejectsAKeyPrefixThatWouldSetAHashTag() {
    assertThatThrownBy(() -> RedisDuplicateStore.builder().keyPrefix("{cams}:"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("keyPrefix must be 1 to 64 printable ASCII characters");
  }

  private static RedisServer newServer(int port) throws IOException {
    return RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
        .setting("appendonly no").build();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
