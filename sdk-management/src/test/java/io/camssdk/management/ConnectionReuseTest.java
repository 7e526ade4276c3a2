package io.camssdk.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A kept-alive connection that dies after the platform read the request: the case where OkHttp's own
 * {@code retryOnConnectionFailure} would silently re-send an already signed request. A raw HTTP/1.1 server on
 * loopback answers the first request of each connection and closes the connection after reading any later one.
 */
class ConnectionReuseTest {
  record Seen(String action, String nonce, int connection, int indexOnConnection) {}

  final List<Seen> seen = new CopyOnWriteArrayList<>();
  ServerSocket listener;
  ExecutorService threads;

  @BeforeEach
  void start() throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "reuse-test-server");
      t.setDaemon(true);
      return t;
    });
    threads.execute(() -> {
      int connection = 0;
      while (!listener.isClosed()) {
        try {
          Socket socket = listener.accept();
          int number = ++connection;
          threads.execute(() -> serve(socket, number));
        } catch (IOException closed) {
          return;
        }
      }
    });
  }

  @AfterEach
  void stop() throws IOException {
    listener.close();
    threads.shutdownNow();
  }

  private void serve(Socket socket, int connection) {
    try (socket) {
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      for (int index = 1; ; index++) {
        List<String> head = readHead(in);
        if (head == null) {
          return;
        }
        String action = header(head, "x-acs-action");
        int length = Integer.parseInt(header(head, "content-length") == null ? "0" : header(head, "content-length"));
        in.readNBytes(length);
        seen.add(new Seen(action, header(head, "x-acs-signature-nonce"), connection, index));
        if (index > 1) {
          return; // the request was read, then the connection dies without a reply
        }
        byte[] body = ("{\"RequestId\":\"r-" + seen.size() + "\",\"Code\":\"OK\",\"Data\":[]}")
            .getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
            + "\r\nConnection: keep-alive\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
      }
    } catch (IOException e) {
      // the client went away
    }
  }

  private static List<String> readHead(InputStream in) throws IOException {
    List<String> lines = new ArrayList<>();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int previous = -1;
    for (int b; (b = in.read()) != -1; previous = b) {
      if (b == '\n' && previous == '\r') {
        String text = line.toString(StandardCharsets.US_ASCII);
        line.reset();
        if (text.isEmpty()) {
          return lines;
        }
        lines.add(text);
      } else if (b != '\r') {
        line.write(b);
      }
    }
    return null;
  }

  private static String header(List<String> head, String name) {
    for (String line : head) {
      int colon = line.indexOf(':');
      if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals(name)) {
        return line.substring(colon + 1).trim();
      }
    }
    return null;
  }

  CamsManagementClient client(RetryPolicy policy) {
    return CamsManagementClient.builder()
        .endpoint("http://127.0.0.1:" + listener.getLocalPort())
        .credentials(Credentials.of("LTAI5tKey", "secret"))
        .retryPolicy(policy)
        .sleeper(duration -> { })
        .build();
  }

  static CreateIntentRequest createIntent() {
    return CreateIntentRequest.builder().custSpaceId("cams-1").businessSystemId("bs-1")
        .intentCode("ORDER_STATUS").intentName("Order status").build();
  }

  private List<Seen> seenOf(String action) {
    return seen.stream().filter(s -> action.equals(s.action())).toList();
  }

  @Test
  void createOnADeadKeptAliveConnectionIsSentOnceWithRetriesOff() {
    CamsManagementClient client = client(RetryPolicy.none());
    client.listBusinessSystems("cams-1"); // opens the connection that the create will reuse

    CamsTransportException e = catchThrowableOfType(CamsTransportException.class,
        () -> client.createIntent(createIntent()));

    assertThat(e.attempts()).isEqualTo(1);
    assertThat(seenOf("CreateIntent")).hasSize(1);
    assertThat(seenOf("CreateIntent").get(0).indexOnConnection()).isEqualTo(2);
  }

  @Test
  void createOnADeadKeptAliveConnectionIsNotRepeatedByTheDefaultPolicyEither() {
    CamsManagementClient client = client(RetryPolicy.defaults());
    client.listBusinessSystems("cams-1");

    catchThrowableOfType(CamsTransportException.class, () -> client.createIntent(createIntent()));

    assertThat(seenOf("CreateIntent")).hasSize(1);
  }

  @Test
  void readOnADeadKeptAliveConnectionIsRetriedByThePolicyWithAFreshNonce() {
    CamsManagementClient client = client(RetryPolicy.builder().maxAttempts(2).build());
    client.listBusinessSystems("cams-1");
    seen.clear();

    assertThat(client.listBusinessSystems("cams-1")).isEmpty();

    assertThat(seen).hasSize(2);
    assertThat(seen.get(0).indexOnConnection()).isEqualTo(2); // the reused connection, which died
    assertThat(seen.get(1).indexOnConnection()).isEqualTo(1); // the policy's retry, on a new connection
    assertThat(seen.get(1).nonce()).isNotEqualTo(seen.get(0).nonce());
  }

  @Test
  void readOnADeadKeptAliveConnectionIsNotRepeatedWhenRetriesAreOff() {
    CamsManagementClient client = client(RetryPolicy.none());
    client.listBusinessSystems("cams-1");
    seen.clear();

    catchThrowableOfType(CamsTransportException.class, () -> client.listBusinessSystems("cams-1"));

    assertThat(seen).hasSize(1);
  }

  @Test
  void asyncReadOnADeadKeptAliveConnectionIsRetriedByThePolicyWithAFreshNonce() throws Exception {
    CamsManagementClient client = client(RetryPolicy.builder().maxAttempts(2)
        .initialBackoff(Duration.ofMillis(1)).maxBackoff(Duration.ofMillis(1)).build());
    client.listBusinessSystems("cams-1");
    seen.clear();

    assertThat(client.listBusinessSystemsAsync("cams-1").get()).isEmpty();

    assertThat(seen).hasSize(2);
    assertThat(seen.get(1).nonce()).isNotEqualTo(seen.get(0).nonce());
  }
}
