package io.camssdk.benchmarks.management;

import io.camssdk.management.CamsManagementClient;
import io.camssdk.management.Credentials;
import io.camssdk.management.RetryPolicy;
import io.camssdk.management.ServiceSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import javax.net.ServerSocketFactory;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One {@code GetServiceSettings} call through {@link CamsManagementClient} (sign, send, parse) side by side with a
 * raw OkHttp call carrying the same bytes (the same URL and headers, signed once in advance) whose reply is only
 * read as a string. Both use one OkHttp client, so they share the connection pool. Target: client ≤ 1.05 × raw.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ClientCallBenchmark {
  static final String REPLY = "{\"RequestId\":\"8C1B9E2A-4F3D-4A8E-9B6C-2D1E0F3A5B7C\",\"Code\":\"OK\","
      + "\"Message\":\"\",\"Data\":{\"ChannelType\":\"whatsapp\",\"SmsActivated\":true,"
      + "\"OtpScheduling\":{\"Enabled\":true,\"Countries\":[\"SG\",\"ID\",\"MY\"],\"UseOwnNumbers\":false}}}";

  private MockWebServer server;
  private OkHttpClient okHttp;
  private CamsManagementClient client;
  private Request rawRequest;

  @Setup(Level.Trial)
  public void start() throws Exception {
    server = new MockWebServer();
    MockResponse reply = new MockResponse.Builder().code(200)
        .addHeader("Content-Type", "application/json;charset=utf-8").body(REPLY).build();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return reply;
      }
    });
    // Without TCP_NODELAY on the server side, Nagle plus delayed ACKs add ~40 ms to every exchange and hide
    // everything else.
    server.setServerSocketFactory(new NoDelayServerSocketFactory());
    server.start();
    okHttp = new OkHttpClient();
    client = CamsManagementClient.builder()
        .endpoint(server.url("/").toString())
        .credentials(Credentials.of("LTAI5tBenchmarkKey", "benchmark-secret-0123456789"))
        .okHttpClient(okHttp)
        .retryPolicy(RetryPolicy.none())
        .build();

    // Capture the exact request the client sends, to replay its bytes raw.
    client.getServiceSettings("cams-83m8j9xxxxadc");
    RecordedRequest sent = server.takeRequest();
    Request.Builder raw = new Request.Builder().url(sent.getUrl()).post(RequestBody.create(new byte[0]));
    sent.getHeaders().forEach(header -> {
      String name = header.getFirst();
      if (!name.equalsIgnoreCase("Content-Length") && !name.equalsIgnoreCase("Connection")
          && !name.equalsIgnoreCase("Accept-Encoding")) {
        raw.header(name, header.getSecond());
      }
    });
    rawRequest = raw.build();
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    server.close();
    okHttp.dispatcher().executorService().shutdown();
    okHttp.connectionPool().evictAll();
  }

  @Benchmark
  public ServiceSettings clientCall() {
    return client.getServiceSettings("cams-83m8j9xxxxadc");
  }

  @Benchmark
  public String rawOkHttpCall() throws IOException {
    try (Response response = okHttp.newCall(rawRequest).execute()) {
      return response.body().string();
    }
  }

  /** Server sockets whose accepted connections send small writes at once. */
  static final class NoDelayServerSocketFactory extends ServerSocketFactory {
    @Override
    public ServerSocket createServerSocket() throws IOException {
      return new NoDelayServerSocket();
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
      ServerSocket socket = new NoDelayServerSocket();
      socket.bind(new java.net.InetSocketAddress(port));
      return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
      ServerSocket socket = new NoDelayServerSocket();
      socket.bind(new java.net.InetSocketAddress(port), backlog);
      return socket;
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
      ServerSocket socket = new NoDelayServerSocket();
      socket.bind(new java.net.InetSocketAddress(address, port), backlog);
      return socket;
    }
  }

  static final class NoDelayServerSocket extends ServerSocket {
    NoDelayServerSocket() throws IOException {
      super();
    }

    @Override
    public Socket accept() throws IOException {
      Socket socket = super.accept();
      socket.setTcpNoDelay(true);
      return socket;
    }
  }
}
