package io.camssdk.signature;

/**
 * How the platform proves a call comes from it.
 *
 * @since 0.1
 */
public enum SignatureScheme {
  /**
   * The default: {@code v1=} HMAC-SHA256 over {@code <request id>.<timestamp>.<raw body>}, keyed by the token.
   * Binds the body, the request id and the time of signing.
   */
  V1,
  /**
   * Compatibility: the header carries the token itself ({@code token=<token>}). Nothing binds the body or a time,
   * so a captured call can be replayed until the request id leaves the duplicate window; use only where the
   * platform cannot send {@link #V1}.
   */
  TOKEN
}
