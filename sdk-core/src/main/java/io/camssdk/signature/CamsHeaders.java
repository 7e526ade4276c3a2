package io.camssdk.signature;

/**
 * Names of the HTTP headers that carry a call's identity and signature (contract section 1). Header names are
 * case-insensitive on the wire.
 *
 * @since 0.1
 */
public final class CamsHeaders {
  /** Opaque id of the call, the same on every retry: 1–128 chars of {@code [A-Za-z0-9._:-]}. */
  public static final String REQUEST_ID = "X-Cams-Request-Id";
  /** Unix time in seconds when this attempt was signed. */
  public static final String TIMESTAMP = "X-Cams-Timestamp";
  /** Space-separated {@code v1=<base64>} entries, one per active token ({@code token=<token>} in that scheme). */
  public static final String SIGNATURE = "X-Cams-Signature";

  private CamsHeaders() {}
}
