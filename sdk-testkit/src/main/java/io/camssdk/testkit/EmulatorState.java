package io.camssdk.testkit;

import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import io.camssdk.intent.ChannelType;
import io.camssdk.internal.Json;
import io.camssdk.json.JsonLimits;
import io.camssdk.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;

/**
 * The emulated platform's data: channels, their settings, business systems with their tokens, and intents. Not
 * thread-safe: {@link CamsEmulator} guards it with one lock.
 */
final class EmulatorState {
  final Map<String, ChannelState> channels = new LinkedHashMap<>();

  static final class ChannelState {
    final EmulatorChannel channel;
    boolean smsActivated;
    boolean otpEnabled;
    List<String> otpCountries = List.of();
    boolean otpUseOwnNumbers;
    final Map<String, SystemState> systems = new LinkedHashMap<>();

    ChannelState(EmulatorChannel channel) {
      this.channel = channel;
    }
  }

  static final class SystemState {
    final String id;
    String name;
    String apiUrl;
    String remarks = "";
    String token;
    String previousToken;
    Instant previousTokenExpiresAt;
    final Map<String, IntentState> intents = new LinkedHashMap<>();

    SystemState(String id) {
      this.id = id;
    }

    /** The tokens the platform signs with at {@code now}: the current one, then the previous during its grace. */
    List<String> activeTokens(Instant now) {
      List<String> tokens = new ArrayList<>(2);
      tokens.add(token);
      if (previousToken != null && now.isBefore(previousTokenExpiresAt)) {
        tokens.add(previousToken);
      }
      return tokens;
    }
  }

  static final class IntentState {
    final String code;
    String name;
    JsonObject defaultData;

    IntentState(String code, String name, JsonObject defaultData) {
      this.code = code;
      this.name = name;
      this.defaultData = defaultData;
    }
  }

  void addChannel(EmulatorChannel channel) {
    channels.putIfAbsent(channel.custSpaceId(), new ChannelState(channel));
  }

  // ---- persistence: a JSON file holding everything, tokens included (it is a local development file) ----

  void save(Path file) {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.setIndent("  ");
      Json.writeValue(writer, toMap());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Path temp = Files.createTempFile(parent, ".cams-emulator", ".tmp");
      Files.write(temp, buffer.readByteArray());
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save emulator state to " + file, e);
    }
  }

  private Map<String, Object> toMap() {
    List<Object> channelList = new ArrayList<>();
    for (ChannelState c : channels.values()) {
      Map<String, Object> channel = new LinkedHashMap<>();
      channel.put("CustSpaceId", c.channel.custSpaceId());
      channel.put("ChannelType", c.channel.channelType().value());
      channel.put("SmsActivated", c.smsActivated);
      channel.put("OtpScheduling", Map.of("Enabled", c.otpEnabled, "Countries", c.otpCountries,
          "UseOwnNumbers", c.otpUseOwnNumbers));
      List<Object> systems = new ArrayList<>();
      for (SystemState s : c.systems.values()) {
        Map<String, Object> system = new LinkedHashMap<>();
        system.put("BusinessSystemId", s.id);
        system.put("SystemName", s.name);
        system.put("ApiUrl", s.apiUrl);
        system.put("Remarks", s.remarks);
        system.put("Signature", s.token);
        if (s.previousToken != null) {
          system.put("PreviousSignature", s.previousToken);
          system.put("PreviousSignatureExpiresAt", s.previousTokenExpiresAt.toEpochMilli());
        }
        List<Object> intents = new ArrayList<>();
        for (IntentState i : s.intents.values()) {
          intents.add(Map.of("IntentCode", i.code, "IntentName", i.name, "DefaultIntentData", i.defaultData.asMap()));
        }
        system.put("Intents", intents);
        systems.add(system);
      }
      channel.put("BusinessSystems", systems);
      channelList.add(channel);
    }
    return Map.of("Version", 1L, "Channels", channelList);
  }

  /**
   * Reads a state file, checking every entry with the rules the management API applies to its input (and tokens'
   * shape), so that a hand-edited file cannot put into the emulator what the API would refuse.
   *
   * @throws IllegalArgumentException naming the file and the offending field (never a token's value)
   */
  static EmulatorState load(Path file) {
    Map<String, Object> root;
    try (JsonReader reader = JsonReader.of(new Buffer().write(Files.readAllBytes(file)))) {
      root = Json.readObjectMap(reader, JsonLimits.DEFAULTS.withMaxStringLength(1 << 20), 1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read emulator state from " + file, e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("emulator state file " + file + " is not valid JSON", e);
    }
    EmulatorState state = new EmulatorState();
    String at = "";
    try {
      List<Object> channelList = list(root, "Channels", "");
      for (int c = 0; c < channelList.size(); c++) {
        at = "Channels[" + c + "]";
        Map<String, Object> cm = object(channelList.get(c), at);
        String custSpaceId = string(cm, "CustSpaceId", at, true);
        if (!ID.matcher(custSpaceId).matches()) {
          throw ApiError.invalid("CustSpaceId must be 1-64 chars of [A-Za-z0-9_.-]");
        }
        if (state.channels.containsKey(custSpaceId)) {
          throw ApiError.invalid("CustSpaceId " + custSpaceId + " is repeated");
        }
        String type = string(cm, "ChannelType", at, true);
        ChannelState cs = new ChannelState(new EmulatorChannel(custSpaceId, ChannelType.of(type)));
        cs.smsActivated = bool(cm, "SmsActivated", at);
        Map<String, Object> otp = cm.get("OtpScheduling") == null ? Map.of()
            : object(cm.get("OtpScheduling"), at + ".OtpScheduling");
        cs.otpEnabled = bool(otp, "Enabled", at + ".OtpScheduling");
        at = at + ".OtpScheduling";
        cs.otpCountries = Platform.countries(otp.get("Countries") == null ? null
            : new String(ManagementApi.write(otp.get("Countries")), StandardCharsets.UTF_8), cs.otpEnabled);
        cs.otpUseOwnNumbers = bool(otp, "UseOwnNumbers", at);
        at = "Channels[" + c + "]";
        List<Object> systems = list(cm, "BusinessSystems", "Channels[" + c + "]");
        for (int b = 0; b < systems.size(); b++) {
          at = "Channels[" + c + "].BusinessSystems[" + b + "]";
          SystemState ss = system(object(systems.get(b), at), at);
          if (state.channels.values().stream().anyMatch(other -> other.systems.containsKey(ss.id))
              || cs.systems.containsKey(ss.id)) {
            throw ApiError.invalid("BusinessSystemId " + ss.id + " is repeated");
          }
          cs.systems.put(ss.id, ss);
        }
        state.channels.put(custSpaceId, cs);
      }
    } catch (ApiError e) {
      throw new IllegalArgumentException("emulator state file " + file + " is not valid"
          + (at.isEmpty() ? "" : " at " + at) + ": " + e.getMessage());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("emulator state file " + file + " is not valid"
          + (at.isEmpty() ? "" : " at " + at) + ": an entry has an unexpected shape");
    }
    return state;
  }

  private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[A-Za-z0-9_.-]{1,64}");
  /** Tokens the emulator issues are 43 chars of Base64url; accept any plausible Base64url token, never print it. */
  private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{16,256}");

  private static SystemState system(Map<String, Object> s, String at) {
    String id = string(s, "BusinessSystemId", at, true);
    if (!ID.matcher(id).matches()) {
      throw ApiError.invalid("BusinessSystemId must be 1-64 chars of [A-Za-z0-9_.-]");
    }
    SystemState ss = new SystemState(id);
    ss.name = Platform.systemName(string(s, "SystemName", at, true));
    ss.apiUrl = Platform.apiUrl(string(s, "ApiUrl", at, true));
    String remarks = string(s, "Remarks", at, false);
    ss.remarks = Platform.remarks(remarks == null ? "" : remarks);
    ss.token = token(string(s, "Signature", at, true), "Signature");
    String previous = string(s, "PreviousSignature", at, false);
    if (previous != null) {
      ss.previousToken = token(previous, "PreviousSignature");
      if (!(s.get("PreviousSignatureExpiresAt") instanceof Number expires)) {
        throw ApiError.invalid("PreviousSignatureExpiresAt is required with PreviousSignature (epoch milliseconds)");
      }
      ss.previousTokenExpiresAt = Instant.ofEpochMilli(expires.longValue());
    }
    List<Object> intents = list(s, "Intents", at);
    String systemAt = at;
    for (int i = 0; i < intents.size(); i++) {
      String intentAt = systemAt + ".Intents[" + i + "]";
      Map<String, Object> im = object(intents.get(i), intentAt);
      String code;
      String name;
      JsonObject defaultData;
      try {
        code = Platform.intentCode(string(im, "IntentCode", intentAt, true));
        name = Platform.intentName(string(im, "IntentName", intentAt, true));
        Object data = im.getOrDefault("DefaultIntentData", Map.of());
        if (!(data instanceof Map)) {
          throw ApiError.invalid("DefaultIntentData must be a JSON object");
        }
        defaultData = Platform.defaultIntentData(new String(ManagementApi.write(data), StandardCharsets.UTF_8));
        if (ss.intents.containsKey(code)) {
          throw ApiError.invalid("IntentCode " + code + " is repeated");
        }
      } catch (ApiError e) {
        throw new ApiError(e.status, e.code, "Intents[" + i + "]." + e.getMessage());
      }
      ss.intents.put(code, new IntentState(code, name, defaultData));
    }
    return ss;
  }

  private static String token(String value, String field) {
    if (!TOKEN.matcher(value).matches()) {
      throw ApiError.invalid(field + " must be 16-256 chars of Base64url (the value is not shown)");
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, String at) {
    if (!(value instanceof Map)) {
      throw ApiError.invalid("must be a JSON object");
    }
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Map<String, Object> map, String name, String at) {
    Object value = map.get(name);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List)) {
      throw ApiError.invalid(name + " must be a JSON array");
    }
    return (List<Object>) value;
  }

  private static String string(Map<String, Object> map, String name, String at, boolean required) {
    Object value = map.get(name);
    if (value == null) {
      if (required) {
        throw ApiError.missing(name);
      }
      return null;
    }
    if (!(value instanceof String text)) {
      throw ApiError.invalid(name + " must be a string");
    }
    return text;
  }

  private static boolean bool(Map<String, Object> map, String name, String at) {
    Object value = map.get(name);
    if (value == null) {
      return false;
    }
    if (!(value instanceof Boolean b)) {
      throw ApiError.invalid(name + " must be true or false");
    }
    return b;
  }
}
