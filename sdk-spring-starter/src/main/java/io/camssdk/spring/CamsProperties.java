package io.camssdk.spring;

import io.camssdk.signature.SignatureScheme;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The {@code cams.*} properties. Values are checked when bound; an invalid one stops start-up with a failure
 * analysis naming the property (never its value). {@code toString()} leaves out tokens and secrets.
 *
 * <pre>
 * cams.signature.tokens=${CAMS_SIGNATURE_TOKENS}   # comma-separated; the first is current
 * cams.paths.intents=/cams/intents
 * cams.handler-budget=2s
 * </pre>
 *
 * <p>Rules that a builder of the SDK checks (the retention against the tolerance, the management endpoint and
 * region, timeouts) are left to that builder, whose failure the starter reports under the property's name.
 * Javadoc of the record components is plain text: it becomes the descriptions of the configuration metadata.
 *
 * @param signature How intent calls and signed pushes are verified.
 * @param bodyLimit The largest request body accepted; larger ones are answered 413 PayloadTooLarge.
 * @param paths The servlet paths of the endpoint.
 * @param duplicates How repeated request ids are recognised.
 * @param handlerBudget A handler slower than this is logged as a warning (the platform waits 3 seconds).
 * @param readDeadline How long a whole request body may take to arrive, on the servlet stack and on WebFlux alike;
 *     a slower sender is answered 408 RequestTimeout and its connection closed.
 * @param receipts How receipt pushes are accepted.
 * @param management The management API client, created when credentials are found.
 * @since 0.1
 */
@ConfigurationProperties("cams")
public record CamsProperties(
    @DefaultValue Signature signature,
    @DefaultValue("64KB") DataSize bodyLimit,
    @DefaultValue Paths paths,
    @DefaultValue Duplicates duplicates,
    @DefaultValue("2500ms") Duration handlerBudget,
    @DefaultValue("10s") Duration readDeadline,
    @DefaultValue Receipts receipts,
    @DefaultValue Management management) {

  public CamsProperties {
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(paths, "paths");
    Objects.requireNonNull(duplicates, "duplicates");
    Objects.requireNonNull(receipts, "receipts");
    Objects.requireNonNull(management, "management");
    if (bodyLimit == null || bodyLimit.toBytes() < 1 || bodyLimit.toBytes() > Integer.MAX_VALUE) {
      throw CamsConfigurationException.invalid("cams.body-limit", "must be between 1B and 2GB");
    }
    requirePositive(handlerBudget, "cams.handler-budget");
    requirePositive(readDeadline, "cams.read-deadline");
    // cams.duplicates.retention against cams.signature.tolerance: CamsEndpoint.Builder owns that rule.
  }

  /** The body limit in bytes. */
  public int bodyLimitBytes() {
    return (int) bodyLimit.toBytes();
  }

  static void requirePositive(Duration value, String property) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw CamsConfigurationException.invalid(property, "must be a positive duration");
    }
  }

  /**
   * Refuses a value that still holds a {@code ${...}} placeholder: Spring keeps a placeholder whose variable is
   * unset as literal text, which would otherwise become a token or a secret anyone can read in the configuration.
   */
  static void requireResolved(String value, String property) {
    if (value != null && value.contains("${")) {
      throw CamsConfigurationException.unresolved(property);
    }
  }

  /**
   * Signature verification.
   *
   * @param tokens The business system's active signature tokens, comma-separated in one property or in the
   *     environment variable CAMS_SIGNATURE_TOKENS. The first is current; later ones are accepted during a rotation.
   * @param scheme The signature scheme: v1 (HMAC over request id, timestamp and body) or token (the token itself
   *     is sent; no replay protection beyond the duplicate window).
   * @param tolerance How far a call's signing time may be from this machine's clock, either way.
   * @param tokenLocation With the token scheme, where a call carries the token: signature-header (X-Cams-Signature:
   *     token=...), bearer (Authorization: Bearer), header:NAME or query:NAME.
   * @param diagnose Log, for each rejected call, where a configured token (or an HMAC made with one) appears in it
   *     and the setting that would accept it; names only, never values. For the first calls from a new platform.
   */
  public record Signature(
      @DefaultValue List<String> tokens,
      @DefaultValue("v1") SignatureScheme scheme,
      @DefaultValue("300s") Duration tolerance,
      @DefaultValue("signature-header") String tokenLocation,
      @DefaultValue("false") boolean diagnose) {

    public Signature {
      tokens = tokens == null ? List.of() : tokens;
      for (int i = 0; i < tokens.size(); i++) {
        if (tokens.get(i) == null || tokens.get(i).isBlank()) {
          throw CamsConfigurationException.invalid("cams.signature.tokens[" + i + "]",
              "is empty (a stray comma in CAMS_SIGNATURE_TOKENS?)");
        }
        requireResolved(tokens.get(i), "cams.signature.tokens");
      }
      tokens = tokens.stream().map(String::strip).toList();
      Objects.requireNonNull(scheme, "scheme");
      requirePositive(tolerance, "cams.signature.tolerance");
    }

    @Override
    public String toString() {
      return "Signature{tokens=" + tokens.size() + ", scheme=" + scheme + ", tolerance=" + tolerance
          + ", tokenLocation=" + tokenLocation + ", diagnose=" + diagnose + "}";
    }
  }

  /**
   * Where the endpoint listens, relative to the servlet context path. Each path is exact (no wildcards).
   *
   * @param intents The API Request URL path for intent calls.
   * @param status The callback path for ChatAppStatus pushes (delivery receipts).
   * @param inbound The callback path for ChatAppInbound pushes (mobile-originated messages).
   * @param audit The callback path for ChatAppAudit pushes (template review and account notices).
   */
  public record Paths(
      @DefaultValue("/cams/intents") String intents,
      @DefaultValue("/cams/receipts/status") String status,
      @DefaultValue("/cams/receipts/inbound") String inbound,
      @DefaultValue("/cams/receipts/audit") String audit) {

    public Paths {
      Set<String> seen = new HashSet<>();
      String[][] all = {{"intents", intents}, {"status", status}, {"inbound", inbound}, {"audit", audit}};
      for (String[] entry : all) {
        String property = "cams.paths." + entry[0];
        String path = entry[1];
        if (path == null || !path.startsWith("/") || path.length() < 2 || path.contains("*")
            || path.chars().anyMatch(Character::isWhitespace)) {
          throw CamsConfigurationException.invalid(property,
              "must be an exact path starting with '/', without wildcards or spaces");
        }
        if (!seen.add(path)) {
          throw CamsConfigurationException.invalid(property, "must differ from the other cams.paths.*");
        }
      }
    }
  }

  /**
   * Repeated request ids.
   *
   * <pre>
   * cams.duplicates.store=jdbc                # memory (default), jdbc or redis: share jdbc/redis between instances
   * cams.duplicates.jdbc.create-table=true
   * cams.duplicates.lease=30s
   * </pre>
   *
   * @param retention How long a handled call's reply is kept and replayed for repeats; at least twice
   *     cams.signature.tolerance.
   * @param maxEntries How many replies the in-memory store keeps at most (oldest dropped first).
   * @param store Where claims and replies are kept: memory (one instance only), jdbc (the application's
   *     DataSource) or redis (the application's Lettuce client, or cams.duplicates.redis.uri). A DuplicateStore
   *     bean of the application's own wins.
   * @param lease How long a claim lasts when its instance dies before replying; a retry then runs the handler.
   *     Longer than the slowest handler, or a retry arriving after the lease runs a still-running handler twice.
   * @param jdbc Settings of the jdbc store.
   * @param redis Settings of the redis store.
   */
  public record Duplicates(
      @DefaultValue("24h") Duration retention,
      @DefaultValue("100000") int maxEntries,
      @DefaultValue("memory") StoreType store,
      @DefaultValue("30s") Duration lease,
      @DefaultValue Jdbc jdbc,
      @DefaultValue Redis redis) {

    public Duplicates {
      requirePositive(retention, "cams.duplicates.retention");
      if (maxEntries < 1) {
        throw CamsConfigurationException.invalid("cams.duplicates.max-entries", "must be at least 1");
      }
      Objects.requireNonNull(store, "store");
      requirePositive(lease, "cams.duplicates.lease");
      Objects.requireNonNull(jdbc, "jdbc");
      Objects.requireNonNull(redis, "redis");
    }
  }

  /** Where the duplicate store keeps claims and replies. */
  public enum StoreType {
    /** This JVM's memory: one instance only (the default). */
    MEMORY,
    /** A table in the application's relational database (DataSource): PostgreSQL, MySQL/MariaDB, H2. */
    JDBC,
    /** Redis, through Lettuce (io.camssdk:cams-sdk-redis). */
    REDIS
  }

  /**
   * The {@code jdbc} duplicate store, on the application's {@code DataSource}.
   *
   * @param table The table's name, optionally schema-qualified.
   * @param createTable Whether to create the table and its index at start-up when missing (else run the DDL
   *     with your migrations; see JdbcDuplicateStore.ddl).
   * @param timeout The most each statement may take (100 ms to 2.5 s; the platform waits 3 s).
   * @param purgeInterval How often expired rows are deleted, from one daemon thread closed with the context; 0
   *     turns purging off (do it elsewhere).
   */
  public record Jdbc(
      @DefaultValue("cams_duplicates") String table,
      @DefaultValue("false") boolean createTable,
      @DefaultValue("1s") Duration timeout,
      @DefaultValue("1m") Duration purgeInterval) {

    public Jdbc {
      Objects.requireNonNull(table, "table");
      if (timeout == null || timeout.toMillis() < 100 || timeout.toMillis() > 2_500) {
        throw CamsConfigurationException.invalid("cams.duplicates.jdbc.timeout", "must be between 100ms and 2500ms");
      }
      if (purgeInterval == null || purgeInterval.isNegative()) {
        throw CamsConfigurationException.invalid("cams.duplicates.jdbc.purge-interval",
            "must be a positive duration, or 0 to turn purging off");
      }
    }
  }

  /**
   * The {@code redis} duplicate store.
   *
   * @param uri A Redis to connect to (redis://host:6379, rediss://...); when unset, the Lettuce client of the
   *     application's Spring Data Redis LettuceConnectionFactory is used. Never logged.
   * @param keyPrefix The prefix of the store's keys; one per business system sharing a Redis.
   * @param timeout The most a call waits for Redis (50 ms to 2.5 s; the platform waits 3 s).
   */
  public record Redis(
      String uri,
      @DefaultValue("cams:dup:") String keyPrefix,
      @DefaultValue("500ms") Duration timeout) {

    public Redis {
      Objects.requireNonNull(keyPrefix, "keyPrefix");
      if (timeout == null || timeout.toMillis() < 50 || timeout.toMillis() > 2_500) {
        throw CamsConfigurationException.invalid("cams.duplicates.redis.timeout", "must be between 50ms and 2500ms");
      }
    }

    @Override
    public String toString() {
      return "Redis{uri=" + (uri == null ? "unset" : "***") + ", keyPrefix=" + keyPrefix + ", timeout=" + timeout
          + "}";
    }
  }

  /**
   * Receipt pushes.
   *
   * @param requireSignature Whether unsigned pushes are refused (401). By default they are accepted, as the
   *     platform documents no signature for them, and signed ones are verified.
   */
  public record Receipts(@DefaultValue("false") boolean requireSignature) {}

  /**
   * The management API client: a bean when {@code access-key-id} is set, when the environment has
   * {@code ALIBABA_CLOUD_ACCESS_KEY_ID}, or when Alibaba's {@code credentials-java} is on the class path (its
   * default chain then supplies the credentials). The endpoint, region and timeouts are checked by
   * {@code CamsManagementClient.Builder}.
   *
   * @param endpoint The OpenAPI endpoint (default https://cams.ap-southeast-1.aliyuncs.com, or the region's);
   *     plain http only for loopback hosts.
   * @param region The region id, e.g. ap-southeast-1; sets the endpoint to that region's when no endpoint is set.
   * @param accessKeyId The AccessKey id. When unset, ALIBABA_CLOUD_ACCESS_KEY_ID and its siblings are read, then
   *     Alibaba Cloud's default credential chain (with com.aliyun:credentials-java).
   * @param accessKeySecret The AccessKey secret (never logged).
   * @param securityToken The STS security token, when the key is temporary (never logged).
   * @param connectTimeout The connect timeout of one attempt.
   * @param readTimeout The read timeout of one attempt.
   * @param callTimeout The time limit of one whole call, retries included.
   * @param retries How failed calls are retried.
   */
  public record Management(
      URI endpoint,
      String region,
      String accessKeyId,
      String accessKeySecret,
      String securityToken,
      @DefaultValue("5s") Duration connectTimeout,
      @DefaultValue("10s") Duration readTimeout,
      @DefaultValue("30s") Duration callTimeout,
      @DefaultValue Retries retries) {

    public Management {
      Objects.requireNonNull(retries, "retries");
      requireResolved(accessKeyId, "cams.management.access-key-id");
      requireResolved(accessKeySecret, "cams.management.access-key-secret");
      requireResolved(securityToken, "cams.management.security-token");
      boolean secretSet = accessKeySecret != null && !accessKeySecret.isBlank();
      if ((accessKeyId == null || accessKeyId.isBlank()) && secretSet) {
        throw new CamsConfigurationException(
            "cams.management.access-key-secret is set but no cams.management.access-key-id is configured.",
            "Set cams.management.access-key-id (env CAMS_MANAGEMENT_ACCESSKEYID) too, or remove the secret.");
      }
      if (accessKeyId != null && !accessKeyId.isBlank() && (accessKeySecret == null || accessKeySecret.isBlank())) {
        throw new CamsConfigurationException(
            "cams.management.access-key-id is set but no cams.management.access-key-secret is configured.",
            "Set cams.management.access-key-secret (env CAMS_MANAGEMENT_ACCESSKEYSECRET), or remove "
                + "cams.management.access-key-id if the management client is not used.");
      }
    }

    /** Whether an AccessKey pair is configured in these properties. */
    public boolean enabled() {
      return accessKeyId != null && !accessKeyId.isBlank();
    }

    @Override
    public String toString() {
      return "Management{endpoint=" + endpoint + ", region=" + region + ", accessKeyId=" + accessKeyId
          + ", accessKeySecret=" + (accessKeySecret == null ? "unset" : "***") + ", securityToken="
          + (securityToken == null ? "unset" : "***") + ", connectTimeout=" + connectTimeout + ", readTimeout="
          + readTimeout + ", callTimeout=" + callTimeout + ", retries=" + retries + "}";
    }
  }

  /**
   * Retries of management calls (throttling, 5xx and network failures), with jittered backoff.
   *
   * @param enabled Whether failed calls are retried.
   * @param maxAttempts The attempts of one call at most, the first included (1 to 10).
   */
  public record Retries(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("3") int maxAttempts) {

    public Retries {
      if (maxAttempts < 1 || maxAttempts > 10) {
        throw CamsConfigurationException.invalid("cams.management.retries.max-attempts", "must be between 1 and 10");
      }
    }
  }
}
