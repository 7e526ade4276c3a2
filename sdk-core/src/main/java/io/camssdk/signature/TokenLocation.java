package io.camssdk.signature;

import java.util.Objects;

/**
 * Where a call of the {@link SignatureScheme#TOKEN token scheme} carries the token as it is: the
 * {@value CamsHeaders#SIGNATURE} header as {@code token=<token>} (the default), a header of any name, an
 * {@code Authorization: Bearer} header, or a query parameter. Found out from one real call with
 * {@code CamsEndpoint.Builder.diagnoseRejections(true)}.
 *
 * <pre>{@code
 * SignatureVerifier verifier = SignatureVerifier.builder()
 *     .token(token)
 *     .scheme(SignatureScheme.TOKEN)
 *     .tokenLocation(TokenLocation.header("X-Api-Key"))
 *     .build();
 * }</pre>
 *
 * @param kind where the token is
 * @param name the header or query parameter name; {@code null} for {@link Kind#SIGNATURE_HEADER} and
 *     {@link Kind#BEARER}
 * @since 0.2
 */
public record TokenLocation(Kind kind, String name) {
  /** The kinds of place. */
  public enum Kind {
    /** {@code X-Cams-Signature: token=<token>}. */
    SIGNATURE_HEADER,
    /** The whole value of a named header. */
    HEADER,
    /** {@code Authorization: Bearer <token>}. */
    BEARER,
    /** The value of a named query parameter. */
    QUERY_PARAMETER
  }

  public TokenLocation {
    Objects.requireNonNull(kind, "kind");
    boolean named = kind == Kind.HEADER || kind == Kind.QUERY_PARAMETER;
    if (named != (name != null)) {
      throw new IllegalArgumentException(named ? "name is required" : "name must be null for " + kind);
    }
    if (named && (name.isBlank() || !name.chars().allMatch(c -> c > ' ' && c < 127))) {
      throw new IllegalArgumentException("name must be printable ASCII without spaces");
    }
  }

  /** {@code X-Cams-Signature: token=<token>}: the default. */
  public static TokenLocation signatureHeader() {
    return new TokenLocation(Kind.SIGNATURE_HEADER, null);
  }

  /** The whole value of header {@code name} (any name; compared case-insensitively, as HTTP does). */
  public static TokenLocation header(String name) {
    return new TokenLocation(Kind.HEADER, Objects.requireNonNull(name, "name"));
  }

  /** {@code Authorization: Bearer <token>}. */
  public static TokenLocation bearer() {
    return new TokenLocation(Kind.BEARER, null);
  }

  /** The value of query parameter {@code name} (case-sensitive). */
  public static TokenLocation queryParameter(String name) {
    return new TokenLocation(Kind.QUERY_PARAMETER, Objects.requireNonNull(name, "name"));
  }

  /** Where, in words, for logs and messages: {@code header X-Api-Key}. */
  public String describe() {
    return switch (kind) {
      case SIGNATURE_HEADER -> "header " + CamsHeaders.SIGNATURE + " (token=...)";
      case HEADER -> "header " + name;
      case BEARER -> "header Authorization (Bearer)";
      case QUERY_PARAMETER -> "query parameter " + name;
    };
  }
}
