package io.camssdk.management;

import io.camssdk.json.JsonObject;
import java.util.Objects;

/**
 * An intent as {@code ListIntents} returns it.
 *
 * @param intentCode its code
 * @param intentName its name
 * @param defaultIntentData its default data ({@code {}} when none)
 * @since 0.1
 */
public record Intent(String intentCode, String intentName, JsonObject defaultIntentData) {
  public Intent {
    Objects.requireNonNull(intentCode, "intentCode");
    intentName = intentName == null ? "" : intentName;
    defaultIntentData = defaultIntentData == null ? JsonObject.empty() : defaultIntentData;
  }
}
