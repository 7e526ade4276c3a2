package io.camssdk.management;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import io.camssdk.internal.Json;
import io.camssdk.json.JsonLimits;
import io.camssdk.json.JsonObject;
import io.camssdk.json.MalformedPayloadException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reading of the OpenAPI envelope and of each action's {@code Data}. */
final class Replies {
  static final JsonLimits LIMITS = JsonLimits.DEFAULTS.withMaxStringLength(64 * 1024);

  private Replies() {}

  /**
   * Turns a successful envelope into the action's result. Most actions answer in {@code Data}; some (such as
   * {@code ListChatappTemplate}) put their results at the top level, next to {@code RequestId}.
   */
  @FunctionalInterface
  interface Parser<T> {
    T parse(Envelope envelope);
  }

  /** A parser of the envelope's {@code Data}. */
  static <T> Parser<T> data(java.util.function.Function<Object, T> parser) {
    return envelope -> parser.apply(envelope.fields().get("Data"));
  }

  /**
   * The OpenAPI reply envelope: {@code RequestId}, {@code Code}, {@code Message}, {@code AccessDeniedDetail},
   * often {@code Success}, then the action's results (in {@code Data} or at the top level).
   */
  record Envelope(Map<String, Object> fields) {
    String requestId() {
      return text("RequestId");
    }

    String code() {
      return text("Code");
    }

    String message() {
      return text("Message");
    }

    String accessDeniedDetail() {
      return text("AccessDeniedDetail");
    }

    /** {@code Success} when present, else whether {@code Code} is absent, {@code OK} or {@code 200}. */
    boolean succeeded() {
      Object success = fields.get("Success");
      if (success instanceof Boolean b && !b || success instanceof String s && s.equalsIgnoreCase("false")) {
        return false;
      }
      String code = code();
      return code == null || code.equalsIgnoreCase("OK") || code.equals("200");
    }

    private String text(String key) {
      Object value = fields.get(key);
      return value == null ? null : value.toString();
    }
  }

  /** The reply does not have the shape the contract promises. */
  static final class MalformedReplyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedReplyException(String message) {
      super(message, null, false, false);
    }
  }

  /** The body as an envelope, or {@code null} when it is not a JSON object. */
  static Envelope envelope(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try (JsonReader reader = Json.reader(body)) {
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        return null;
      }
      return new Envelope(Json.readObjectMap(reader, LIMITS, 1));
    } catch (IOException | JsonDataException | MalformedPayloadException e) {
      return null;
    }
  }

  static final Parser<Void> NOTHING = data -> null;

  static final Parser<CreatedBusinessSystem> CREATED_BUSINESS_SYSTEM = data(data -> {
    Map<String, Object> map = object(data, "Data");
    return new CreatedBusinessSystem(requiredString(map, "BusinessSystemId"), requiredString(map, "Signature"));
  });

  static final Parser<RefreshedSignature> REFRESHED_SIGNATURE =
      data(data -> new RefreshedSignature(requiredString(object(data, "Data"), "Signature")));

  static final Parser<List<BusinessSystem>> BUSINESS_SYSTEMS = data(data -> {
    List<BusinessSystem> systems = new ArrayList<>();
    for (Object item : list(data, "Data")) {
      Map<String, Object> map = object(item, "Data[]");
      systems.add(new BusinessSystem(requiredString(map, "BusinessSystemId"), string(map, "SystemName"),
          string(map, "ApiUrl"), string(map, "Remarks"), string(map, "SignatureHint")));
    }
    return List.copyOf(systems);
  });

  static Parser<IntentPage> intentPage(int pageIndex, int pageSize) {
    return data(data -> {
      Map<String, Object> map = object(data, "Data");
      List<Intent> intents = new ArrayList<>();
      Object list = map.get("List");
      for (Object item : list == null ? List.of() : list(list, "Data.List")) {
        Map<String, Object> intent = object(item, "Data.List[]");
        intents.add(new Intent(requiredString(intent, "IntentCode"), string(intent, "IntentName"),
            jsonObject(intent.get("DefaultIntentData"), "DefaultIntentData")));
      }
      Object total = map.get("Total");
      return new IntentPage(intents, total == null ? intents.size() : number(total, "Data.Total"), pageIndex,
          pageSize);
    });
  }

  static final Parser<ServiceSettings> SERVICE_SETTINGS = data(data -> {
    Map<String, Object> map = object(data, "Data");
    Object otp = map.get("OtpScheduling");
    OtpScheduling scheduling = OtpScheduling.disabled();
    if (otp != null) {
      Map<String, Object> o = object(otp, "Data.OtpScheduling");
      scheduling = new OtpScheduling(bool(o.get("Enabled"), "Enabled"), countries(o.get("Countries")),
          bool(o.get("UseOwnNumbers"), "UseOwnNumbers"));
    }
    return new ServiceSettings(string(map, "ChannelType"), bool(map.get("SmsActivated"), "SmsActivated"),
        scheduling);
  });

  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object value, String path) {
    if (value instanceof Map) {
      return (Map<String, Object>) value;
    }
    throw new MalformedReplyException(path + " is " + Json.typeName(value) + ", not an object");
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value, String path) {
    if (value instanceof List) {
      return (List<Object>) value;
    }
    throw new MalformedReplyException(path + " is " + Json.typeName(value) + ", not an array");
  }

  static String string(Map<String, Object> map, String key) {
    Object value = map.get(key);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    throw new MalformedReplyException(key + " is " + Json.typeName(value) + ", not a string");
  }

  static String requiredString(Map<String, Object> map, String key) {
    String value = string(map, key);
    if (value == null) {
      throw new MalformedReplyException(key + " is missing");
    }
    return value;
  }

  static boolean bool(Object value, String key) {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(s);
    }
    throw new MalformedReplyException(key + " is " + Json.typeName(value) + ", not a boolean");
  }

  static long number(Object value, String key) {
    try {
      if (value instanceof Number n) {
        return n.longValue();
      }
      if (value instanceof String s) {
        return Long.parseLong(s.trim());
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new MalformedReplyException(key + " is " + Json.typeName(value) + ", not an integer");
  }

  /** A JSON object sent as an object or as a string holding one (as {@code CreateIntent} sends it). */
  @SuppressWarnings("unchecked")
  static JsonObject jsonObject(Object value, String key) {
    if (value == null) {
      return JsonObject.empty();
    }
    if (value instanceof Map) {
      return JsonObject.of((Map<String, Object>) value);
    }
    if (value instanceof String s) {
      if (s.isBlank()) {
        return JsonObject.empty();
      }
      try {
        return Json.parseObject(s, LIMITS);
      } catch (MalformedPayloadException e) {
        throw new MalformedReplyException(key + " is not a JSON object");
      }
    }
    throw new MalformedReplyException(key + " is " + Json.typeName(value) + ", not an object");
  }

  /** Countries as an array, or as a string holding a JSON array (as {@code ModifyOtpScheduling} sends them). */
  static List<String> countries(Object value) {
    if (value == null) {
      return List.of();
    }
    Object array = value;
    if (value instanceof String s) {
      if (s.isBlank()) {
        return List.of();
      }
      try (JsonReader reader = JsonReader.of(new okio.Buffer().writeUtf8(s))) {
        array = Json.readValue(reader, LIMITS, 1);
      } catch (IOException | JsonDataException | MalformedPayloadException e) {
        throw new MalformedReplyException("Countries is not a JSON array");
      }
    }
    List<String> countries = new ArrayList<>();
    for (Object item : list(array, "Countries")) {
      if (!(item instanceof String code)) {
        throw new MalformedReplyException("Countries holds " + Json.typeName(item) + ", not a string");
      }
      countries.add(code);
    }
    return countries;
  }

  /** Writes {@code countries} as the compact JSON array the contract asks for. */
  static String countriesJson(List<String> countries) {
    StringBuilder out = new StringBuilder(2 + countries.size() * 5).append('[');
    for (String country : countries) {
      if (out.length() > 1) {
        out.append(',');
      }
      out.append('"').append(country).append('"'); // validated: two upper-case letters
    }
    return out.append(']').toString();
  }


  /**
   * {@code ListChatappTemplate} answers at the top level ({@code ListTemplate}, {@code Total} beside
   * {@code RequestId}); a reply that wraps them in {@code Data} is read too.
   */
  static Parser<TemplatePage> templatePage(int pageIndex, int pageSize) {
    return envelope -> {
      Map<String, Object> fields = envelope.fields();
      if (!fields.containsKey("ListTemplate") && fields.get("Data") instanceof Map) {
        fields = object(fields.get("Data"), "Data");
      }
      List<TemplateSummary> templates = new ArrayList<>();
      Object list = fields.get("ListTemplate");
      for (Object item : list == null ? List.of() : list(list, "ListTemplate")) {
        Map<String, Object> t = object(item, "ListTemplate[]");
        Object updated = t.get("LastUpdateTime");
        templates.add(new TemplateSummary(requiredString(t, "TemplateCode"), string(t, "TemplateName"),
            string(t, "Language"), string(t, "Category"), string(t, "AuditStatus"), string(t, "TemplateType"),
            string(t, "Reason"), updated == null ? 0 : number(updated, "LastUpdateTime")));
      }
      Object total = fields.get("Total");
      return new TemplatePage(templates, total == null ? templates.size() : number(total, "Total"), pageIndex,
          pageSize);
    };
  }

  static final Parser<TemplateDetail> TEMPLATE_DETAIL = data(data -> {
    Map<String, Object> map = object(data, "Data");
    List<TemplateComponent> components = new ArrayList<>();
    Object list = map.get("Components");
    for (Object item : list == null ? List.of() : list(list, "Data.Components")) {
      Map<String, Object> c = object(item, "Data.Components[]");
      List<TemplateButton> buttons = new ArrayList<>();
      Object buttonList = c.get("Buttons");
      for (Object b : buttonList == null ? List.of() : list(buttonList, "Data.Components[].Buttons")) {
        Map<String, Object> button = object(b, "Data.Components[].Buttons[]");
        TemplateButton.ExtendAttrs attrs = TemplateButton.ExtendAttrs.NONE;
        Object extend = button.get("ExtendAttrs");
        if (extend != null) {
          Map<String, Object> e = object(extend, "ExtendAttrs");
          attrs = new TemplateButton.ExtendAttrs(string(e, "Action"), string(e, "IntentCode"),
              string(e, "NextTemplateCode"), string(e, "NextTemplateName"), string(e, "NextLanguageCode"));
        }
        buttons.add(new TemplateButton(string(button, "Type"), string(button, "Text"), string(button, "Url"),
            string(button, "PhoneNumber"), attrs));
      }
      components.add(new TemplateComponent(string(c, "Type"), string(c, "Format"), string(c, "Text"), buttons));
    }
    return new TemplateDetail(requiredString(map, "TemplateCode"), string(map, "Name"), string(map, "Language"),
        string(map, "Category"), string(map, "AuditStatus"), string(map, "TemplateType"), components);
  });

  /** {@code Y} or {@code N}, as {@code HttpFlag} and {@code QueueFlag} take them; {@code null} stays unset. */
  static String flag(Boolean value) {
    return value == null ? null : value ? "Y" : "N";
  }

}
