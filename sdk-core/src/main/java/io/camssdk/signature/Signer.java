package io.camssdk.signature;

import io.camssdk.receipt.ReceiptType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Signs calls the way the platform does, producing the exact headers of contract section 1. The emulator, the
 * samples and users' own tests use it to send calls that a {@link SignatureVerifier} accepts.
 *
 * <p>With several tokens (a rotation), the signature header carries one {@code v1=} entry per token, in order.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * Signer signer = Signer.of("my-signature-token");
 * SignedHeaders headers = signer.sign("req-1", body);
 * httpRequest.headers(headers.asMap());
 * }</pre>
 *
 * @since 0.1
 */
public final class Signer {
  private final SignatureTokens tokens;
  private final Clock clock;
  private final SignatureScheme scheme;

  private Signer(List<String> tokens, Clock clock, SignatureScheme scheme) {
    this.tokens = new SignatureTokens(List.copyOf(tokens));
    this.clock = Objects.requireNonNull(clock, "clock");
    this.scheme = Objects.requireNonNull(scheme, "scheme");
  }

  /** A {@link SignatureScheme#V1} signer for one or more tokens, timed by the system clock. */
  public static Signer of(String... tokens) {
    return new Signer(List.of(tokens), Clock.systemUTC(), SignatureScheme.V1);
  }

  /** A signer for {@code tokens} with the given clock and scheme. */
  public static Signer of(List<String> tokens, Clock clock, SignatureScheme scheme) {
    return new Signer(tokens, clock, scheme);
  }

  /** Signs {@code body} for {@code requestId} at the clock's current second. */
  public SignedHeaders sign(String requestId, byte[] body) {
    return sign(requestId, Math.floorDiv(clock.millis(), 1000L), body);
  }

  /** Signs {@code body} for {@code requestId} as if at {@code epochSeconds}. */
  public SignedHeaders sign(String requestId, long epochSeconds, byte[] body) {
    return sign(requestId, epochSeconds, body, null);
  }

  /**
   * Signs a receipt push of {@code type} (the batch id as request id) at the clock's current second. The push type
   * is part of the signed base (contract section 2), so the push verifies only on the path of that type.
   *
   * @since 0.2
   */
  public SignedHeaders signReceipt(ReceiptType type, String requestId, byte[] body) {
    return signReceipt(type, requestId, Math.floorDiv(clock.millis(), 1000L), body);
  }

  /** Signs a receipt push of {@code type} as if at {@code epochSeconds}. @since 0.2 */
  public SignedHeaders signReceipt(ReceiptType type, String requestId, long epochSeconds, byte[] body) {
    return sign(requestId, epochSeconds, body, Objects.requireNonNull(type, "type").wireName());
  }

  private SignedHeaders sign(String requestId, long epochSeconds, byte[] body, String pushType) {
    Objects.requireNonNull(body, "body");
    if (!SignatureVerifier.isValidRequestId(requestId)) {
      throw new IllegalArgumentException("requestId must be 1-128 chars of [A-Za-z0-9._:-]");
    }
    if (epochSeconds < 0) {
      throw new IllegalArgumentException("epochSeconds must not be negative but was " + epochSeconds);
    }
    String timestamp = Long.toString(epochSeconds);
    if (scheme == SignatureScheme.TOKEN) {
      return new SignedHeaders(requestId, timestamp, "token=" + new String(tokens.secret(0), StandardCharsets.UTF_8));
    }
    byte[] prefix = SignatureVerifier.prefix(requestId, timestamp, pushType);
    StringBuilder header = new StringBuilder(48 * tokens.size());
    for (int t = 0; t < tokens.size(); t++) {
      if (t > 0) {
        header.append(' ');
      }
      header.append("v1=").append(Base64.getEncoder().encodeToString(tokens.hmac(t, prefix, body)));
    }
    return new SignedHeaders(requestId, timestamp, header.toString());
  }

  @Override
  public String toString() {
    return "Signer{scheme=" + scheme + ", tokens=" + tokens.fingerprints() + "}";
  }
}
