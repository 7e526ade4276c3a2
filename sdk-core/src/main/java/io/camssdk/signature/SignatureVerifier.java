package io.camssdk.signature;

import io.camssdk.CamsCode;
import io.camssdk.CamsConfigurationException;
import io.camssdk.receipt.ReceiptType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
  /** Tokens shorter than this are accepted with a warning: the platform does not document its token format. */
  static final int SHORT_TOKEN_LENGTH = 16;
  private static final Logger log = LoggerFactory.getLogger(SignatureVerifier.class);
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
  private final TokenLocation tokenLocation;
  /** What a v1 match with each token returns: immutable, so made once. */
  private final VerifiedSignature[] v1Verified;

  private SignatureVerifier(Builder builder) {
    this.tokenList = List.copyOf(builder.tokens);
    this.tokens = new SignatureTokens(tokenList);
    this.v1Verified = new VerifiedSignature[tokens.size()];
    for (int t = 0; t < v1Verified.length; t++) {
      v1Verified[t] = new VerifiedSignature(SignatureScheme.V1, t, tokens.fingerprint(t));
    }
    this.tolerance = builder.tolerance;
    this.toleranceSeconds = builder.tolerance.getSeconds();
    this.clock = builder.clock;
    this.scheme = builder.scheme;
    this.tokenLocation = builder.tokenLocation;
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
    builder.tokenLocation = tokenLocation;
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
    return verify(requestId, timestamp, signature, body, null);
  }

  /**
   * Verifies one receipt push of {@code type}. The {@code v1} base of a push also holds the push type
   * ({@code <request id>.<timestamp>.<type wire name>.<body>}), so a push signed for one callback path fails on
   * another, and never passes as an intent call.
   *
   * <pre>{@code
   * verifier.verifyReceipt(ReceiptType.STATUS, batchId, timestamp, signatureHeader, body);
   * }</pre>
   *
   * @throws SignatureVerificationException as {@link #verify}
   * @since 0.2
   */
  public VerifiedSignature verifyReceipt(
      ReceiptType type, String requestId, String timestamp, String signature, byte[] body) {
    return verify(requestId, timestamp, signature, body, Objects.requireNonNull(type, "type").wireName());
  }

  private VerifiedSignature verify(String requestId, String timestamp, String signature, byte[] body,
      String pushType) {
    Objects.requireNonNull(body, "body");
    checkRequestId(requestId);
    if (scheme == SignatureScheme.TOKEN) {
      return verifyToken(signature);
    }
    // This thread's MACs and buffers: a verification allocates nothing.
    SignatureTokens.Scratch scratch = tokens.scratch();
    // Offsets of the v1 entries' values in the header: nothing is copied.
    int[] entries = scratch.entries;
    int entryCount = parseV1(signature, entries);
    checkTimestamp(timestamp);
    // The base string holds the header text exactly as sent (checked to be 1-12 ASCII digits).
    int prefixLength = prefixLength(requestId, timestamp, pushType);
    if (prefixLength > scratch.prefix.length) {
      throw new IllegalStateException("prefix of " + prefixLength + " bytes"); // ids and timestamps are bounded
    }
    writePrefix(scratch.prefix, requestId, timestamp, pushType);
    for (int t = 0; t < tokens.size(); t++) {
      // Compared in encoded form: a decoder would accept non-canonical final characters as the same bytes.
      byte[] expected = scratch.encodedHmac(t, prefixLength, body);
      for (int e = 0; e < entryCount; e++) {
        if (constantTimeEquals(expected, signature, entries[e])) {
          return v1Verified[t];
        }
      }
    }
    throw new SignatureVerificationException(CamsCode.INVALID_SIGNATURE, "no signature matches an active token");
  }

  /** The tolerance in either direction. */
  public Duration tolerance() {
    return tolerance;
  }

  /**
   * Verifies a call of the {@link SignatureScheme#TOKEN token scheme} whose token was taken from
   * {@link #tokenLocation()} by the caller (an endpoint reads headers and query parameters; the verifier knows no
   * HTTP). The request-id rules apply; the token is compared in constant time with each active token.
   *
   * @param requestId the {@value CamsHeaders#REQUEST_ID} header, or {@code null} when absent
   * @param presentedToken the token as found, or {@code null} when absent or repeated
   * @throws SignatureVerificationException {@code MissingSignature} or {@code InvalidSignature}
   * @since 0.2
   */
  public VerifiedSignature verifyToken(String requestId, String presentedToken) {
    checkRequestId(requestId);
    if (presentedToken == null || presentedToken.isEmpty()) {
      throw new SignatureVerificationException(
          CamsCode.MISSING_SIGNATURE, "the token is missing from " + tokenLocation.describe());
    }
    return matchToken(presentedToken);
  }

  /** Where a call of the token scheme carries its token (default: {@link TokenLocation#signatureHeader()}). */
  public TokenLocation tokenLocation() {
    return tokenLocation;
  }

  /**
   * What {@code candidate} (a header value, query parameter or body string of a rejected call) is, for diagnosing
   * rejections: {@code "token #1"} when it is an active token as it is, {@code "a v1 HMAC made with token #1"} when it
   * contains that token's {@code v1} signature of this call, else {@code null}. It never returns a token or a
   * signature, and costs one HMAC per token: call it only for calls already rejected.
   *
   * @since 0.2
   */
  public String identifyCredential(String candidate, String requestId, String timestamp, byte[] body) {
    Objects.requireNonNull(candidate, "candidate");
    byte[] presented = SignatureTokens.sha256(candidate.getBytes(StandardCharsets.UTF_8));
    byte[] prefix = requestId != null && timestamp != null && isAscii(requestId) && isAscii(timestamp)
        ? prefix(requestId, timestamp, null) : null;
    for (int t = 0; t < tokens.size(); t++) {
      if (MessageDigest.isEqual(tokens.secretDigest(t), presented)) {
        return "token #" + t;
      }
      if (prefix != null && body != null && candidate.length() >= V1_LENGTH) {
        String expected = Base64.getEncoder().encodeToString(tokens.hmac(t, prefix, body));
        if (candidate.contains(expected)) {
          return "a v1 HMAC made with token #" + t;
        }
      }
    }
    return null;
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 128) {
        return false;
      }
    }
    return true;
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
    return matchToken(header.substring("token=".length()));
  }

  private VerifiedSignature matchToken(String token) {
    // Digests of equal length are compared, so the time taken says nothing about the token's length.
    byte[] presented = SignatureTokens.sha256(token.getBytes(StandardCharsets.UTF_8));
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

  /**
   * {@code <request id>.<timestamp>.} in ASCII, then {@code <push type>.} for a receipt push; all parts were checked
   * to be ASCII. The timestamp is digits only, so the push type cannot be confused with a shifted request id.
   */
  static byte[] prefix(String requestId, String ts, String pushType) {
    byte[] prefix = new byte[prefixLength(requestId, ts, pushType)];
    writePrefix(prefix, requestId, ts, pushType);
    return prefix;
  }

  private static int prefixLength(String requestId, String ts, String pushType) {
    return requestId.length() + ts.length() + 2 + (pushType == null ? 0 : pushType.length() + 1);
  }

  /** Writes {@link #prefix} into the start of {@code prefix}, which is long enough. */
  private static void writePrefix(byte[] prefix, String requestId, String ts, String pushType) {
    int i = 0;
    for (int k = 0; k < requestId.length(); k++) {
      prefix[i++] = (byte) requestId.charAt(k);
    }
    prefix[i++] = '.';
    for (int k = 0; k < ts.length(); k++) {
      prefix[i++] = (byte) ts.charAt(k);
    }
    prefix[i++] = '.';
    if (pushType != null) {
      for (int k = 0; k < pushType.length(); k++) {
        prefix[i++] = (byte) pushType.charAt(k);
      }
      prefix[i] = '.';
    }
  }

  @Override
  public String toString() {
    return "SignatureVerifier{scheme=" + scheme
        + (scheme == SignatureScheme.TOKEN ? ", tokenLocation=" + tokenLocation.describe() : "")
        + ", tokens=" + tokens.fingerprints()
        + ", tolerance=" + tolerance + "}";
  }

  /** Configures a {@link SignatureVerifier}. */
  public static final class Builder {
    private List<String> tokens = new ArrayList<>();
    private Duration tolerance = DEFAULT_TOLERANCE;
    private Clock clock = Clock.systemUTC();
    private SignatureScheme scheme = SignatureScheme.V1;
    private TokenLocation tokenLocation = TokenLocation.signatureHeader();

    private Builder() {}

    /**
     * Replaces the active tokens; the first is the current one, later ones are accepted during a rotation.
     * Surrounding whitespace is stripped; {@link #build()} refuses a token that is blank, still holds a
     * placeholder ({@code ${...}}), or contains whitespace or control characters.
     */
    public Builder tokens(List<String> tokens) {
      Objects.requireNonNull(tokens, "tokens");
      List<String> copy = new ArrayList<>(tokens.size());
      for (String token : tokens) {
        copy.add(token == null ? null : token.strip());
      }
      this.tokens = copy;
      return this;
    }

    /** Adds one active token (checked by {@link #build()} as in {@link #tokens}). */
    public Builder token(String token) {
      tokens.add(token == null ? null : token.strip());
      return this;
    }

    /** How far the signing time may be from this machine's clock, either way (default 300 s). */
    public Builder tolerance(Duration tolerance) {
      Objects.requireNonNull(tolerance, "tolerance");
      if (tolerance.isNegative() || tolerance.isZero()) {
        throw new CamsConfigurationException("tolerance", "must be positive",
            "set tolerance to the platform's clock skew allowance, such as 300 seconds (the default)");
      }
      this.tolerance = tolerance;
      return this;
    }

    /** The clock timestamps are checked against (default: the system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Where calls of the {@link SignatureScheme#TOKEN token scheme} carry the token (default
     * {@link TokenLocation#signatureHeader()}); only with {@code scheme(SignatureScheme.TOKEN)}.
     *
     * @since 0.2
     */
    public Builder tokenLocation(TokenLocation tokenLocation) {
      this.tokenLocation = Objects.requireNonNull(tokenLocation, "tokenLocation");
      return this;
    }

    /** The scheme to accept (default {@link SignatureScheme#V1}). */
    public Builder scheme(SignatureScheme scheme) {
      this.scheme = Objects.requireNonNull(scheme, "scheme");
      return this;
    }

    /**
     * @throws CamsConfigurationException when no token is configured, or a token is blank, still holds a
     *     placeholder ({@code ${...}}), or contains whitespace or control characters; the setting is named
     *     {@code tokens[<index>]}, and the token itself never appears in the exception
     */
    public SignatureVerifier build() {
      checkTokens(tokens);
      if (scheme != SignatureScheme.TOKEN && tokenLocation.kind() != TokenLocation.Kind.SIGNATURE_HEADER) {
        throw new CamsConfigurationException("tokenLocation", "only applies to the token scheme",
            "also set scheme(SignatureScheme.TOKEN), or remove tokenLocation to verify v1 signatures");
      }
      return new SignatureVerifier(this);
    }
  }

  /** The token rules, in one place; names a token by its index only, never by its value. */
  static void checkTokens(List<String> tokens) {
    if (tokens.isEmpty()) {
      throw new CamsConfigurationException("tokens", "must hold at least one signature token",
          "set the Signature of the business system (console: Service settings > business system)");
    }
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      String setting = "tokens[" + i + "]";
      if (token == null || token.isEmpty()) {
        throw new CamsConfigurationException(setting, "is empty",
            "set it to the Signature of the business system, or remove the entry");
      }
      if (token.contains("${")) {
        throw new CamsConfigurationException(setting, "holds an unresolved placeholder (${...})",
            "define the variable or property the placeholder names, so that the real token is configured");
      }
      for (int c = 0; c < token.length(); c++) {
        char ch = token.charAt(c);
        if (Character.isWhitespace(ch) || Character.isISOControl(ch) || Character.isSpaceChar(ch)) {
          throw new CamsConfigurationException(setting, "contains whitespace or a control character",
              "copy the Signature again from the console, without line breaks or spaces");
        }
      }
      if (token.length() < SHORT_TOKEN_LENGTH) {
        // The platform does not document its token format, so a short token is allowed, but it is a likely mistake.
        log.warn("Signature token {} is shorter than {} characters; check that it is the business system's "
            + "Signature (fingerprint {})", setting, SHORT_TOKEN_LENGTH,
            SignatureTokens.fingerprint(token.getBytes(StandardCharsets.UTF_8)));
      }
    }
  }
}
