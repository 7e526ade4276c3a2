package io.camssdk.intent;

import io.camssdk.internal.MalformedJsonException;
import io.camssdk.internal.Utf8;
import io.camssdk.json.JsonLimits;
import io.camssdk.json.MalformedPayloadException;
import java.util.Objects;

/**
 * Parses the body of an intent call straight from its bytes into an {@link IntentCall}. The body must be strict
 * RFC 8259 JSON (see {@link io.camssdk.json.JsonObject#parse(byte[], JsonLimits)} for the rules) within the limits.
 * Unknown keys are validated and skipped; a repeated key, a wrong type or a missing required field is a
 * {@link MalformedPayloadException} naming the field. It does not verify anything: call it on verified bytes.
 * Immutable and thread-safe.
 *
 * <pre>{@code
 * IntentCall call = new IntentCallParser(JsonLimits.DEFAULTS).parse(body);
 * }</pre>
 *
 * @since 0.1
 */
public final class IntentCallParser {
  private final JsonLimits limits;

  public IntentCallParser(JsonLimits limits) {
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /**
   * @throws MalformedPayloadException when the body is not UTF-8 JSON of the contract's shape
   */
  public IntentCall parse(byte[] body) {
    try {
      return new IntentCallScanner(body, limits).scan();
    } catch (MalformedJsonException e) {
      // The whole body is checked for UTF-8 before its JSON: an error found first in the JSON yields to it.
      if (!Utf8.isValid(body)) {
        throw new MalformedPayloadException("", "body is not valid UTF-8");
      }
      throw new MalformedPayloadException(e.path(), e.isSyntax() ? "body is " + e.problem() : e.problem());
    }
  }
}
