package io.camssdk.intent;

/**
 * Handles the intent calls of one intent code. Returns the reply's {@code Data}: a {@code Map}, a
 * {@link io.camssdk.json.JsonObject}, any object Moshi can write as a JSON object (records, plain classes), or
 * {@code null} for {@code {}}. A thrown exception is answered {@code 500 HandlerError}, so the platform retries.
 *
 * <pre>{@code
 * IntentHandler orderStatus = call -> Map.of("status", "SHIPPED");
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface IntentHandler {
  Object handle(IntentCall call) throws Exception;
}
