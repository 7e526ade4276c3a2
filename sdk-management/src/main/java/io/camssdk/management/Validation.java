package io.camssdk.management;

import io.camssdk.internal.Json;
import io.camssdk.json.JsonObject;
import io.camssdk.management.internal.ApiUrlRule;
import io.camssdk.management.internal.ParameterRules;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules of protocol section 3, checked before any request. */
final class Validation {
  static final int MAX_PAGE_SIZE = 100;

  private Validation() {}

  static String id(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new CamsValidationException(field, "required", field + " is required and must not be blank");
    }
    return value;
  }

  static String name(String field, String value) {
    if (value == null) {
      throw new CamsValidationException(field, "required", field + " is required (1-64 characters)");
    }
    if (!ParameterRules.isName(value)) { // shared with the testkit's emulator: one rule
      int length = ParameterRules.nameLength(value);
      throw new CamsValidationException(field, "1-64 characters",
          field + " must be 1-64 characters but has " + length + (value.isBlank() && length > 0 ? " blank" : ""));
    }
    return value;
  }

  static String optionalName(String field, String value) {
    return value == null ? null : name(field, value);
  }

  static String intentCode(String value) {
    if (!ParameterRules.isIntentCode(value)) {
      throw new CamsValidationException("IntentCode", "[A-Za-z0-9_.-]{1,64}",
          "IntentCode must match [A-Za-z0-9_.-]{1,64} but was " + quote(value));
    }
    return value;
  }

  static String apiUrl(String field, String value) {
    if (value == null) {
      throw new CamsValidationException(field, "absolute https URL", field + " is required (an absolute https URL)");
    }
    String problem = ApiUrlRule.problem(value); // shared with the testkit's emulator: one rule
    if (problem != null) {
      throw new CamsValidationException(field, "absolute https URL", field + " " + problem + " but was " + quote(value));
    }
    return value;
  }

  static String optionalApiUrl(String field, String value) {
    return value == null ? null : apiUrl(field, value);
  }

  /**
   * {@code value} as a JSON object: a {@link JsonObject}, a {@code Map}, or any object Moshi can serialise to a JSON
   * object (a record, a class with fields). At most 4 KiB as compact UTF-8 JSON.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static JsonObject defaultIntentData(Object value) {
    if (value == null) {
      throw new CamsValidationException("DefaultIntentData", "JSON object",
          "DefaultIntentData is required (a JSON object, may be empty)");
    }
    JsonObject object;
    try {
      if (value instanceof JsonObject json) {
        object = json;
      } else if (value instanceof Map map) {
        object = JsonObject.of((Map<String, ?>) map);
      } else if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
          || value instanceof List || value.getClass().isArray()) {
        throw new CamsValidationException("DefaultIntentData", "JSON object",
            "DefaultIntentData must be a JSON object but was " + Json.typeName(value));
      } else {
        Object tree = Json.adapter((Class) value.getClass()).toJsonValue(value);
        if (!(tree instanceof Map)) {
          throw new CamsValidationException("DefaultIntentData", "JSON object",
              "DefaultIntentData must serialise to a JSON object but " + value.getClass().getName()
                  + " gives " + Json.typeName(tree));
        }
        object = JsonObject.of((Map<String, ?>) tree);
      }
    } catch (CamsValidationException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new CamsValidationException("DefaultIntentData", "JSON object",
          "DefaultIntentData cannot be written as JSON: " + e.getMessage());
    }
    int bytes = object.toJson().getBytes(StandardCharsets.UTF_8).length;
    if (bytes > ParameterRules.MAX_DEFAULT_INTENT_DATA_BYTES) {
      throw new CamsValidationException("DefaultIntentData", "at most 4 KiB",
          "DefaultIntentData must be at most 4096 bytes of JSON but is " + bytes);
    }
    return object;
  }

  static void otpScheduling(OtpScheduling scheduling) {
    Set<String> seen = new HashSet<>();
    for (String country : scheduling.countries()) {
      if (!ParameterRules.isCountry(country)) {
        throw new CamsValidationException("Countries", "ISO 3166-1 alpha-2",
            "Countries must hold ISO 3166-1 alpha-2 codes (upper case, such as SG) but holds " + quote(country));
      }
      if (!seen.add(country)) {
        throw new CamsValidationException("Countries", "no duplicates",
            "Countries must not hold duplicates but holds " + country + " twice");
      }
    }
    if (scheduling.enabled() && scheduling.countries().isEmpty()) {
      throw new CamsValidationException("Countries", "non-empty when Enabled",
          "Countries must not be empty when Enabled is true");
    }
  }

  static int pageIndex(int value) {
    if (value < 1) {
      throw new CamsValidationException("PageIndex", ">= 1", "PageIndex must be at least 1 but was " + value);
    }
    return value;
  }

  static int pageSize(int value) {
    if (value < 1 || value > MAX_PAGE_SIZE) {
      throw new CamsValidationException("PageSize", "1-100", "PageSize must be 1-100 but was " + value);
    }
    return value;
  }

  private static String quote(String value) {
    if (value == null) {
      return "null";
    }
    return "'" + (value.length() > 80 ? value.substring(0, 80) + "…" : value) + "'";
  }
}
