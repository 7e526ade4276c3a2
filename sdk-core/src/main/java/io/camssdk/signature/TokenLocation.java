package io.camssdk.signature;

import io.camssdk.CamsConfigurationException;
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

  /**
   * Reads the text form adapters use for their settings ({@code cams.signature.token-location} in Spring,
   * the {@code cams.token-location} init parameter): {@code signature-header}, {@code bearer},
   * {@code header:<name>} or {@code query:<name>}. {@link #toString()} gives the same form back.
   *
   * @throws CamsConfigurationException naming the setting {@code tokenLocation}, never the text given
   */
  public static TokenLocation parse(String text) {
    Objects.requireNonNull(text, "text");
    String fix = "Write signature-header, bearer, header:<name> or query:<name>.";
    int colon = text.indexOf(':');
    String kind = (colon < 0 ? text : text.substring(0, colon)).strip();
    String name = colon < 0 ? null : text.substring(colon + 1).strip();
    try {
      return switch (kind) {
        case "signature-header" -> name == null ? signatureHeader() : invalid(fix);
        case "bearer" -> name == null ? bearer() : invalid(fix);
        case "header" -> name != null ? header(name) : invalid(fix);
        case "query" -> name != null ? queryParameter(name) : invalid(fix);
        default -> invalid(fix);
      };
    } catch (IllegalArgumentException e) {
      throw new CamsConfigurationException("tokenLocation", "must name a header or query parameter in printable "
          + "ASCII without spaces", fix);
    }
  }

  private static TokenLocation invalid(String fix) {
    throw new CamsConfigurationException("tokenLocation", "is not a known token location", fix);
  }

  /** The text form that {@link #parse} reads: {@code header:X-Api-Key}. */
  @Override
  public String toString() {
    return switch (kind) {
      case SIGNATURE_HEADER -> "signature-header";
      case HEADER -> "header:" + name;
      case BEARER -> "bearer";
      case QUERY_PARAMETER -> "query:" + name;
    };
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
