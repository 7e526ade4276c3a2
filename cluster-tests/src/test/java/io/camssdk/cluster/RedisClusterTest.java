package io.camssdk.cluster;

import io.camssdk.duplicate.DuplicateStore;
import io.camssdk.redis.RedisDuplicateStore;
import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import redis.embedded.RedisServer;

/**
 * Two instances sharing one Redis (embedded, on a free loopback port, started once for the class), each with a
 * {@link RedisDuplicateStore} of its own (own client and connection, as separate processes have).
 */
class RedisClusterTest extends SharedStoreClusterContract {
  private static int port;
  private static RedisServer server;

  @BeforeAll
  static void startRedis() throws IOException {
    port = freePort();
    server = newServer();
    server.start();
  }

  @AfterAll
  static void stopRedis() throws IOException {
    if (server != null) {
      server.stop();
    }
  }

  @AfterEach
  void ensureRunning() throws IOException {
    if (server == null) {
      startBackend();
    }
  }

  @Override
  protected DuplicateStore newStore() {
    return RedisDuplicateStore.builder().uri(RedisURI.create("127.0.0.1", port)).build();
  }

  @Override
  protected void stopBackend() throws IOException {
    server.stop();
    server = null;
  }

  @Override
  protected void startBackend() throws IOException {
    server = newServer();
    server.start();
  }

  private static RedisServer newServer() throws IOException {
    return RedisServer.newRedisServer().port(port).bind("127.0.0.1").setting("save \"\"")
        .setting("appendonly no").build();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
