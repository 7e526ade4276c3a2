package io.camssdk.testkit;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import io.camssdk.json.JsonObject;
import io.camssdk.json.MalformedPayloadException;
import io.camssdk.management.internal.ApiUrlRule;
import io.camssdk.management.internal.ParameterRules;
import io.camssdk.testkit.EmulatorState.ChannelState;
import io.camssdk.testkit.EmulatorState.IntentState;
import io.camssdk.testkit.EmulatorState.SystemState;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import okio.Buffer;

/**
 * The emulated platform's behaviour behind the management API: validation, state changes and token issuance, all
 * under one lock. Each action takes the decoded query parameters and returns the envelope's {@code Data} (or
 * {@code null}), or throws {@link ApiError}.
 */
final class Platform {
  /** The actions {@link #perform} runs (its switch below): the console offers exactly these besides its own. */
  static final Set<String> ACTIONS = Set.of("CreateBusinessSystem", "ModifyBusinessSystem", "DeleteBusinessSystem",
      "ListBusinessSystems", "RefreshBusinessSystemSignature", "CreateIntent", "ModifyIntent", "DeleteIntent",
      "ListIntents", "GetServiceSettings", "ModifySmsActivation", "ModifyOtpScheduling");

  private final EmulatorState state;
  private final Clock clock;
  private final Random random;
  private final Duration gracePeriod;
  private final Path stateFile;

  Platform(EmulatorState state, Clock clock, Random random, Duration gracePeriod, Path stateFile) {
    this.state = state;
    this.clock = clock;
    this.random = random;
    this.gracePeriod = gracePeriod;
    this.stateFile = stateFile;
  }

  /** Runs one action. */
  synchronized Object perform(String action, Map<String, String> p) {
    Object data;
    boolean changes = true;
    switch (action) {
      case "CreateBusinessSystem": data = createBusinessSystem(p); break;
      case "ModifyBusinessSystem": data = modifyBusinessSystem(p); break;
      case "DeleteBusinessSystem": data = deleteBusinessSystem(p); break;
      case "ListBusinessSystems": data = listBusinessSystems(p); changes = false; break;
      case "RefreshBusinessSystemSignature": data = refreshSignature(p); break;
      case "CreateIntent": data = createIntent(p); break;
      case "ModifyIntent": data = modifyIntent(p); break;
      case "DeleteIntent": data = deleteIntent(p); break;
      case "ListIntents": data = listIntents(p); changes = false; break;
      case "GetServiceSettings": data = getServiceSettings(p); changes = false; break;
      case "ModifySmsActivation": data = modifySmsActivation(p); break;
      case "ModifyOtpScheduling": data = modifyOtpScheduling(p); break;
      default:
        throw new ApiError(404, "InvalidAction.NotFound", "the action is not supported by the cams 2020-06-06 API");
    }
    if (changes && stateFile != null) {
      state.save(stateFile);
    }
    return data;
  }

  // ---- business systems ----

  private Object createBusinessSystem(Map<String, String> p) {
    ChannelState channel = channel(p);
    String name = systemName(required(p, "SystemName"));
    String apiUrl = apiUrl(required(p, "ApiUrl"));
    String remarks = remarks(p.getOrDefault("Remarks", ""));
    SystemState system = new SystemState(newSystemId());
    system.name = name;
    system.apiUrl = apiUrl;
    system.remarks = remarks;
    system.token = newToken();
    channel.systems.put(system.id, system);
    return Map.of("BusinessSystemId", system.id, "Signature", system.token);
  }

  private Object modifyBusinessSystem(Map<String, String> p) {
    ChannelState channel = channel(p);
    SystemState system = system(channel, p);
    String name = p.containsKey("SystemName") ? systemName(p.get("SystemName")) : system.name;
    String apiUrl = p.containsKey("ApiUrl") ? apiUrl(p.get("ApiUrl")) : system.apiUrl;
    String remarks = p.containsKey("Remarks") ? remarks(p.get("Remarks")) : system.remarks;
    system.name = name;
    system.apiUrl = apiUrl;
    system.remarks = remarks;
    return null;
  }

  private Object deleteBusinessSystem(Map<String, String> p) {
    ChannelState channel = channel(p);
    SystemState system = system(channel, p);
    channel.systems.remove(system.id);
    return null;
  }

  private Object listBusinessSystems(Map<String, String> p) {
    ChannelState channel = channel(p);
    List<Object> list = new ArrayList<>();
    for (SystemState s : channel.systems.values()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("BusinessSystemId", s.id);
      item.put("SystemName", s.name);
      item.put("ApiUrl", s.apiUrl);
      item.put("Remarks", s.remarks);
      item.put("SignatureHint", s.token.substring(s.token.length() - 4));
      list.add(item);
    }
    return list;
  }

  private Object refreshSignature(Map<String, String> p) {
    ChannelState channel = channel(p);
    SystemState system = system(channel, p);
    system.previousToken = system.token;
    system.previousTokenExpiresAt = clock.instant().plus(gracePeriod);
    system.token = newToken();
    return Map.of("Signature", system.token);
  }

  // ---- intents ----

  private Object createIntent(Map<String, String> p) {
    ChannelState channel = channel(p);
    SystemState system = system(channel, p);
    String code = intentCode(required(p, "IntentCode"));
    String name = intentName(required(p, "IntentName"));
    JsonObject data = defaultIntentData(p.getOrDefault("DefaultIntentData", "{}"));
    if (system.intents.containsKey(code)) {
      throw new ApiError(409, "Intent.AlreadyExists", "intent " + code + " already exists in this business system");
    }
    system.intents.put(code, new IntentState(code, name, data));
    return null;
  }

  private Object modifyIntent(Map<String, String> p) {
    ChannelState channel = channel(p);
    SystemState system = system(channel, p);
    String code = intentCode(required(p, "IntentCode"));
    String name = p.containsKey("IntentName") ? intentName(p.get("IntentName")) : null;
    JsonObject data = p.containsKey("DefaultIntentData") ? defaultIntentData(p.get("DefaultIntentData")) : null;
    IntentState intent = intent(system, code);
    if (name != null) {
      intent.name = name;
    }
    if (data != null) {
      intent.defaultData = data;
    }
    return null;
  }

  private Object deleteIntent(Map<String, String> p) {
    ChannelState channel = channel(p);
    SystemState system = system(channel, p);
    String code = intentCode(required(p, "IntentCode"));
    intent(system, code);
    system.intents.remove(code);
    return null;
  }

  private Object listIntents(Map<String, String> p) {
    ChannelState channel = channel(p);
    SystemState system = system(channel, p);
    int pageIndex = intParam(p, "PageIndex", 1, 1, Integer.MAX_VALUE);
    int pageSize = intParam(p, "PageSize", 20, 1, 100);
    List<IntentState> all = new ArrayList<>(system.intents.values());
    List<Object> page = new ArrayList<>();
    long from = (long) (pageIndex - 1) * pageSize;
    for (long i = from; i < Math.min(all.size(), from + pageSize); i++) {
      IntentState intent = all.get((int) i);
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("IntentCode", intent.code);
      item.put("IntentName", intent.name);
      item.put("DefaultIntentData", intent.defaultData.toJson());
      page.add(item);
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("List", page);
    data.put("Total", (long) all.size());
    return data;
  }

  // ---- channel settings ----

  private Object getServiceSettings(Map<String, String> p) {
    ChannelState channel = channel(p);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("ChannelType", channel.channel.channelType().value());
    data.put("SmsActivated", channel.smsActivated);
    Map<String, Object> otp = new LinkedHashMap<>();
    otp.put("Enabled", channel.otpEnabled);
    otp.put("Countries", channel.otpCountries);
    otp.put("UseOwnNumbers", channel.otpUseOwnNumbers);
    data.put("OtpScheduling", otp);
    return data;
  }

  private Object modifySmsActivation(Map<String, String> p) {
    ChannelState channel = channel(p);
    channel.smsActivated = bool(p, "Activated", null);
    return null;
  }

  private Object modifyOtpScheduling(Map<String, String> p) {
    ChannelState channel = channel(p);
    boolean enabled = bool(p, "Enabled", null);
    List<String> countries = countries(p.get("Countries"), enabled);
    boolean useOwnNumbers = bool(p, "UseOwnNumbers", Boolean.FALSE);
    if (!channel.channel.supportsOtpScheduling()) {
      throw new ApiError(400, "OtpScheduling.NotSupported", "OTP scheduling is available for WhatsApp channels only,"
          + " and channel " + channel.channel.custSpaceId() + " is " + channel.channel.channelType().value());
    }
    channel.otpEnabled = enabled;
    channel.otpCountries = countries;
    channel.otpUseOwnNumbers = useOwnNumbers;
    return null;
  }

  // ---- lookups used by the emulator itself ----

  /** A copy of what an intent call needs, or an exception naming what is missing. */
  synchronized IntentTarget intentTarget(String custSpaceId, String businessSystemId, String intentCode) {
    ChannelState channel = state.channels.get(custSpaceId);
    if (channel == null) {
      throw new IllegalArgumentException("unknown CustSpaceId " + custSpaceId);
    }
    SystemState system = channel.systems.get(businessSystemId);
    if (system == null) {
      throw new IllegalArgumentException("unknown business system " + businessSystemId + " in " + custSpaceId);
    }
    IntentState intent = system.intents.get(intentCode);
    if (intent == null) {
      throw new IllegalArgumentException("business system " + businessSystemId + " has no intent " + intentCode);
    }
    return new IntentTarget(channel.channel, system.id, URI.create(system.apiUrl), intent.code, intent.name,
        intent.defaultData);
  }

  record IntentTarget(EmulatorChannel channel, String businessSystemId, URI apiUrl, String intentCode,
      String intentName, JsonObject defaultData) {}

  /** The tokens the platform signs with now for the business system; empty when it no longer exists. */
  synchronized List<String> activeTokens(String businessSystemId) {
    for (ChannelState channel : state.channels.values()) {
      SystemState system = channel.systems.get(businessSystemId);
      if (system != null) {
        return system.activeTokens(clock.instant());
      }
    }
    return List.of();
  }

  /** Until when a refreshed system's previous token is still accepted, or {@code null} when none is. */
  synchronized java.time.Instant previousTokenValidUntil(String businessSystemId) {
    for (ChannelState channel : state.channels.values()) {
      SystemState system = channel.systems.get(businessSystemId);
      if (system != null && system.previousToken != null && clock.instant().isBefore(system.previousTokenExpiresAt)) {
        return system.previousTokenExpiresAt;
      }
    }
    return null;
  }

  synchronized List<EmulatorChannel> channels() {
    List<EmulatorChannel> list = new ArrayList<>();
    for (ChannelState c : state.channels.values()) {
      list.add(c.channel);
    }
    return list;
  }

  synchronized void save() {
    if (stateFile != null) {
      state.save(stateFile);
    }
  }

  // ---- parameters ----

  private ChannelState channel(Map<String, String> p) {
    String id = required(p, "CustSpaceId");
    ChannelState channel = state.channels.get(id);
    if (channel == null) {
      throw new ApiError(404, "CustSpace.NotFound", "no channel with CustSpaceId " + id);
    }
    return channel;
  }

  private static SystemState system(ChannelState channel, Map<String, String> p) {
    String id = required(p, "BusinessSystemId");
    SystemState system = channel.systems.get(id);
    if (system == null) {
      throw new ApiError(404, "BusinessSystem.NotFound", "no business system " + id + " in channel "
          + channel.channel.custSpaceId());
    }
    return system;
  }

  private static IntentState intent(SystemState system, String code) {
    IntentState intent = system.intents.get(code);
    if (intent == null) {
      throw new ApiError(404, "Intent.NotFound", "no intent " + code + " in business system " + system.id);
    }
    return intent;
  }

  /** A parameter that must be present and non-empty; the console and the documented actions read theirs so too. */
  static String required(Map<String, String> p, String name) {
    String value = p.get(name);
    if (value == null || value.isEmpty()) {
      throw ApiError.missing(name);
    }
    return value;
  }

  static String systemName(String value) {
    return name("SystemName", value);
  }

  static String intentName(String value) {
    return name("IntentName", value);
  }

  /** The management client's name rule, not a copy of it. */
  private static String name(String field, String value) {
    if (!ParameterRules.isName(value)) {
      throw ApiError.invalid(field + " must be 1-64 characters");
    }
    return value;
  }

  static String remarks(String value) {
    if (value.codePointCount(0, value.length()) > 256) {
      throw ApiError.invalid("Remarks must be at most 256 characters");
    }
    return value;
  }

  static String intentCode(String value) {
    if (!ParameterRules.isIntentCode(value)) {
      throw ApiError.invalid("IntentCode must match [A-Za-z0-9_.-]{1,64}");
    }
    return value;
  }

  static String apiUrl(String value) {
    String problem = ApiUrlRule.problem(value); // the management client's rule, not a copy of it
    if (problem != null) {
      throw ApiError.invalid("ApiUrl " + problem);
    }
    return value;
  }

  static JsonObject defaultIntentData(String value) {
    if (value.getBytes(StandardCharsets.UTF_8).length > ParameterRules.MAX_DEFAULT_INTENT_DATA_BYTES) {
      throw ApiError.invalid("DefaultIntentData must be at most 4 KiB");
    }
    try {
      return JsonObject.parse(value);
    } catch (MalformedPayloadException e) {
      throw ApiError.invalid("DefaultIntentData must be a JSON object");
    }
  }

  private static int intParam(Map<String, String> p, String name, int fallback, int min, int max) {
    String value = p.get(name);
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiError.invalid(name + " must be an integer from " + min + (max == Integer.MAX_VALUE ? "" : " to " + max));
  }

  private static boolean bool(Map<String, String> p, String name, Boolean fallback) {
    String value = p.get(name);
    if (value == null || value.isEmpty()) {
      if (fallback == null) {
        throw ApiError.missing(name);
      }
      return fallback;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw ApiError.invalid(name + " must be true or false");
  }

  static List<String> countries(String value, boolean enabled) {
    List<String> countries = new ArrayList<>();
    if (value != null && !value.isEmpty()) {
      Set<String> seen = new HashSet<>();
      for (String code : stringArray(value)) {
        if (!ParameterRules.isCountry(code)) {
          throw ApiError.invalid("Countries must hold ISO 3166-1 alpha-2 codes such as \"SG\"; "
              + (code.length() <= 8 && code.matches("[A-Za-z]*") ? "'" + code + "' is not one" : "found another value"));
        }
        if (!seen.add(code)) {
          throw ApiError.invalid("Countries must not repeat " + code);
        }
        countries.add(code);
      }
    }
    if (enabled && countries.isEmpty()) {
      throw ApiError.invalid("Countries must not be empty when Enabled is true");
    }
    return List.copyOf(countries);
  }

  /**
   * Parses {@code value} as exactly one JSON array of strings, and nothing after it: the parameter is read as JSON,
   * never pasted into other JSON text.
   */
  private static List<String> stringArray(String value) {
    List<String> items = new ArrayList<>();
    try (JsonReader reader = JsonReader.of(new Buffer().writeUtf8(value))) {
      if (reader.peek() != JsonReader.Token.BEGIN_ARRAY) {
        throw countriesShape();
      }
      reader.beginArray();
      while (reader.hasNext()) {
        if (reader.peek() != JsonReader.Token.STRING || items.size() >= ParameterRules.COUNTRIES.size()) {
          throw countriesShape();
        }
        items.add(reader.nextString());
      }
      reader.endArray();
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw countriesShape();
      }
    } catch (IOException | JsonDataException e) {
      throw countriesShape();
    }
    return items;
  }

  private static ApiError countriesShape() {
    return ApiError.invalid("Countries must be a JSON array of ISO 3166-1 alpha-2 codes such as [\"SG\"]");
  }

  private String newSystemId() {
    String id;
    do {
      id = "bs-" + Long.toHexString(random.nextLong() & 0xFFFFFFFFFFL);
    } while (exists(id));
    return id;
  }

  private boolean exists(String systemId) {
    for (ChannelState c : state.channels.values()) {
      if (c.systems.containsKey(systemId)) {
        return true;
      }
    }
    return false;
  }

  private String newToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
