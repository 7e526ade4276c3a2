package io.camssdk.testkit;

import com.squareup.moshi.JsonWriter;
import io.camssdk.intent.ChannelType;
import io.camssdk.internal.Json;
import io.camssdk.json.JsonLimits;
import io.camssdk.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
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

  @SuppressWarnings("unchecked")
  static EmulatorState load(Path file) {
    Map<String, Object> root;
    try {
      root = JsonObject.parse(Files.readAllBytes(file), JsonLimits.DEFAULTS.withMaxStringLength(1 << 20)).asMap();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read emulator state from " + file, e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("emulator state file " + file + " is not valid: " + e.getMessage(), e);
    }
    EmulatorState state = new EmulatorState();
    try {
      for (Object o : (List<Object>) root.getOrDefault("Channels", List.of())) {
        Map<String, Object> c = (Map<String, Object>) o;
        EmulatorChannel channel = new EmulatorChannel((String) c.get("CustSpaceId"),
            ChannelType.of((String) c.get("ChannelType")));
        ChannelState cs = new ChannelState(channel);
        cs.smsActivated = Boolean.TRUE.equals(c.get("SmsActivated"));
        Map<String, Object> otp = (Map<String, Object>) c.getOrDefault("OtpScheduling", Map.of());
        cs.otpEnabled = Boolean.TRUE.equals(otp.get("Enabled"));
        cs.otpCountries = List.copyOf((List<String>) otp.getOrDefault("Countries", List.of()));
        cs.otpUseOwnNumbers = Boolean.TRUE.equals(otp.get("UseOwnNumbers"));
        for (Object so : (List<Object>) c.getOrDefault("BusinessSystems", List.of())) {
          Map<String, Object> s = (Map<String, Object>) so;
          SystemState ss = new SystemState((String) s.get("BusinessSystemId"));
          ss.name = (String) s.get("SystemName");
          ss.apiUrl = (String) s.get("ApiUrl");
          ss.remarks = (String) s.getOrDefault("Remarks", "");
          ss.token = (String) s.get("Signature");
          if (s.get("PreviousSignature") != null) {
            ss.previousToken = (String) s.get("PreviousSignature");
            ss.previousTokenExpiresAt = Instant.ofEpochMilli(((Number) s.get("PreviousSignatureExpiresAt")).longValue());
          }
          for (Object io : (List<Object>) s.getOrDefault("Intents", List.of())) {
            Map<String, Object> i = (Map<String, Object>) io;
            String code = (String) i.get("IntentCode");
            ss.intents.put(code, new IntentState(code, (String) i.get("IntentName"),
                JsonObject.of((Map<String, Object>) i.getOrDefault("DefaultIntentData", Map.of()))));
          }
          cs.systems.put(ss.id, ss);
        }
        state.channels.put(channel.custSpaceId(), cs);
      }
    } catch (ClassCastException | NullPointerException e) {
      throw new IllegalArgumentException("emulator state file " + file + " has an unexpected shape");
    }
    return state;
  }
}
