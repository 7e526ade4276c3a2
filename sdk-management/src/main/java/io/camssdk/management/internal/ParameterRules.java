package io.camssdk.management.internal;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The contract's rules (section 3) for names, intent codes, default intent data and OTP countries. The management
 * client checks them before sending and the testkit's emulator answers {@code InvalidParameter} with them, so the two
 * cannot drift apart; each side words its own message.
 */
public final class ParameterRules {
  /** The most characters (code points) a {@code SystemName} or {@code IntentName} may have. */
  public static final int MAX_NAME_LENGTH = 64;
  /** The most bytes of UTF-8 JSON a {@code DefaultIntentData} may have. */
  public static final int MAX_DEFAULT_INTENT_DATA_BYTES = 4096;
  /** The ISO 3166-1 alpha-2 codes, upper case: the values {@code Countries} may hold. */
  public static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Pattern INTENT_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private ParameterRules() {}

  /** The length of {@code name} in characters (code points), as the name rule counts it. */
  public static int nameLength(String name) {
    return name.codePointCount(0, name.length());
  }

  /** Whether {@code name} is 1-64 characters and not blank. */
  public static boolean isName(String name) {
    int length = nameLength(name);
    return length >= 1 && length <= MAX_NAME_LENGTH && !name.isBlank();
  }

  /** Whether {@code code} matches {@code [A-Za-z0-9_.-]{1,64}}. */
  public static boolean isIntentCode(String code) {
    return code != null && INTENT_CODE.matcher(code).matches();
  }

  /** Whether {@code code} is an ISO 3166-1 alpha-2 country code in upper case. */
  public static boolean isCountry(String code) {
    return code != null && COUNTRIES.contains(code);
  }
}
