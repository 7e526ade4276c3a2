package io.camssdk.testkit;

import com.sun.net.httpserver.HttpServer;
import io.camssdk.intent.ChannelType;
import io.camssdk.json.JsonObject;
import io.camssdk.management.CamsManagementClient;
import io.camssdk.management.Credentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A local stand-in for the Chat App Message Service platform, for tests and development, in the spirit of
 * MockWebServer and {@code stripe-cli}. It
 * <ul>
 *   <li>serves the management API (contract section 3) on a loopback port, verifying ACS3-HMAC-SHA256 signatures
 *       against its AccessKey pairs, with the contract's validation and error codes;</li>
 *   <li>knows a set of channels ({@code CustSpaceId} and channel type), by default one WhatsApp and one Viber
 *       channel ({@link #DEFAULT_WHATSAPP_CUST_SPACE_ID}, {@link #DEFAULT_VIBER_CUST_SPACE_ID});</li>
 *   <li>issues business systems' Signature tokens and honours refresh with a grace period, signing calls with every
 *       active token during a rotation;</li>
 *   <li>sends intent calls (contract section 1) and receipt pushes (section 2) with the platform's timeout and
 *       retry policy, keeping a {@linkplain #deliveries() delivery log};</li>
 *   <li>serves a web {@linkplain #consoleUrl() console}: the channels' Service Settings page, backed by the same
 *       actions as the management API, with the live delivery log. Its endpoints and the admin ones answer only
 *       same-origin JSON {@code POST}s addressed to the emulator's loopback host and port.</li>
 * </ul>
 *
 * <p>Thread-safe. {@link #close()} stops the server and abandons pending deliveries.
 *
 * <pre>{@code
 * try (CamsEmulator emulator = CamsEmulator.builder().backoffBase(Duration.ofMillis(10)).build().start()) {
 *   CamsManagementClient client = CamsManagementClient.builder()
 *       .endpoint(emulator.url())
 *       .credentials(emulator.accessKeyId(), emulator.accessKeySecret())
 *       .build();
 *   CreatedBusinessSystem system = client.createBusinessSystem(...);
 *   Delivery delivery = emulator.triggerIntent(space, system.businessSystemId(), "ECHO", JsonObject.empty())
 *       .await(Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class CamsEmulator implements AutoCloseable {
  /** The AccessKey id the emulator accepts when the builder names none. */
  public static final String DEFAULT_ACCESS_KEY_ID = "LTAIemulatorAccessKey";
  /** The AccessKey secret paired with {@link #DEFAULT_ACCESS_KEY_ID}. */
  public static final String DEFAULT_ACCESS_KEY_SECRET = "emulator-access-key-secret";
  /** The default WhatsApp channel's {@code CustSpaceId}. */
  public static final String DEFAULT_WHATSAPP_CUST_SPACE_ID = "cams-emu-whatsapp";
  /** The default Viber channel's {@code CustSpaceId}. */
  public static final String DEFAULT_VIBER_CUST_SPACE_ID = "cams-emu-viber";
  /** The platform's reply timeout. */
  public static final Duration PLATFORM_TIMEOUT = Duration.ofSeconds(3);
  /** The platform's first retry delay; later ones double. */
  public static final Duration PLATFORM_BACKOFF_BASE = Duration.ofSeconds(1);
  /** The platform's attempt limit. */
  public static final int PLATFORM_MAX_ATTEMPTS = 6;

  /**
   * The JDK HTTP server's request timeout, in seconds: a connection whose request has not been read by then is
   * closed. The JDK reads it once per JVM, when its first server starts; the emulator sets it, unless already set,
   * before its first server does.
   */
  static final String READ_TIMEOUT_PROPERTY = "sun.net.httpserver.maxReqTime";
  static final String WRITE_TIMEOUT_PROPERTY = "sun.net.httpserver.maxRspTime";
  private static final int MAX_SERVER_THREADS = 256;

  static {
    if (System.getProperty(READ_TIMEOUT_PROPERTY) == null) {
      System.setProperty(READ_TIMEOUT_PROPERTY, "10");
    }
    if (System.getProperty(WRITE_TIMEOUT_PROPERTY) == null) {
      System.setProperty(WRITE_TIMEOUT_PROPERTY, "30");
    }
  }

  private final Builder config;
  private final Random random;
  private final Platform platform;
  private final FaultQueue faults = new FaultQueue();
  private final DocumentedActions documented;
  private final Map<Delivery.Kind, Callback> callbacks = new EnumMap<>(Delivery.Kind.class);
  private final Map<String, Deliverer.Job> log = new LinkedHashMap<>();
  private final Object logLock = new Object();

  private HttpServer server;
  private ExecutorService serverExecutor;
  private ScheduledExecutorService ownScheduler;
  private ExecutorService httpExecutor;
  private Deliverer deliverer;
  private volatile boolean closed;

  private record Callback(URI url, String businessSystemId) {}

  private CamsEmulator(Builder builder) {
    this.config = builder;
    this.random = builder.random != null ? builder.random : new SecureRandom();
    EmulatorState state = builder.stateFile != null && Files.exists(builder.stateFile)
        ? EmulatorState.load(builder.stateFile) : new EmulatorState();
    List<EmulatorChannel> channels = builder.channels.isEmpty()
        ? List.of(new EmulatorChannel(DEFAULT_WHATSAPP_CUST_SPACE_ID, ChannelType.WHATSAPP),
            new EmulatorChannel(DEFAULT_VIBER_CUST_SPACE_ID, ChannelType.VIBER))
        : builder.channels;
    channels.forEach(state::addChannel);
    this.platform = new Platform(state, builder.clock, random, builder.gracePeriod, builder.stateFile);
    this.documented = new DocumentedActions(
        space -> platform.channels().stream().filter(c -> c.custSpaceId().equals(space)).findFirst().orElse(null),
        (kind, url) -> callbackUrl(kind, url, null));
  }

  /**
   * Adds (or replaces, by code and language) a template of the channel, served by {@code ListChatappTemplate}
   * and {@code GetChatappTemplateDetail}; its quick replies can call intents ({@code ExtendAttrs.IntentCode}).
   *
   * @throws IllegalArgumentException when the emulator has no such channel
   */
  public void addTemplate(String custSpaceId, EmulatorTemplate template) {
    try {
      documented.addTemplate(Objects.requireNonNull(custSpaceId, "custSpaceId"),
          Objects.requireNonNull(template, "template"));
    } catch (ApiError e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  /** A builder with the platform's defaults: loopback, port 0, 3 s timeout, 1 s backoff, 6 attempts. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the port and starts serving. Returns this emulator, for chaining.
   *
   * @throws UncheckedIOException when the port cannot be bound
   * @throws IllegalStateException when already started or closed
   */
  public synchronized CamsEmulator start() {
    if (server != null || closed) {
      throw new IllegalStateException(closed ? "the emulator was closed" : "the emulator is already started");
    }
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(config.host), config.port), 64);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind " + config.host + ":" + config.port, e);
    }
    // The JDK server reads a request's headers on an executor thread, so a connection that sends a few bytes and
    // stops holds its thread until the request timeout (READ_TIMEOUT_PROPERTY) closes it. A fixed pool of 4 let
    // four such connections stall every management call; threads are made as needed instead, and idle ones end.
    ThreadPoolExecutor pool = new ThreadPoolExecutor(0, MAX_SERVER_THREADS, 30, TimeUnit.SECONDS,
        new SynchronousQueue<>(), daemonThreads("cams-emulator-api"));
    serverExecutor = pool;
    server.setExecutor(pool);
    Acs3Verifier verifier = new Acs3Verifier(config.accessKeys.isEmpty()
        ? Map.of(DEFAULT_ACCESS_KEY_ID, DEFAULT_ACCESS_KEY_SECRET) : config.accessKeys, config.clock);
    LocalGuard guard = new LocalGuard(config.host, server.getAddress().getPort());
    server.createContext("/", new ManagementApi(platform, verifier, this::newManagementRequestId, faults,
        documented));
    server.createContext(AdminApi.PATH, new AdminApi(this, guard));
    server.createContext(ConsoleApi.PATH, new ConsoleApi(this, platform, guard, this::newManagementRequestId,
        config.gracePeriod));
    ScheduledExecutorService scheduler = config.scheduler;
    if (scheduler == null) {
      ScheduledThreadPoolExecutor own = new ScheduledThreadPoolExecutor(2, daemonThreads("cams-emulator-retry"));
      own.setRemoveOnCancelPolicy(true);
      ownScheduler = own;
      scheduler = own;
    }
    HttpClient http = config.httpClient;
    if (http == null) {
      httpExecutor = Executors.newCachedThreadPool(daemonThreads("cams-emulator-http"));
      http = HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(config.deliveryTimeout)
          .followRedirects(HttpClient.Redirect.NEVER)
          .executor(httpExecutor)
          .build();
    }
    deliverer = new Deliverer(http, scheduler, config.clock, random, config.deliveryTimeout, config.backoffBase,
        config.jitter, config.maxAttempts, this::finished);
    server.start();
    return this;
  }

  private void finished(Delivery delivery) {
    Consumer<Delivery> listener = config.listener;
    if (listener != null) {
      try {
        listener.accept(delivery);
      } catch (RuntimeException e) {
        // A listener's failure must not stop deliveries; the log still holds the delivery.
      }
    }
  }

  /**
   * The web console's URL, such as {@code http://127.0.0.1:41234/console/}: the channels' Service Settings (business
   * systems, intents, SMS, OTP scheduling), a live delivery log, and buttons to trigger intents and push receipts.
   */
  public URI consoleUrl() {
    return url().resolve(ConsoleApi.PATH + "/");
  }

  /** The management API's base URL, such as {@code http://127.0.0.1:41234}. */
  public URI url() {
    HttpServer s = requireStarted();
    InetSocketAddress address = s.getAddress();
    String host = address.getAddress().getHostAddress();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + address.getPort());
  }

  /** The bound port. */
  public int port() {
    return requireStarted().getAddress().getPort();
  }

  /** The AccessKey id a client should use (the first configured pair). */
  public String accessKeyId() {
    return config.accessKeys.isEmpty() ? DEFAULT_ACCESS_KEY_ID : config.accessKeys.keySet().iterator().next();
  }

  /** The AccessKey secret paired with {@link #accessKeyId()}. */
  public String accessKeySecret() {
    return config.accessKeys.isEmpty() ? DEFAULT_ACCESS_KEY_SECRET : config.accessKeys.values().iterator().next();
  }

  /**
   * A management client builder pointing at this emulator with its AccessKey pair; add settings and build it.
   *
   * <pre>{@code
   * CamsManagementClient cams = emulator.managementClientBuilder().build();
   * }</pre>
   */
  public CamsManagementClient.Builder managementClientBuilder() {
    return CamsManagementClient.builder()
        .endpoint(url().toString())
        .credentials(Credentials.of(accessKeyId(), accessKeySecret()));
  }

  /** The channels, in configuration order. */
  public List<EmulatorChannel> channels() {
    return platform.channels();
  }

  /**
   * The first channel of {@code type}.
   *
   * @throws IllegalArgumentException when the emulator has no such channel
   */
  public EmulatorChannel channel(ChannelType type) {
    for (EmulatorChannel channel : channels()) {
      if (channel.channelType().equals(type)) {
        return channel;
      }
    }
    throw new IllegalArgumentException("the emulator has no " + type + " channel");
  }

  /**
   * The Signature tokens the emulator currently signs a business system's calls with: the current token, then the
   * previous one while its grace period lasts. Empty when the business system does not exist.
   */
  public List<String> signatureTokens(String businessSystemId) {
    return platform.activeTokens(businessSystemId);
  }

  /**
   * Fires an intent call at the business system's API URL: {@code IntentData} is the intent's Default Intent Data
   * overlaid by {@code data}. Returns at once; the call is sent and retried in the background.
   *
   * @throws IllegalArgumentException when the channel, business system or intent does not exist
   */
  public Dispatch triggerIntent(String custSpaceId, String businessSystemId, String intentCode, JsonObject data) {
    Objects.requireNonNull(data, "data");
    Platform.IntentTarget target = platform.intentTarget(custSpaceId, businessSystemId, intentCode);
    String requestId = newCallRequestId();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("RequestId", requestId);
    body.put("BusinessSystemId", target.businessSystemId());
    body.put("CustSpaceId", target.channel().custSpaceId());
    body.put("ChannelType", target.channel().channelType().value());
    body.put("IntentCode", target.intentCode());
    body.put("IntentName", target.intentName());
    body.put("IntentData", target.defaultData().overlaidBy(data).asMap());
    body.put("From", "8613800000000");
    body.put("To", "8613900000000");
    body.put("MessageId", Long.toString(1_000_000_000_000_000_000L + Math.floorMod(random.nextLong(),
        1_000_000_000_000_000_000L)));
    body.put("TemplateCode", "emulator-template");
    body.put("Timestamp", config.clock.millis());
    String systemId = target.businessSystemId();
    return submit(new Deliverer.Job(requestId, Delivery.Kind.INTENT, target.apiUrl(), systemId, target.intentCode(),
        config.clock.instant(), ManagementApi.write(body), () -> platform.activeTokens(systemId)));
  }

  /**
   * Sets where pushes of {@code kind} go, signed (as contract section 1, with the batch id as request id) with the
   * active tokens of {@code businessSystemId}, or unsigned, as the real platform sends them, when it is
   * {@code null}.
   */
  public void callbackUrl(Delivery.Kind kind, URI url, String businessSystemId) {
    if (kind == Delivery.Kind.INTENT) {
      throw new IllegalArgumentException("intent calls go to the business system's ApiUrl");
    }
    synchronized (callbacks) {
      callbacks.put(kind, new Callback(Objects.requireNonNull(url, "url"), businessSystemId));
    }
  }

  /** Pushes {@code ChatAppStatus} items to the configured status callback URL. */
  public Dispatch pushStatus(List<JsonObject> items) {
    return pushToCallback(Delivery.Kind.STATUS, items);
  }

  /** Pushes {@code ChatAppInbound} items to the configured inbound callback URL. */
  public Dispatch pushInbound(List<JsonObject> items) {
    return pushToCallback(Delivery.Kind.INBOUND, items);
  }

  /** Pushes {@code ChatAppAudit} items to the configured audit callback URL. */
  public Dispatch pushAudit(List<JsonObject> items) {
    return pushToCallback(Delivery.Kind.AUDIT, items);
  }

  private Dispatch pushToCallback(Delivery.Kind kind, List<JsonObject> items) {
    Callback callback;
    synchronized (callbacks) {
      callback = callbacks.get(kind);
    }
    if (callback == null) {
      throw new IllegalStateException("no callback URL for " + kind + " pushes: call callbackUrl(" + kind + ", url, id)");
    }
    return push(kind, callback.url(), items, callback.businessSystemId());
  }

  /**
   * Pushes a batch of receipt items to any URL, with the platform's retry policy.
   *
   * @param businessSystemId whose tokens sign the push, or {@code null} to send it unsigned
   */
  public Dispatch push(Delivery.Kind kind, URI url, List<JsonObject> items, String businessSystemId) {
    Objects.requireNonNull(kind, "kind");
    if (kind == Delivery.Kind.INTENT) {
      throw new IllegalArgumentException("use triggerIntent for intent calls");
    }
    if (items.isEmpty()) {
      throw new IllegalArgumentException("a push carries at least one item");
    }
    List<Object> array = new ArrayList<>(items.size());
    for (JsonObject item : items) {
      array.add(item.asMap());
    }
    String requestId = newCallRequestId();
    return submit(new Deliverer.Job(requestId, kind, url, businessSystemId, "", config.clock.instant(),
        ManagementApi.write(array), businessSystemId == null ? List::of : () -> platform.activeTokens(businessSystemId)));
  }

  private Dispatch submit(Deliverer.Job job) {
    Deliverer d;
    synchronized (this) {
      requireStarted();
      d = deliverer;
    }
    synchronized (logLock) {
      log.put(job.requestId, job);
    }
    d.start(job);
    return new Dispatch(job.requestId, job.done);
  }

  /** Every delivery so far, oldest first, as snapshots. */
  public List<Delivery> deliveries() {
    List<Deliverer.Job> jobs;
    synchronized (logLock) {
      jobs = new ArrayList<>(log.values());
    }
    List<Delivery> snapshots = new ArrayList<>(jobs.size());
    for (Deliverer.Job job : jobs) {
      snapshots.add(job.snapshot());
    }
    return snapshots;
  }

  /** The delivery with {@code requestId}, if any. */
  public Optional<Delivery> delivery(String requestId) {
    Deliverer.Job job;
    synchronized (logLock) {
      job = log.get(requestId);
    }
    return job == null ? Optional.empty() : Optional.of(job.snapshot());
  }

  /**
   * Waits until every delivery started so far has a final outcome, and returns the log.
   *
   * @throws IllegalStateException when {@code timeout} passes first, naming how many are still pending
   */
  public List<Delivery> awaitDeliveries(Duration timeout) {
    List<CompletableFuture<Delivery>> pending = new ArrayList<>();
    synchronized (logLock) {
      for (Deliverer.Job job : log.values()) {
        pending.add(job.done);
      }
    }
    try {
      CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
          .get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      long open = pending.stream().filter(f -> !f.isDone()).count();
      throw new IllegalStateException(open + " of " + pending.size() + " deliveries still pending after "
          + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while awaiting deliveries", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a delivery was abandoned: " + e.getCause().getMessage(), e.getCause());
    }
    return deliveries();
  }

  /** Forgets all finished deliveries (pending ones stay). */
  public void clearDeliveries() {
    synchronized (logLock) {
      log.values().removeIf(job -> job.done.isDone());
    }
  }

  /**
   * Makes the next {@code count} management calls that pass signature verification fail with {@code status} and
   * {@code code} (for example 429 {@code Throttling} or 503 {@code ServiceUnavailable}), to test clients' retries.
   */
  public void failNextManagementCalls(int count, int status, String code) {
    for (int i = 0; i < count; i++) {
      faults.add(new FaultQueue.Fault(status, code, "injected by the emulator", status == 429 ? 1 : 0));
    }
  }

  /** Stops the server and the retry scheduler it owns; pending deliveries are abandoned. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (server != null) {
      server.stop(0);
      serverExecutor.shutdownNow();
    }
    if (ownScheduler != null) {
      ownScheduler.shutdownNow();
    }
    if (httpExecutor != null) {
      httpExecutor.shutdownNow();
    }
    synchronized (logLock) {
      for (Deliverer.Job job : log.values()) {
        job.done.completeExceptionally(new IllegalStateException("the emulator was closed"));
      }
    }
  }

  private synchronized HttpServer requireStarted() {
    if (server == null || closed) {
      throw new IllegalStateException(closed ? "the emulator was closed" : "the emulator is not started");
    }
    return server;
  }

  private String newCallRequestId() {
    return uuid(false);
  }

  private String newManagementRequestId() {
    return uuid(true);
  }

  private String uuid(boolean upper) {
    byte[] b = new byte[16];
    synchronized (random) {
      random.nextBytes(b);
    }
    StringBuilder hex = new StringBuilder(36);
    for (int i = 0; i < 16; i++) {
      if (i == 4 || i == 6 || i == 8 || i == 10) {
        hex.append('-');
      }
      hex.append(Character.forDigit((b[i] >> 4) & 0xF, 16)).append(Character.forDigit(b[i] & 0xF, 16));
    }
    String id = hex.toString();
    return upper ? id.toUpperCase(java.util.Locale.ROOT) : id;
  }

  private static ThreadFactory daemonThreads(String name) {
    AtomicInteger n = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public String toString() {
    HttpServer s = server;
    return "CamsEmulator{" + (s == null ? "not started" : closed ? "closed" : url().toString())
        + ", channels=" + channels() + "}";
  }

  /**
   * Configures a {@link CamsEmulator}. Setters validate at once, naming the parameter.
   */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private final Map<String, String> accessKeys = new LinkedHashMap<>();
    private final List<EmulatorChannel> channels = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private Random random;
    private Duration gracePeriod = Duration.ofHours(24);
    private Path stateFile;
    private Duration deliveryTimeout = PLATFORM_TIMEOUT;
    private Duration backoffBase = PLATFORM_BACKOFF_BASE;
    private double jitter = 0.2;
    private int maxAttempts = PLATFORM_MAX_ATTEMPTS;
    private ScheduledExecutorService scheduler;
    private HttpClient httpClient;
    private Consumer<Delivery> listener;

    private Builder() {}

    /** The address to bind; default {@code 127.0.0.1}. Anything but loopback exposes the emulator. */
    public Builder host(String host) {
      this.host = Objects.requireNonNull(host, "host");
      return this;
    }

    /** The port to bind; default 0 (a free port: read it back with {@link CamsEmulator#port()}). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0-65535 but was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Adds an AccessKey pair the management API accepts; the first is the one {@link CamsEmulator#accessKeyId()}
     * reports. Without any, {@link #DEFAULT_ACCESS_KEY_ID} / {@link #DEFAULT_ACCESS_KEY_SECRET} are accepted.
     */
    public Builder accessKey(String accessKeyId, String accessKeySecret) {
      Objects.requireNonNull(accessKeyId, "accessKeyId");
      Objects.requireNonNull(accessKeySecret, "accessKeySecret");
      if (accessKeyId.isBlank() || accessKeySecret.isEmpty()) {
        throw new IllegalArgumentException("accessKeyId and accessKeySecret must not be empty");
      }
      accessKeys.put(accessKeyId, accessKeySecret);
      return this;
    }

    /** Adds a channel; without any, one WhatsApp and one Viber channel exist. */
    public Builder channel(EmulatorChannel channel) {
      channels.add(Objects.requireNonNull(channel, "channel"));
      return this;
    }

    /** The clock for tokens' grace periods, {@code x-acs-date} checks, call timestamps and signatures. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The randomness for tokens, ids and backoff jitter; default a {@link SecureRandom}. A seeded
     * {@code new Random(seed)} makes ids and jitter repeatable in tests (never in anything that guards data).
     */
    public Builder random(Random random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** How long a refreshed token's predecessor stays valid; default 24 h. */
    public Builder gracePeriod(Duration gracePeriod) {
      if (gracePeriod.isNegative()) {
        throw new IllegalArgumentException("gracePeriod must not be negative but was " + gracePeriod);
      }
      this.gracePeriod = gracePeriod;
      return this;
    }

    /**
     * A JSON file to load the state from at start (when it exists) and save it to after every change. It holds the
     * Signature tokens in clear: keep it out of version control.
     */
    public Builder stateFile(Path stateFile) {
      this.stateFile = Objects.requireNonNull(stateFile, "stateFile");
      return this;
    }

    /** How long to wait for a business system's reply; default 3 s as the platform. */
    public Builder deliveryTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("deliveryTimeout must be positive but was " + timeout);
      }
      this.deliveryTimeout = timeout;
      return this;
    }

    /** The delay before the first retry; later ones double. Default 1 s as the platform; tests use milliseconds. */
    public Builder backoffBase(Duration backoffBase) {
      if (backoffBase.isNegative()) {
        throw new IllegalArgumentException("backoffBase must not be negative but was " + backoffBase);
      }
      this.backoffBase = backoffBase;
      return this;
    }

    /** The jitter fraction: each delay is scaled by a random factor in [1-jitter, 1+jitter]; default 0.2. */
    public Builder jitter(double jitter) {
      if (!(jitter >= 0 && jitter <= 1)) {
        throw new IllegalArgumentException("jitter must be within 0-1 but was " + jitter);
      }
      this.jitter = jitter;
      return this;
    }

    /** The attempt limit per call; default 6 as the platform. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1 but was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** Runs attempts and retry delays; the caller owns it (the emulator does not shut it down). */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /** The client that sends calls; default an HTTP/1.1 client with its own daemon threads. */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /** Called once per delivery when it reaches its final outcome (on a delivery thread; keep it quick). */
    public Builder onDelivery(Consumer<Delivery> listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** A new, not yet started emulator. */
    public CamsEmulator build() {
      return new CamsEmulator(copy());
    }

    private Builder copy() {
      Builder b = new Builder();
      b.host = host;
      b.port = port;
      b.accessKeys.putAll(accessKeys);
      b.channels.addAll(channels);
      b.clock = clock;
      b.random = random;
      b.gracePeriod = gracePeriod;
      b.stateFile = stateFile;
      b.deliveryTimeout = deliveryTimeout;
      b.backoffBase = backoffBase;
      b.jitter = jitter;
      b.maxAttempts = maxAttempts;
      b.scheduler = scheduler;
      b.httpClient = httpClient;
      b.listener = listener;
      return b;
    }
  }
}
