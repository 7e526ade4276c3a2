package io.camssdk.signature;

import io.camssdk.CamsCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Verifies that a call comes from the platform: its request id, its timestamp within the tolerance, and a
 * signature entry that matches one of the active tokens over the exact body bytes.
 *
 * <p>Several tokens may be active at once (a rotation: the platform's old and new Signature); any entry that
 * matches any token passes, and {@link VerifiedSignature#tokenIndex()} says which token it was. Comparisons are
 * constant-time. Timestamps are rejected in <em>both</em> directions: older or newer than the tolerance.
 *
 * <p>Immutable and thread-safe: build one and share it.
 *
 * <pre>{@code
 * SignatureVerifier verifier = SignatureVerifier.builder()
 *     .tokens(List.of(newToken, oldToken))
 *     .tolerance(Duration.ofMinutes(5))
 *     .build();
 * VerifiedSignature verified = verifier.verify(requestId, timestamp, signatureHeader, body);
 * }</pre>
 *
 * @since 0.1
 */
public final class SignatureVerifier {
  /** The default tolerance between the signing time and this machine's clock: 300 seconds. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofSeconds(300);
  /** The most signature entries read from one header; more is treated as unparseable. */
  static final int MAX_ENTRIES = 8;
  /** A v1 signature is the Base64 of 32 bytes: 44 chars with padding. */
  private static final int V1_LENGTH = 44;
  private static final int MAX_REQUEST_ID = 128;
  private static final int MAX_TIMESTAMP_DIGITS = 12;

  private final SignatureTokens tokens;
  private final List<String> tokenList;
  private final Duration tolerance;
  private final long toleranceSeconds;
  private final Clock clock;
  private final SignatureScheme scheme;

  private SignatureVerifier(Builder builder) {
    this.tokenList = List.copyOf(builder.tokens);
    this.tokens = new SignatureTokens(tokenList);
    this.tolerance = builder.tolerance;
    this.toleranceSeconds = builder.tolerance.getSeconds();
    this.clock = builder.clock;
    this.scheme = builder.scheme;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this verifier's settings, to derive a variant (for example after a rotation). */
  public Builder newBuilder() {
    Builder builder = new Builder();
    builder.tokens = new ArrayList<>(tokenList);
    builder.tolerance = tolerance;
    builder.clock = clock;
    builder.scheme = scheme;
    return builder;
  }

  /**
   * Verifies one call.
   *
   * @param requestId the {@value CamsHeaders#REQUEST_ID} header, or {@code null} when absent
   * @param timestamp the {@value CamsHeaders#TIMESTAMP} header, or {@code null} when absent
   * @param signature the {@value CamsHeaders#SIGNATURE} header, or {@code null} when absent
   * @param body the raw body bytes exactly as received
   * @return which token matched
   * @throws SignatureVerificationException with code {@code MissingSignature}, {@code StaleTimestamp} or
   *     {@code InvalidSignature}, checked in that order
   */
  public VerifiedSignature verify(String requestId, String timestamp, String signature, byte[] body) {
    Objects.requireNonNull(body, "body");
    checkRequestId(requestId);
    if (scheme == SignatureScheme.TOKEN) {
      return verifyToken(signature);
    }
    // Offsets of the v1 entries' values in the header: nothing is copied.
    int[] entries = new int[MAX_ENTRIES];
    int entryCount = parseV1(signature, entries);
    checkTimestamp(timestamp);
    // The base string holds the header text exactly as sent (checked to be 1-12 ASCII digits).
    byte[] prefix = prefix(requestId, timestamp);
    for (int t = 0; t < tokens.size(); t++) {
      // Compared in encoded form: a decoder would accept non-canonical final characters as the same bytes.
      byte[] expected = Base64.getEncoder().encode(tokens.hmac(t, prefix, body));
      for (int e = 0; e < entryCount; e++) {
        if (constantTimeEquals(expected, signature, entries[e])) {
          return new VerifiedSignature(SignatureScheme.V1, t, tokens.fingerprint(t));
        }
      }
    }
    throw new SignatureVerificationException(CamsCode.INVALID_SIGNATURE, "no signature matches an active token");
  }

  /** The tolerance in either direction. */
  public Duration tolerance() {
    return tolerance;
  }

  /** The scheme this verifier accepts. */
  public SignatureScheme scheme() {
    return scheme;
  }

  /** The clock timestamps are checked against. */
  public Clock clock() {
    return clock;
  }

  /** How many tokens are active. */
  public int tokenCount() {
    return tokens.size();
  }

  /** SHA-256 fingerprints (8 hex digits) of the active tokens, in order: safe to log. */
  public List<String> tokenFingerprints() {
    return tokens.fingerprints();
  }

  /** Whether {@code requestId} is 1-128 chars of {@code [A-Za-z0-9._:-]}, as the contract requires. */
  public static boolean isValidRequestId(String requestId) {
    if (requestId == null || requestId.isEmpty() || requestId.length() > MAX_REQUEST_ID) {
      return false;
    }
    for (int i = 0; i < requestId.length(); i++) {
      char c = requestId.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == ':' || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static void checkRequestId(String requestId) {
    if (!isValidRequestId(requestId)) {
      throw new SignatureVerificationException(
          CamsCode.MISSING_SIGNATURE, CamsHeaders.REQUEST_ID + " header is missing or invalid");
    }
  }

  private VerifiedSignature verifyToken(String header) {
    if (header == null || !header.startsWith("token=") || header.length() == "token=".length()) {
      throw new SignatureVerificationException(
          CamsCode.MISSING_SIGNATURE, CamsHeaders.SIGNATURE + " header is missing or not a token entry");
    }
    // Digests of equal length are compared, so the time taken says nothing about the token's length.
    byte[] presented = SignatureTokens.sha256(header.substring("token=".length()).getBytes(StandardCharsets.UTF_8));
    for (int t = 0; t < tokens.size(); t++) {
      if (MessageDigest.isEqual(tokens.secretDigest(t), presented)) {
        return new VerifiedSignature(SignatureScheme.TOKEN, t, tokens.fingerprint(t));
      }
    }
    throw new SignatureVerificationException(CamsCode.INVALID_SIGNATURE, "the token matches no active token");
  }

  /**
   * Finds the v1 entries of {@code header} and writes where each value starts into {@code starts}.
   *
   * @return how many v1 entries there are (at least one)
   */
  private static int parseV1(String header, int[] starts) {
    if (header == null || header.isEmpty()) {
      throw missing("header is missing");
    }
    int count = 0;
    int v1Count = 0;
    int start = 0;
    int length = header.length();
    while (start < length) {
      int end = header.indexOf(' ', start);
      if (end < 0) {
        end = length;
      }
      if (end > start) {
        if (++count > MAX_ENTRIES) {
          throw missing("header has more than " + MAX_ENTRIES + " entries");
        }
        int eq = header.indexOf('=', start);
        if (eq < 0 || eq >= end) {
          throw missing("header has an entry without '='");
        }
        // Entries of other schemes are skipped: a future scheme must not break today's receivers.
        if (eq - start == 2 && header.startsWith("v1", start)) {
          if (end - eq - 1 != V1_LENGTH || !isPaddedBase64(header, eq + 1)) {
            throw missing("header has a v1 entry that is not a Base64 HMAC-SHA256");
          }
          starts[v1Count++] = eq + 1;
        }
      }
      start = end + 1;
    }
    if (v1Count == 0) {
      throw missing("header has no v1 entry");
    }
    return v1Count;
  }

  /** Whether the 44 chars from {@code offset} are 43 of the standard Base64 alphabet and {@code =}. */
  private static boolean isPaddedBase64(String header, int offset) {
    for (int i = 0; i < V1_LENGTH - 1; i++) {
      char c = header.charAt(offset + i);
      if (c >= 128 || !BASE64_ALPHABET[c]) {
        return false;
      }
    }
    return header.charAt(offset + V1_LENGTH - 1) == '=';
  }

  private static final boolean[] BASE64_ALPHABET = new boolean[128];

  static {
    for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray()) {
      BASE64_ALPHABET[c] = true;
    }
  }

  /** Whether the 44 chars of {@code header} from {@code offset} equal {@code expected}, in constant time. */
  private static boolean constantTimeEquals(byte[] expected, String header, int offset) {
    int difference = 0;
    for (int i = 0; i < V1_LENGTH; i++) {
      difference |= expected[i] ^ header.charAt(offset + i);
    }
    return difference == 0;
  }

  private static SignatureVerificationException missing(String problem) {
    return new SignatureVerificationException(CamsCode.MISSING_SIGNATURE, CamsHeaders.SIGNATURE + " " + problem);
  }

  private long checkTimestamp(String timestamp) {
    long signedAt = parseSeconds(timestamp);
    if (signedAt < 0) {
      throw new SignatureVerificationException(
          CamsCode.STALE_TIMESTAMP, CamsHeaders.TIMESTAMP + " header is missing or not a number of seconds");
    }
    long now = Math.floorDiv(clock.millis(), 1000L);
    if (Math.abs(now - signedAt) > toleranceSeconds) {
      throw new SignatureVerificationException(
          CamsCode.STALE_TIMESTAMP, CamsHeaders.TIMESTAMP + " is outside the tolerance of " + toleranceSeconds + " s");
    }
    return signedAt;
  }

  /** Decimal digits only, at most 12 of them; -1 when not so. */
  static long parseSeconds(String timestamp) {
    if (timestamp == null || timestamp.isEmpty() || timestamp.length() > MAX_TIMESTAMP_DIGITS) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < timestamp.length(); i++) {
      char c = timestamp.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** {@code <request id>.<timestamp>.} in ASCII; both were checked to be ASCII. */
  static byte[] prefix(String requestId, String ts) {
    byte[] prefix = new byte[requestId.length() + ts.length() + 2];
    int i = 0;
    for (int k = 0; k < requestId.length(); k++) {
      prefix[i++] = (byte) requestId.charAt(k);
    }
    prefix[i++] = '.';
    for (int k = 0; k < ts.length(); k++) {
      prefix[i++] = (byte) ts.charAt(k);
    }
    prefix[i] = '.';
    return prefix;
  }

  @Override
  public String toString() {
    return "SignatureVerifier{scheme=" + scheme + ", tokens=" + tokens.fingerprints()
        + ", tolerance=" + tolerance + "}";
  }

  /** Configures a {@link SignatureVerifier}. */
  public static final class Builder {
    private List<String> tokens = new ArrayList<>();
    private Duration tolerance = DEFAULT_TOLERANCE;
    private Clock clock = Clock.systemUTC();
    private SignatureScheme scheme = SignatureScheme.V1;

    private Builder() {}

    /** Replaces the active tokens; the first is the current one, later ones are accepted during a rotation. */
    public Builder tokens(List<String> tokens) {
      Objects.requireNonNull(tokens, "tokens");
      List<String> copy = new ArrayList<>(tokens.size());
      for (int i = 0; i < tokens.size(); i++) {
        String token = tokens.get(i);
        if (token == null || token.isBlank()) {
          throw new IllegalArgumentException("tokens[" + i + "] is empty");
        }
        copy.add(token.strip());
      }
      this.tokens = copy;
      return this;
    }

    /** Adds one active token. */
    public Builder token(String token) {
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException("token is empty");
      }
      tokens.add(token.strip());
      return this;
    }

    /** How far the signing time may be from this machine's clock, either way (default 300 s). */
    public Builder tolerance(Duration tolerance) {
      Objects.requireNonNull(tolerance, "tolerance");
      if (tolerance.isNegative() || tolerance.isZero()) {
        throw new IllegalArgumentException("tolerance must be positive but was " + tolerance);
      }
      this.tolerance = tolerance;
      return this;
    }

    /** The clock timestamps are checked against (default: the system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The scheme to accept (default {@link SignatureScheme#V1}). */
    public Builder scheme(SignatureScheme scheme) {
      this.scheme = Objects.requireNonNull(scheme, "scheme");
      return this;
    }

    /**
     * @throws IllegalArgumentException when no token is configured
     */
    public SignatureVerifier build() {
      if (tokens.isEmpty()) {
        throw new IllegalArgumentException(
            "tokens: at least one signature token is required (the Signature of the business system)");
      }
      return new SignatureVerifier(this);
    }
  }
}
