package io.camssdk.json;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.camssdk.internal.Json;
import java.io.IOException;
import java.util.Map;

/**
 * Moshi's adapter for {@link JsonObject}, found by Moshi through {@code @JsonClass(generateAdapter = true)}: a
 * {@code JsonObject} in a user's record or map is read and written as the object it holds.
 */
final class JsonObjectJsonAdapter extends JsonAdapter<JsonObject> {
  JsonObjectJsonAdapter() {}

  @Override
  @SuppressWarnings("unchecked")
  public JsonObject fromJson(JsonReader reader) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
      throw new JsonDataException("Expected an object but was " + reader.peek() + " at path " + reader.getPath());
    }
    return JsonObject.of((Map<String, Object>) Json.readValue(reader));
  }

  @Override
  public void toJson(JsonWriter writer, JsonObject value) throws IOException {
    Json.writeValue(writer, value.asMap());
  }

  @Override
  public String toString() {
    return "JsonAdapter(JsonObject)";
  }
}
