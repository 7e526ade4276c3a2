package io.camssdk.management;

import io.camssdk.management.internal.ApiUrlRule;
import io.camssdk.management.internal.HttpStackCheck;
import io.camssdk.management.internal.SdkVersion;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttp;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.apache.commons.codec.binary.Hex;

/**
 * Configures a channel's business systems, intents, SMS activation and OTP scheduling through the platform's
 * OpenAPI (product {@code cams}, version {@value #API_VERSION}), signing every request with ACS3-HMAC-SHA256.
 *
 * <pre>{@code
 * CamsManagementClient cams = CamsManagementClient.builder()
 *     .credentialsProvider(CredentialsProvider.fromEnvironment())
 *     .build();
 * CreatedBusinessSystem system = cams.createBusinessSystem(CreateBusinessSystemRequest.builder()
 *     .custSpaceId("cams-83m8j9xxxxadc").systemName("Orders")
 *     .apiUrl("https://orders.example.com/cams/intents").build());
 * cams.createIntent(CreateIntentRequest.builder()
 *     .custSpaceId("cams-83m8j9xxxxadc").businessSystemId(system.businessSystemId())
 *     .intentCode("ORDER_STATUS").intentName("Order status")
 *     .defaultIntentData(Map.of("locale", "en")).build());
 * cams.modifyOtpScheduling("cams-83m8j9xxxxadc", new OtpScheduling(true, List.of("SG", "ID"), true));
 * }</pre>
 *
 * <p><b>Share one.</b> The client is immutable and thread-safe; build it once and reuse it, as its connection pool
 * and threads are shared by all calls. It needs no closing: it owns no threads until an asynchronous retry is
 * scheduled, and that scheduler's single daemon thread exits when idle. {@link #newBuilder()} derives a variant
 * sharing the same OkHttp pools.
 *
 * <p><b>Validation.</b> Every rule of the contract (name lengths, https {@code ApiUrl}, intent code pattern, 4 KiB
 * default intent data, ISO country codes…) is checked before anything is sent; a broken rule throws
 * {@link CamsValidationException}, also from the {@code *Async} methods (which throw rather than return a failed
 * future for such programming errors).
 *
 * <p><b>Failures</b> are {@link CamsManagementException}s: an error reply throws {@link CamsApiException} (branch
 * on {@link CamsApiException#kind()}; it carries the platform's code, request id and {@code AccessDeniedDetail});
 * no reply at all throws {@link CamsTransportException}. The asynchronous variants complete their future
 * exceptionally with the same exceptions.
 *
 * <p><b>Documented and defined actions.</b> {@code UpdateAccountWebhook}, {@code UpdatePhoneWebhook},
 * {@code ListChatappTemplate} and {@code GetChatappTemplateDetail} are CAMS's published actions. The business
 * system, intent, SMS and OTP actions are defined by this project and its emulator: CAMS publishes no OpenAPI
 * action for the console's Service settings.
 *
 * <p><b>Retries</b> follow the {@link RetryPolicy} (3 attempts by default) and depend on the action:
 * <ul>
 *   <li>read-only ({@code List*}, {@code Get*}) and idempotent writes ({@code Modify*}, {@code Update*}, {@code Delete*}) are
 *       retried after a connection failure or timeout, HTTP 429, HTTP 503, {@code Throttling} or
 *       {@code System.LimitControl}. A {@code Delete*}
 *       whose first attempt succeeded but whose reply was lost then reports {@link CamsApiException.Kind#NOT_FOUND};
 *   <li>{@code CreateBusinessSystem}, {@code CreateIntent} and {@code RefreshBusinessSystemSignature} are not
 *       idempotent (a repeat would create twice or rotate the token twice), so they are retried only when the
 *       platform cannot have run them: HTTP 429, {@code Throttling} or {@code System.LimitControl}, or a
 *       connection that could not be opened.
 * </ul>
 * Permission ({@code Ram.PermissionDeny}, {@code Product.Unsubscript}), authentication and parameter failures
 * are never retried. OkHttp never repeats a request by itself (its {@code retryOnConnectionFailure} is off): every
 * repeat is one of the policy's attempts.
 * Each attempt is signed anew (new date and nonce). Synchronous calls wait with the {@link Sleeper}; asynchronous
 * calls use OkHttp's {@code enqueue} and schedule their retries, so no thread is blocked per call.
 *
 * @since 0.1
 */
public final class CamsManagementClient {
  /** The default endpoint (region {@code ap-southeast-1}). */
  public static final String DEFAULT_ENDPOINT = "https://cams.ap-southeast-1.aliyuncs.com";
  /** The OpenAPI version of the product {@code cams}. */
  public static final String API_VERSION = "2020-06-06";
  /** The default connect timeout: 5 s. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
  /** The default read timeout: 10 s. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
  /** The default call timeout (one attempt, connect to last byte): 30 s. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);

  private static final int PAGE_SIZE_FOR_ITERATION = 100;
  private static final long MAX_REPLY_BYTES = 4L * 1024 * 1024;

  private final Builder builder;
  private final HttpUrl endpoint;
  private final URI endpointUri;
  private final OkHttpClient base;
  private final OkHttpClient http;
  private final CredentialsProvider credentials;
  private final RetryPolicy retryPolicy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final RandomGenerator random;
  private final ScheduledExecutorService scheduler;
  private final String userAgent;
  // Not static: OkHttp 3's RequestBody has no create(byte[]), and builder() must load this class on any stack.
  private final RequestBody emptyBody = RequestBody.create(new byte[0]);

  private CamsManagementClient(Builder builder) {
    this.builder = builder.copy();
    this.endpoint = builder.endpoint;
    this.endpointUri = builder.endpoint.uri();
    this.credentials = Objects.requireNonNull(builder.credentials,
        "credentials: call credentials(...) or credentialsProvider(CredentialsProvider.fromEnvironment())");
    this.retryPolicy = builder.retryPolicy;
    this.clock = builder.clock;
    this.sleeper = builder.sleeper;
    this.random = builder.random;
    this.scheduler = builder.scheduler != null ? builder.scheduler : defaultScheduler();
    this.userAgent = "cams-sdk-java/" + SdkVersion.VERSION + " okhttp/" + OkHttp.VERSION + " Java/"
        + System.getProperty("java.version");
    Supplier<String> nonces = builder.nonces != null ? builder.nonces : randomNonces();

    this.base = builder.okHttpClient != null ? builder.okHttpClient : new OkHttpClient();
    // OkHttp must never repeat a request on its own: a silent re-send after a dead kept-alive connection would
    // repeat an already signed CreateIntent (same nonce) behind the RetryPolicy's back, even with retries off.
    // Every repeat goes through the retry loop, which knows which actions are safe and signs each attempt anew.
    // Redirects are refused for the same reason (a 307 would re-send the signed POST elsewhere).
    OkHttpClient.Builder http = base.newBuilder()
        .addInterceptor(new SigningInterceptor(credentials, clock, nonces))
        .retryOnConnectionFailure(false)
        .followRedirects(false)
        .followSslRedirects(false);
    boolean userClient = builder.okHttpClient != null && !builder.sharedFromParent;
    if (builder.connectTimeout != null || !userClient) {
      http.connectTimeout(orDefault(builder.connectTimeout, DEFAULT_CONNECT_TIMEOUT));
    }
    if (builder.readTimeout != null || !userClient) {
      http.readTimeout(orDefault(builder.readTimeout, DEFAULT_READ_TIMEOUT));
    }
    if (builder.callTimeout != null || !userClient) {
      http.callTimeout(orDefault(builder.callTimeout, DEFAULT_CALL_TIMEOUT));
    }
    this.http = http.build();
  }

  private static Duration orDefault(Duration value, Duration fallback) {
    return value != null ? value : fallback;
  }

  private static ScheduledExecutorService defaultScheduler() {
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "cams-management-retry");
      thread.setDaemon(true);
      return thread;
    });
    executor.setKeepAliveTime(10, TimeUnit.SECONDS);
    executor.allowCoreThreadTimeOut(true);
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }

  /** A pure-Java DRBG: unlike the default NativePRNG it does not serialise all threads on one lock. */
  private static SecureRandom drbg() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (java.security.NoSuchAlgorithmException e) {
      return new SecureRandom();
    }
  }

  private static Supplier<String> randomNonces() {
    SecureRandom secureRandom = drbg();
    return () -> {
      byte[] bytes = new byte[16];
      secureRandom.nextBytes(bytes);
      return Hex.encodeHexString(bytes);
    };
  }

  /** A builder with the defaults; {@link Builder#credentials} or {@link Builder#credentialsProvider} is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this client's settings; clients built from it share this client's OkHttp pools. */
  public Builder newBuilder() {
    Builder copy = builder.copy();
    if (copy.okHttpClient == null) {
      copy.okHttpClient = base; // share pools; our defaults still apply
      copy.sharedFromParent = true;
    }
    return copy;
  }

  /** The endpoint requests are sent to, such as {@code https://cams.ap-southeast-1.aliyuncs.com/}. */
  public URI endpoint() {
    return endpointUri;
  }

  /** The {@code User-Agent} sent with every request, such as {@code cams-sdk-java/0.1.0 okhttp/5.5.1 Java/17}. */
  public String userAgent() {
    return userAgent;
  }

  // ---- Business systems -------------------------------------------------------------------------------------

  /**
   * {@code CreateBusinessSystem}: registers a business system and returns its id and signature token. Not
   * idempotent (see the class comment on retries).
   *
   * @throws CamsApiException when the platform refuses it
   * @throws CamsTransportException when no reply arrived
   */
  public CreatedBusinessSystem createBusinessSystem(CreateBusinessSystemRequest request) {
    return execute(createBusinessSystemCall(request));
  }

  /** Asynchronous {@link #createBusinessSystem}. */
  public CompletableFuture<CreatedBusinessSystem> createBusinessSystemAsync(CreateBusinessSystemRequest request) {
    return executeAsync(createBusinessSystemCall(request));
  }

  private ApiCall<CreatedBusinessSystem> createBusinessSystemCall(CreateBusinessSystemRequest request) {
    Objects.requireNonNull(request, "request");
    Map<String, String> params = params("CustSpaceId", request.custSpaceId());
    params.put("SystemName", request.systemName());
    params.put("ApiUrl", request.apiUrl());
    params.put("Remarks", request.remarks());
    return ApiCall.of(endpoint, "CreateBusinessSystem", params, false, Replies.CREATED_BUSINESS_SYSTEM);
  }

  /** {@code ModifyBusinessSystem}: changes the name, API URL or remarks. Idempotent. */
  public void modifyBusinessSystem(ModifyBusinessSystemRequest request) {
    execute(modifyBusinessSystemCall(request));
  }

  /** Asynchronous {@link #modifyBusinessSystem}. */
  public CompletableFuture<Void> modifyBusinessSystemAsync(ModifyBusinessSystemRequest request) {
    return executeAsync(modifyBusinessSystemCall(request));
  }

  private ApiCall<Void> modifyBusinessSystemCall(ModifyBusinessSystemRequest request) {
    Objects.requireNonNull(request, "request");
    Map<String, String> params = params("CustSpaceId", request.custSpaceId());
    params.put("BusinessSystemId", request.businessSystemId());
    params.put("SystemName", request.systemName());
    params.put("ApiUrl", request.apiUrl());
    params.put("Remarks", request.remarks());
    return ApiCall.of(endpoint, "ModifyBusinessSystem", params, true, Replies.NOTHING);
  }

  /** {@code DeleteBusinessSystem}. Idempotent. */
  public void deleteBusinessSystem(String custSpaceId, String businessSystemId) {
    execute(deleteBusinessSystemCall(custSpaceId, businessSystemId));
  }

  /** Asynchronous {@link #deleteBusinessSystem}. */
  public CompletableFuture<Void> deleteBusinessSystemAsync(String custSpaceId, String businessSystemId) {
    return executeAsync(deleteBusinessSystemCall(custSpaceId, businessSystemId));
  }

  private ApiCall<Void> deleteBusinessSystemCall(String custSpaceId, String businessSystemId) {
    Map<String, String> params = params("CustSpaceId", Validation.id("CustSpaceId", custSpaceId));
    params.put("BusinessSystemId", Validation.id("BusinessSystemId", businessSystemId));
    return ApiCall.of(endpoint, "DeleteBusinessSystem", params, true, Replies.NOTHING);
  }

  /** {@code ListBusinessSystems}: the channel's business systems (signature tokens only as a 4-character hint). */
  public List<BusinessSystem> listBusinessSystems(String custSpaceId) {
    return execute(listBusinessSystemsCall(custSpaceId));
  }

  /** Asynchronous {@link #listBusinessSystems}. */
  public CompletableFuture<List<BusinessSystem>> listBusinessSystemsAsync(String custSpaceId) {
    return executeAsync(listBusinessSystemsCall(custSpaceId));
  }

  private ApiCall<List<BusinessSystem>> listBusinessSystemsCall(String custSpaceId) {
    Map<String, String> params = params("CustSpaceId", Validation.id("CustSpaceId", custSpaceId));
    return ApiCall.of(endpoint, "ListBusinessSystems", params, true, Replies.BUSINESS_SYSTEMS);
  }

  /**
   * {@code RefreshBusinessSystemSignature}: issues a new signature token; the old one stays valid for a grace
   * period (24 h by default). Not idempotent: each call rotates again.
   */
  public RefreshedSignature refreshBusinessSystemSignature(String custSpaceId, String businessSystemId) {
    return execute(refreshCall(custSpaceId, businessSystemId));
  }

  /** Asynchronous {@link #refreshBusinessSystemSignature}. */
  public CompletableFuture<RefreshedSignature> refreshBusinessSystemSignatureAsync(String custSpaceId,
      String businessSystemId) {
    return executeAsync(refreshCall(custSpaceId, businessSystemId));
  }

  private ApiCall<RefreshedSignature> refreshCall(String custSpaceId, String businessSystemId) {
    Map<String, String> params = params("CustSpaceId", Validation.id("CustSpaceId", custSpaceId));
    params.put("BusinessSystemId", Validation.id("BusinessSystemId", businessSystemId));
    return ApiCall.of(endpoint, "RefreshBusinessSystemSignature", params, false, Replies.REFRESHED_SIGNATURE);
  }

  // ---- Intents ----------------------------------------------------------------------------------------------

  /**
   * {@code CreateIntent}. Not idempotent: a repeat after a lost reply fails with
   * {@link CamsApiException.Kind#ALREADY_EXISTS}.
   */
  public void createIntent(CreateIntentRequest request) {
    execute(createIntentCall(request));
  }

  /** Asynchronous {@link #createIntent}. */
  public CompletableFuture<Void> createIntentAsync(CreateIntentRequest request) {
    return executeAsync(createIntentCall(request));
  }

  private ApiCall<Void> createIntentCall(CreateIntentRequest request) {
    Objects.requireNonNull(request, "request");
    Map<String, String> params = params("CustSpaceId", request.custSpaceId());
    params.put("BusinessSystemId", request.businessSystemId());
    params.put("IntentCode", request.intentCode());
    params.put("IntentName", request.intentName());
    params.put("DefaultIntentData", request.defaultIntentData().toJson());
    return ApiCall.of(endpoint, "CreateIntent", params, false, Replies.NOTHING);
  }

  /** {@code ModifyIntent}: changes the name or the default data. Idempotent. */
  public void modifyIntent(ModifyIntentRequest request) {
    execute(modifyIntentCall(request));
  }

  /** Asynchronous {@link #modifyIntent}. */
  public CompletableFuture<Void> modifyIntentAsync(ModifyIntentRequest request) {
    return executeAsync(modifyIntentCall(request));
  }

  private ApiCall<Void> modifyIntentCall(ModifyIntentRequest request) {
    Objects.requireNonNull(request, "request");
    Map<String, String> params = params("CustSpaceId", request.custSpaceId());
    params.put("BusinessSystemId", request.businessSystemId());
    params.put("IntentCode", request.intentCode());
    params.put("IntentName", request.intentName());
    params.put("DefaultIntentData", request.defaultIntentData() == null ? null : request.defaultIntentData().toJson());
    return ApiCall.of(endpoint, "ModifyIntent", params, true, Replies.NOTHING);
  }

  /** {@code DeleteIntent}. Idempotent. */
  public void deleteIntent(String custSpaceId, String businessSystemId, String intentCode) {
    execute(deleteIntentCall(custSpaceId, businessSystemId, intentCode));
  }

  /** Asynchronous {@link #deleteIntent}. */
  public CompletableFuture<Void> deleteIntentAsync(String custSpaceId, String businessSystemId, String intentCode) {
    return executeAsync(deleteIntentCall(custSpaceId, businessSystemId, intentCode));
  }

  private ApiCall<Void> deleteIntentCall(String custSpaceId, String businessSystemId, String intentCode) {
    Map<String, String> params = params("CustSpaceId", Validation.id("CustSpaceId", custSpaceId));
    params.put("BusinessSystemId", Validation.id("BusinessSystemId", businessSystemId));
    params.put("IntentCode", Validation.intentCode(intentCode));
    return ApiCall.of(endpoint, "DeleteIntent", params, true, Replies.NOTHING);
  }

  /**
   * {@code ListIntents}: one page.
   *
   * @param pageIndex the page, from 1
   * @param pageSize 1-100 (the platform's default is 20)
   */
  public IntentPage listIntents(String custSpaceId, String businessSystemId, int pageIndex, int pageSize) {
    return execute(listIntentsCall(custSpaceId, businessSystemId, pageIndex, pageSize));
  }

  /** Asynchronous {@link #listIntents}. */
  public CompletableFuture<IntentPage> listIntentsAsync(String custSpaceId, String businessSystemId, int pageIndex,
      int pageSize) {
    return executeAsync(listIntentsCall(custSpaceId, businessSystemId, pageIndex, pageSize));
  }

  private ApiCall<IntentPage> listIntentsCall(String custSpaceId, String businessSystemId, int pageIndex,
      int pageSize) {
    Map<String, String> params = params("CustSpaceId", Validation.id("CustSpaceId", custSpaceId));
    params.put("BusinessSystemId", Validation.id("BusinessSystemId", businessSystemId));
    params.put("PageIndex", Integer.toString(Validation.pageIndex(pageIndex)));
    params.put("PageSize", Integer.toString(Validation.pageSize(pageSize)));
    return ApiCall.of(endpoint, "ListIntents", params, true, Replies.intentPage(pageIndex, pageSize));
  }

  /**
   * All intents of a business system, fetched lazily page by page (100 per page) as the iterator advances. Each
   * page is one synchronous {@code ListIntents} call; failures surface from {@code hasNext()}/{@code next()}.
   */
  public Iterator<Intent> iterateIntents(String custSpaceId, String businessSystemId) {
    Validation.id("CustSpaceId", custSpaceId);
    Validation.id("BusinessSystemId", businessSystemId);
    return new PageIterator<>(pageIndex -> {
      IntentPage page = listIntents(custSpaceId, businessSystemId, pageIndex, PAGE_SIZE_FOR_ITERATION);
      return new Page<>(page.intents(), page.hasNext());
    });
  }

  /**
   * All intents of a business system as a sequential stream, fetched lazily page by page.
   *
   * <pre>{@code
   * List<String> codes = client.streamIntents(space, systemId).map(Intent::intentCode).toList();
   * }</pre>
   */
  public Stream<Intent> streamIntents(String custSpaceId, String businessSystemId) {
    return stream(iterateIntents(custSpaceId, businessSystemId));
  }

  /** One fetched page as {@link PageIterator} needs it: its items and whether another page follows. */
  private record Page<T>(List<T> items, boolean hasNext) {}

  /**
   * The items of pages 1, 2, … of a listing, each page fetched by {@code fetch} (one synchronous call, given the
   * page index) only when the previous one is used up; failures surface from {@code hasNext()}/{@code next()}.
   */
  private static final class PageIterator<T> implements Iterator<T> {
    private final IntFunction<Page<T>> fetch;
    private Iterator<T> current = List.<T>of().iterator();
    private int nextPage = 1;
    private boolean more = true;

    PageIterator(IntFunction<Page<T>> fetch) {
      this.fetch = fetch;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext() && more) {
        Page<T> page = fetch.apply(nextPage++);
        current = page.items().iterator();
        more = page.hasNext();
      }
      return current.hasNext();
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }
  }

  private static <T> Stream<T> stream(Iterator<T> iterator) {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  // ---- Service settings -------------------------------------------------------------------------------------

  /** {@code GetServiceSettings}: the channel type, SMS activation and OTP scheduling. */
  public ServiceSettings getServiceSettings(String custSpaceId) {
    return execute(getServiceSettingsCall(custSpaceId));
  }

  /** Asynchronous {@link #getServiceSettings}. */
  public CompletableFuture<ServiceSettings> getServiceSettingsAsync(String custSpaceId) {
    return executeAsync(getServiceSettingsCall(custSpaceId));
  }

  private ApiCall<ServiceSettings> getServiceSettingsCall(String custSpaceId) {
    Map<String, String> params = params("CustSpaceId", Validation.id("CustSpaceId", custSpaceId));
    return ApiCall.of(endpoint, "GetServiceSettings", params, true, Replies.SERVICE_SETTINGS);
  }

  /** {@code ModifySmsActivation}: activates SMS (needed for SMS fallback) or deactivates it. Idempotent. */
  public void modifySmsActivation(String custSpaceId, boolean activated) {
    execute(modifySmsActivationCall(custSpaceId, activated));
  }

  /** Asynchronous {@link #modifySmsActivation}. */
  public CompletableFuture<Void> modifySmsActivationAsync(String custSpaceId, boolean activated) {
    return executeAsync(modifySmsActivationCall(custSpaceId, activated));
  }

  private ApiCall<Void> modifySmsActivationCall(String custSpaceId, boolean activated) {
    Map<String, String> params = params("CustSpaceId", Validation.id("CustSpaceId", custSpaceId));
    params.put("Activated", Boolean.toString(activated));
    return ApiCall.of(endpoint, "ModifySmsActivation", params, true, Replies.NOTHING);
  }

  /**
   * {@code ModifyOtpScheduling}: WhatsApp channels only (others fail with
   * {@link CamsApiException.Kind#NOT_SUPPORTED}). Idempotent.
   *
   * @throws CamsValidationException when a country is not an ISO 3166-1 alpha-2 code, is repeated, or none is
   *     given while enabled
   */
  public void modifyOtpScheduling(String custSpaceId, OtpScheduling scheduling) {
    execute(modifyOtpSchedulingCall(custSpaceId, scheduling));
  }

  /** Asynchronous {@link #modifyOtpScheduling}. */
  public CompletableFuture<Void> modifyOtpSchedulingAsync(String custSpaceId, OtpScheduling scheduling) {
    return executeAsync(modifyOtpSchedulingCall(custSpaceId, scheduling));
  }

  private ApiCall<Void> modifyOtpSchedulingCall(String custSpaceId, OtpScheduling scheduling) {
    Map<String, String> params = params("CustSpaceId", Validation.id("CustSpaceId", custSpaceId));
    Objects.requireNonNull(scheduling, "scheduling");
    Validation.otpScheduling(scheduling);
    params.put("Enabled", Boolean.toString(scheduling.enabled()));
    params.put("Countries", Replies.countriesJson(scheduling.countries()));
    params.put("UseOwnNumbers", Boolean.toString(scheduling.useOwnNumbers()));
    return ApiCall.of(endpoint, "ModifyOtpScheduling", params, true, Replies.NOTHING);
  }

  // ---- Receipt webhooks (documented actions) ----------------------------------------------------------------

  /**
   * {@code UpdateAccountWebhook}: where the channel's status receipts are pushed ({@code StatusCallbackUrl}) and
   * how ({@code HttpFlag}, {@code QueueFlag}). Idempotent.
   */
  public void updateAccountWebhook(UpdateAccountWebhookRequest request) {
    execute(updateAccountWebhookCall(request));
  }

  /** Asynchronous {@link #updateAccountWebhook}. */
  public CompletableFuture<Void> updateAccountWebhookAsync(UpdateAccountWebhookRequest request) {
    return executeAsync(updateAccountWebhookCall(request));
  }

  private ApiCall<Void> updateAccountWebhookCall(UpdateAccountWebhookRequest request) {
    Objects.requireNonNull(request, "request");
    Map<String, String> params = params("CustSpaceId", request.custSpaceId());
    params.put("HttpFlag", Replies.flag(request.httpCallbacks()));
    params.put("QueueFlag", Replies.flag(request.queueCallbacks()));
    params.put("StatusCallbackUrl", request.statusCallbackUrl());
    return ApiCall.of(endpoint, "UpdateAccountWebhook", params, true, Replies.NOTHING);
  }

  /**
   * {@code UpdatePhoneWebhook}: where one number's status receipts ({@code StatusCallbackUrl}) and inbound
   * messages ({@code UpCallbackUrl}) are pushed, and how. Idempotent.
   */
  public void updatePhoneWebhook(UpdatePhoneWebhookRequest request) {
    execute(updatePhoneWebhookCall(request));
  }

  /** Asynchronous {@link #updatePhoneWebhook}. */
  public CompletableFuture<Void> updatePhoneWebhookAsync(UpdatePhoneWebhookRequest request) {
    return executeAsync(updatePhoneWebhookCall(request));
  }

  private ApiCall<Void> updatePhoneWebhookCall(UpdatePhoneWebhookRequest request) {
    Objects.requireNonNull(request, "request");
    Map<String, String> params = params("CustSpaceId", request.custSpaceId());
    params.put("PhoneNumber", request.phoneNumber());
    params.put("HttpFlag", Replies.flag(request.httpCallbacks()));
    params.put("QueueFlag", Replies.flag(request.queueCallbacks()));
    params.put("StatusCallbackUrl", request.statusCallbackUrl());
    params.put("UpCallbackUrl", request.upCallbackUrl());
    return ApiCall.of(endpoint, "UpdatePhoneWebhook", params, true, Replies.NOTHING);
  }

  // ---- Templates (documented actions) -----------------------------------------------------------------------

  /** {@code ListChatappTemplate}: one page of the channel's templates (without components). */
  public TemplatePage listTemplates(ListChatappTemplateRequest request) {
    return execute(listTemplatesCall(request));
  }

  /** Asynchronous {@link #listTemplates}. */
  public CompletableFuture<TemplatePage> listTemplatesAsync(ListChatappTemplateRequest request) {
    return executeAsync(listTemplatesCall(request));
  }

  private ApiCall<TemplatePage> listTemplatesCall(ListChatappTemplateRequest request) {
    Objects.requireNonNull(request, "request");
    Map<String, String> params = params("CustSpaceId", request.custSpaceId());
    params.put("Name", request.name());
    params.put("Code", request.templateCode());
    params.put("Language", request.language());
    params.put("AuditStatus", request.auditStatus());
    params.put("TemplateType", request.templateType());
    // Page is a structure, sent as one JSON-valued parameter like the official SDKs do.
    params.put("Page", "{\"Index\":" + request.pageIndex() + ",\"Size\":" + request.pageSize() + "}");
    return ApiCall.of(endpoint, "ListChatappTemplate", params, true,
        Replies.templatePage(request.pageIndex(), request.pageSize()));
  }

  /**
   * Every template matching {@code request}'s filters, fetched lazily page by page (from page 1, at
   * {@code request}'s page size) as the stream advances.
   */
  public Stream<TemplateSummary> streamTemplates(ListChatappTemplateRequest request) {
    Objects.requireNonNull(request, "request");
    return stream(new PageIterator<>(pageIndex -> {
      TemplatePage page = listTemplates(request.withPage(pageIndex));
      return new Page<>(page.templates(), page.hasNext());
    }));
  }

  /** {@code GetChatappTemplateDetail}: one template in one language, with its components and buttons. */
  public TemplateDetail getTemplateDetail(GetChatappTemplateDetailRequest request) {
    return execute(getTemplateDetailCall(request));
  }

  /** Asynchronous {@link #getTemplateDetail}. */
  public CompletableFuture<TemplateDetail> getTemplateDetailAsync(GetChatappTemplateDetailRequest request) {
    return executeAsync(getTemplateDetailCall(request));
  }

  private ApiCall<TemplateDetail> getTemplateDetailCall(GetChatappTemplateDetailRequest request) {
    Objects.requireNonNull(request, "request");
    Map<String, String> params = params("CustSpaceId", request.custSpaceId());
    params.put("TemplateCode", request.templateCode());
    params.put("Language", request.language());
    params.put("TemplateType", request.templateType());
    return ApiCall.of(endpoint, "GetChatappTemplateDetail", params, true, Replies.TEMPLATE_DETAIL);
  }

  private static Map<String, String> params(String key, String value) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put(key, value);
    return params;
  }

  // ---- Sending ----------------------------------------------------------------------------------------------

  private Request request(ApiCall<?> call) {
    return new Request.Builder()
        .url(call.url())
        .post(emptyBody)
        .header("x-acs-action", call.action())
        .header("x-acs-version", API_VERSION)
        .header("Accept", "application/json")
        .header("User-Agent", userAgent)
        .tag(Credentials.class, Objects.requireNonNull(credentials.credentials(), "credentials()"))
        .build();
  }

  private <T> T execute(ApiCall<T> call) {
    Attempts<T> attempts = new BlockingAttempts<>(call);
    attempts.begin();
    // The blocking driver runs every attempt and wait on this thread: the future is done when begin() returns.
    try {
      return attempts.future.getNow(null);
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw e;
    }
  }

  private <T> CompletableFuture<T> executeAsync(ApiCall<T> call) {
    Attempts<T> attempts = new EnqueuedAttempts<>(call);
    attempts.begin();
    return attempts.future;
  }

  /**
   * The one retry loop of a call, for both the blocking and the asynchronous methods: each attempt is a new OkHttp
   * call (so signed anew, with a fresh date and nonce), and only {@link #settle} decides, by the
   * {@link RetryPolicy} and the action's idempotency, whether another follows. OkHttp itself never repeats a request
   * ({@code retryOnConnectionFailure} is off), so a non-idempotent action reaches the platform at most once per
   * attempt the policy allows. Subclasses only say how an attempt is sent and how the pause is waited.
   */
  private abstract class Attempts<T> {
    final CompletableFuture<T> future = new CompletableFuture<>();
    final ApiCall<T> call;
    private final long start = clock.millis();
    private final List<Exception> earlier = new ArrayList<>();
    volatile int attempt;

    Attempts(ApiCall<T> call) {
      this.call = call;
    }

    final void begin() {
      attempt = 1;
      sendGuarded();
    }

    final void sendGuarded() {
      if (future.isDone()) {
        return;
      }
      try {
        send(request(call));
      } catch (RuntimeException e) {
        future.completeExceptionally(e);
      }
    }

    /** Sends one attempt, then calls {@link #replied} or {@link #settle}. */
    abstract void send(Request request);

    /** Waits {@code millis}, then calls {@link #next}; or calls {@link #settle} with the reason it cannot. */
    abstract void pause(long millis);

    final void replied(Response response, boolean canceled) {
      try (response) {
        future.complete(read(call, response));
      } catch (CamsApiException e) {
        settle(e, false);
      } catch (IOException e) {
        settle(e, canceled);
      } catch (RuntimeException e) {
        future.completeExceptionally(e);
      }
    }

    final void settle(Exception failure, boolean canceled) {
      long delay = canceled || future.isDone() || Thread.currentThread().isInterrupted()
          ? -1 : retryDelay(call, attempt, failure, start);
      if (delay < 0) {
        future.completeExceptionally(finalFailure(call, attempt, failure, earlier));
        return;
      }
      earlier.add(failure);
      pause(delay);
    }

    final void gaveUpWaiting(IOException why) {
      future.completeExceptionally(finalFailure(call, attempt, why, earlier));
    }

    final void next() {
      attempt++;
      sendGuarded();
    }
  }

  /** Runs each attempt with {@code execute()} and waits with the {@link Sleeper}, all on the calling thread. */
  private final class BlockingAttempts<T> extends Attempts<T> {
    BlockingAttempts(ApiCall<T> call) {
      super(call);
    }

    @Override
    void send(Request request) {
      Response response;
      try {
        response = http.newCall(request).execute();
      } catch (IOException e) {
        settle(e, false);
        return;
      }
      replied(response, false);
    }

    @Override
    void pause(long millis) {
      try {
        sleeper.sleep(Duration.ofMillis(millis));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        gaveUpWaiting(new InterruptedIOException("interrupted while waiting to retry"));
        return;
      }
      next();
    }
  }

  /** Enqueues each attempt on OkHttp's dispatcher and schedules each retry: no thread is blocked per call. */
  private final class EnqueuedAttempts<T> extends Attempts<T> implements Callback {
    private volatile Call current;

    EnqueuedAttempts(ApiCall<T> call) {
      super(call);
      future.whenComplete((value, failure) -> {
        Call running = current;
        if (future.isCancelled() && running != null) {
          running.cancel();
        }
      });
    }

    @Override
    void send(Request request) {
      Call next = http.newCall(request);
      current = next;
      next.enqueue(this);
    }

    @Override
    void pause(long millis) {
      try {
        scheduler.schedule(this::next, millis, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        gaveUpWaiting(new InterruptedIOException("the retry scheduler refused the next attempt"));
      }
    }

    @Override
    public void onFailure(Call failed, IOException e) {
      settle(e, failed.isCanceled());
    }

    @Override
    public void onResponse(Call done, Response response) {
      replied(response, done.isCanceled());
    }
  }

  private <T> T read(ApiCall<T> call, Response response) throws IOException {
    ResponseBody body = response.body();
    byte[] bytes = body.source().request(MAX_REPLY_BYTES + 1)
        ? null : body.bytes();
    int status = response.code();
    if (bytes == null) {
      throw new CamsApiException(call.action(), status, "MalformedResponse", "reply larger than 4 MiB",
          response.header("x-acs-request-id"), null, null);
    }
    Replies.Envelope envelope = Replies.envelope(bytes);
    String requestId = envelope == null ? null : envelope.requestId();
    if (requestId == null) {
      requestId = response.header("x-acs-request-id");
    }
    if (response.isSuccessful() && envelope != null && envelope.succeeded()) {
      try {
        return call.parser().parse(envelope);
      } catch (Replies.MalformedReplyException e) {
        throw new CamsApiException(call.action(), status, "MalformedResponse", e.getMessage(), requestId, null,
            null);
      }
    }
    if (envelope == null && response.isSuccessful()) {
      throw new CamsApiException(call.action(), status, "MalformedResponse",
          "the reply is not the API's JSON envelope", requestId, null, null);
    }
    if (envelope == null) {
      throw new CamsApiException(call.action(), status, null, null, requestId, null, retryAfter(response));
    }
    String code = envelope.code();
    if (code == null && response.isSuccessful()) {
      code = "Unsuccessful"; // Success: false without a code
    }
    throw new CamsApiException(call.action(), status, code, envelope.message(), requestId,
        envelope.accessDeniedDetail(), retryAfter(response));
  }

  /** {@code Retry-After} as delta-seconds or an HTTP date; {@code null} when absent or unreadable. */
  private Duration retryAfter(Response response) {
    String value = response.header("Retry-After");
    if (value == null) {
      return null;
    }
    try {
      long seconds = Long.parseLong(value.trim());
      return seconds < 0 ? null : Duration.ofSeconds(seconds);
    } catch (NumberFormatException notSeconds) {
      Date date = response.headers().getDate("Retry-After");
      if (date == null) {
        return null;
      }
      Duration until = Duration.between(Instant.ofEpochMilli(clock.millis()), date.toInstant());
      return until.isNegative() ? Duration.ZERO : until;
    }
  }

  /** Milliseconds to wait before the next attempt, or -1 to give up. */
  long retryDelay(ApiCall<?> call, int attempt, Exception failure, long start) {
    if (attempt >= retryPolicy.maxAttempts() || !retryable(call, failure)) {
      return -1;
    }
    Duration requested = failure instanceof CamsApiException api ? api.retryAfter().orElse(null) : null;
    long delay = requested != null ? requested.toMillis() : retryPolicy.backoffMillis(attempt, random.nextDouble());
    long elapsedAtNextAttempt = clock.millis() - start + delay;
    return elapsedAtNextAttempt > retryPolicy.maxElapsed().toMillis() ? -1 : delay;
  }

  /**
   * Whether repeating is safe and useful. Throttling (HTTP 429, {@code Throttling}, {@code System.LimitControl})
   * means the platform refused before acting, so even a create is repeated; a 503 or a lost reply is repeated only
   * for idempotent actions; a connection that could not be opened is always safe. Permission, authentication and
   * parameter failures are never repeated.
   */
  private static boolean retryable(ApiCall<?> call, Exception failure) {
    if (failure instanceof CamsApiException api) {
      boolean throttled = api.httpStatus() == 429 || api.kind() == CamsApiException.Kind.THROTTLED;
      boolean unavailable = api.httpStatus() == 503;
      return throttled || (unavailable && call.idempotent());
    }
    if (failure instanceof InterruptedIOException && !(failure instanceof java.net.SocketTimeoutException)) {
      // OkHttp's call timeout and interruption: retry only what is safe to repeat.
      return call.idempotent() && !Thread.currentThread().isInterrupted();
    }
    return call.idempotent() || failure instanceof ConnectException;
  }

  private static RuntimeException finalFailure(ApiCall<?> call, int attempts, Exception failure,
      List<Exception> earlier) {
    RuntimeException thrown = failure instanceof CamsApiException api
        ? api
        : new CamsTransportException(call.action(), attempts, (IOException) failure);
    for (Exception e : earlier) {
      if (e != thrown) {
        thrown.addSuppressed(e);
      }
    }
    return thrown;
  }

  @Override
  public String toString() {
    // The provider's own toString() could print a secret: only its type is shown.
    String provider = credentials instanceof StaticCredentialsProvider
        ? credentials.toString() : credentials.getClass().getSimpleName();
    return "CamsManagementClient[endpoint=" + endpointUri + ", credentials=" + provider + ", retryPolicy="
        + retryPolicy + "]";
  }

  /**
   * Configures a {@link CamsManagementClient}. Setters check their argument at once, naming it; not thread-safe.
   */
  public static final class Builder {
    private HttpUrl endpoint = HttpUrl.get(DEFAULT_ENDPOINT);
    private CredentialsProvider credentials;
    private OkHttpClient okHttpClient;
    private boolean sharedFromParent;
    private Duration connectTimeout;
    private Duration readTimeout;
    private Duration callTimeout;
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Clock clock = Clock.systemUTC();
    private Supplier<String> nonces;
    private Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());
    private RandomGenerator random = RandomGenerator.getDefault();
    private ScheduledExecutorService scheduler;

    private Builder() {}

    private Builder copy() {
      Builder copy = new Builder();
      copy.endpoint = endpoint;
      copy.credentials = credentials;
      copy.okHttpClient = okHttpClient;
      copy.sharedFromParent = sharedFromParent;
      copy.connectTimeout = connectTimeout;
      copy.readTimeout = readTimeout;
      copy.callTimeout = callTimeout;
      copy.retryPolicy = retryPolicy;
      copy.clock = clock;
      copy.nonces = nonces;
      copy.sleeper = sleeper;
      copy.random = random;
      copy.scheduler = scheduler;
      return copy;
    }

    /**
     * The OpenAPI endpoint, default {@value CamsManagementClient#DEFAULT_ENDPOINT}. Must be {@code https}, except for loopback
     * hosts (an emulator on {@code http://127.0.0.1:port}); its path must be {@code /}.
     */
    public Builder endpoint(String endpoint) {
      Objects.requireNonNull(endpoint, "endpoint");
      HttpUrl url = HttpUrl.parse(endpoint);
      if (url == null) {
        throw new IllegalArgumentException("endpoint must be an absolute http(s) URL but was '" + endpoint + "'");
      }
      if (!url.isHttps() && !ApiUrlRule.isLoopback(url.host())) {
        throw new IllegalArgumentException("endpoint must use https (http only for loopback hosts) but was '"
            + endpoint + "'");
      }
      if (!url.encodedPath().equals("/") || url.encodedQuery() != null) {
        throw new IllegalArgumentException("endpoint must have no path or query but was '" + endpoint + "'");
      }
      this.endpoint = url;
      return this;
    }

    /** Like {@link #endpoint(String)}. */
    public Builder endpoint(URI endpoint) {
      return endpoint(Objects.requireNonNull(endpoint, "endpoint").toString());
    }

    /** Sets the endpoint to {@code https://cams.<region>.aliyuncs.com}, such as region {@code ap-southeast-1}. */
    public Builder region(String region) {
      Objects.requireNonNull(region, "region");
      if (!region.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
        throw new IllegalArgumentException("region must look like ap-southeast-1 but was '" + region + "'");
      }
      this.endpoint = HttpUrl.get("https://cams." + region + ".aliyuncs.com");
      return this;
    }

    /** Fixed credentials. */
    public Builder credentials(Credentials credentials) {
      this.credentials = CredentialsProvider.of(credentials);
      return this;
    }

    /** Credentials fetched per attempt, such as {@link CredentialsProvider#fromEnvironment()}. */
    public Builder credentialsProvider(CredentialsProvider provider) {
      this.credentials = Objects.requireNonNull(provider, "credentialsProvider");
      return this;
    }

    /**
     * The OkHttp client to derive from (with {@code newBuilder()}, so it keeps its proxy, interceptors, pools and
     * dispatcher). Its timeouts are kept unless set on this builder. Its {@code retryOnConnectionFailure} and
     * redirects are turned off for management calls: every repeat goes through the {@link RetryPolicy}. The only
     * OkHttp type in this API.
     */
    public Builder okHttpClient(OkHttpClient client) {
      this.okHttpClient = Objects.requireNonNull(client, "okHttpClient");
      this.sharedFromParent = false;
      return this;
    }

    /** Default {@link CamsManagementClient#DEFAULT_CONNECT_TIMEOUT}. */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive("connectTimeout", timeout);
      return this;
    }

    /** Default {@link CamsManagementClient#DEFAULT_READ_TIMEOUT}. */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive("readTimeout", timeout);
      return this;
    }

    /** Bounds one attempt from connect to the last byte; default {@link CamsManagementClient#DEFAULT_CALL_TIMEOUT}. */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = positive("callTimeout", timeout);
      return this;
    }

    /** Default {@link RetryPolicy#defaults()}; {@link RetryPolicy#none()} disables retries. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /** The clock for {@code x-acs-date} and the retry time budget; default {@link Clock#systemUTC()}. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The source of {@code x-acs-signature-nonce} values; default 32 random hex digits. Must be thread-safe. */
    public Builder nonceSupplier(Supplier<String> nonces) {
      this.nonces = Objects.requireNonNull(nonces, "nonceSupplier");
      return this;
    }

    /** Waits between synchronous attempts; default {@link Thread#sleep}. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** The randomness of backoff jitter; must be thread-safe. */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Schedules the retries of asynchronous calls (only the scheduling: attempts run on OkHttp's dispatcher).
     * Default: a single daemon thread, started on first use, ended when idle. A supplied executor is not shut
     * down by the client.
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * @throws io.camssdk.CamsConfigurationException when the OkHttp or Okio on the classpath is older than the
     *     client needs (import {@code cams-sdk-bom})
     * @throws NullPointerException when no credentials were configured
     */
    public CamsManagementClient build() {
      HttpStackCheck.requireCompatible();
      return new CamsManagementClient(this);
    }

    private static Duration positive(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive but was " + value);
      }
      return value;
    }
  }
}
