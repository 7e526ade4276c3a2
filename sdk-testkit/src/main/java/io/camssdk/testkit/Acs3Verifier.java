package io.camssdk.testkit;

import io.camssdk.management.internal.Acs3Signer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Server-side check of an {@code ACS3-HMAC-SHA256} request, computed with the SDK's own signer
 * ({@link Acs3Signer}, which matches Alibaba's) over what arrived. Thread-safe.
 */
final class Acs3Verifier {
  static final Duration DATE_TOLERANCE = Duration.ofMinutes(15);
  private static final List<String> REQUIRED_SIGNED = List.of("host", "x-acs-action", "x-acs-content-sha256",
      "x-acs-date", "x-acs-signature-nonce", "x-acs-version");
  private static final int MAX_NONCES = 100_000;

  private final Map<String, String> secrets;
  private final Clock clock;
  private final Set<String> nonces = new HashSet<>();
  private final ArrayDeque<Map.Entry<Instant, String>> nonceOrder = new ArrayDeque<>();

  Acs3Verifier(Map<String, String> secrets, Clock clock) {
    this.secrets = Map.copyOf(secrets);
    this.clock = clock;
  }

  /**
   * Verifies the request; returns the AccessKey id.
   *
   * @param header a header's first value by lower-case name, or {@code null}
   * @throws ApiError with the platform's code when the request is not correctly signed
   */
  String verify(String method, String path, Map<String, String> query, Function<String, String> header,
      byte[] body) {
    String authorization = header.apply("authorization");
    if (authorization == null || !authorization.startsWith(Acs3Signer.ALGORITHM + " ")) {
      throw new ApiError(400, "IncompleteSignature", "the Authorization header is missing or not ACS3-HMAC-SHA256");
    }
    Map<String, String> parts = new HashMap<>();
    for (String part : authorization.substring(Acs3Signer.ALGORITHM.length() + 1).split(",")) {
      int eq = part.indexOf('=');
      if (eq > 0) {
        parts.put(part.substring(0, eq).trim(), part.substring(eq + 1).trim());
      }
    }
    String accessKeyId = parts.get("Credential");
    String signedHeaderNames = parts.get("SignedHeaders");
    String signature = parts.get("Signature");
    if (accessKeyId == null || signedHeaderNames == null || signature == null) {
      throw new ApiError(400, "IncompleteSignature",
          "the Authorization header needs Credential, SignedHeaders and Signature");
    }
    String secret = secrets.get(accessKeyId);
    if (secret == null) {
      throw new ApiError(404, "InvalidAccessKeyId.NotFound", "the AccessKey id is not known to this emulator");
    }
    List<String> signedNames = List.of(signedHeaderNames.split(";"));
    for (String required : REQUIRED_SIGNED) {
      if (!signedNames.contains(required) || header.apply(required) == null) {
        throw new ApiError(400, "IncompleteSignature", "header " + required + " must be present and signed");
      }
    }
    String contentSha256 = header.apply("x-acs-content-sha256");
    if (!contentSha256.equals(Acs3Signer.sha256Hex(body))) {
      throw new ApiError(400, "SignatureDoesNotMatch", "x-acs-content-sha256 does not match the request body");
    }
    Map<String, String> signedHeaders = new HashMap<>();
    for (String name : signedNames) {
      String value = header.apply(name.toLowerCase(Locale.ROOT));
      if (value == null) {
        throw new ApiError(400, "IncompleteSignature", "signed header " + name + " is missing");
      }
      signedHeaders.put(name, value);
    }
    String expected = Acs3Signer.authorization(method, path, query, signedHeaders, contentSha256, accessKeyId,
        secret);
    String expectedSignature = expected.substring(expected.lastIndexOf("Signature=") + "Signature=".length());
    boolean headersMatch = expected.contains("SignedHeaders=" + signedHeaderNames + ",");
    boolean signatureMatches = MessageDigest.isEqual(expectedSignature.getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII));
    if (!headersMatch || !signatureMatches) {
      throw new ApiError(400, "SignatureDoesNotMatch",
          "the request signature does not match the one computed with the AccessKey secret");
    }
    checkDate(header.apply("x-acs-date"));
    checkNonce(header.apply("x-acs-signature-nonce"));
    return accessKeyId;
  }

  private void checkDate(String value) {
    Instant date;
    try {
      if (!value.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z")) {
        throw new DateTimeParseException("format", value, 0);
      }
      date = Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new ApiError(400, "InvalidTimeStamp.Format", "x-acs-date must be yyyy-MM-dd'T'HH:mm:ss'Z' in UTC");
    }
    Duration skew = Duration.between(date, clock.instant()).abs();
    if (skew.compareTo(DATE_TOLERANCE) > 0) {
      throw new ApiError(400, "InvalidTimeStamp.Expired", "x-acs-date is more than 15 minutes from the server time");
    }
  }

  private synchronized void checkNonce(String nonce) {
    Instant now = clock.instant();
    while (!nonceOrder.isEmpty() && (nonceOrder.size() >= MAX_NONCES
        || nonceOrder.peekFirst().getKey().isBefore(now.minus(DATE_TOLERANCE.multipliedBy(2))))) {
      nonces.remove(nonceOrder.pollFirst().getValue());
    }
    if (!nonces.add(nonce)) {
      throw new ApiError(400, "SignatureNonceUsed", "x-acs-signature-nonce was already used");
    }
    nonceOrder.addLast(Map.entry(now, nonce));
  }
}
