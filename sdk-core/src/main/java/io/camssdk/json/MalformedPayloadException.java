package io.camssdk.json;

import io.camssdk.CamsCode;
import io.camssdk.CamsException;
import io.camssdk.internal.MalformedJsonException;

/**
 * The body is not JSON, has the wrong shape, lacks a required field, or breaks a {@link JsonLimits} limit.
 * Answered {@code 400 MalformedPayload}; {@link #field()} names the JSON path at fault.
 *
 * @since 0.1
 */
public final class MalformedPayloadException extends CamsException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /** Paths longer than this are cut: a path repeats keys from the body, which may be huge. */
  static final int MAX_FIELD_LENGTH = 96;

  public MalformedPayloadException(String field, String problem) {
    this(shorten(field), problem, true);
  }

  private MalformedPayloadException(String field, String problem, boolean shortened) {
    super(CamsCode.MALFORMED_PAYLOAD, field.isEmpty() ? problem : problem + " at " + field);
    this.field = field;
  }

  /** The SDK reader's refusal, as the answer the SDK gives. */
  static MalformedPayloadException of(MalformedJsonException e) {
    return new MalformedPayloadException(e.path(), e.problem());
  }

  private static String shorten(String field) {
    return field.length() <= MAX_FIELD_LENGTH ? field : field.substring(0, MAX_FIELD_LENGTH) + "...";
  }

  /** The JSON path of the offending field, such as {@code $.IntentData}; empty when the body as a whole is bad. */
  public String field() {
    return field;
  }
}
