package io.camssdk.servlet;

import io.camssdk.CamsConfigurationException;
import io.camssdk.receipt.ReceiptType;
import io.camssdk.signature.SignatureScheme;
import io.camssdk.signature.SignatureVerifier;
import io.camssdk.signature.TokenLocation;
import io.camssdk.webhook.CamsEndpoint;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.lang.reflect.InvocationTargetException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The adapter's machinery: servlet request in, endpoint response out, and endpoints from init parameters. */
final class ServletEndpoints {
  private static final Logger log = LoggerFactory.getLogger(ServletEndpoints.class);
  /** Shorter tokens are accepted with a warning: the console generates longer ones. */
  static final int SHORT_TOKEN_LENGTH = 16;
  /** The builders' names of the settings read from init parameters, for {@link CamsConfigurationException}. */
  private static final Map<String, String> INIT_PARAMETER_OF_SETTING = Map.of(
      "tokenLocation", CamsInitParameters.TOKEN_LOCATION,
      "tokens", CamsInitParameters.SIGNATURE_TOKENS,
      "token", CamsInitParameters.SIGNATURE_TOKENS,
      "tolerance", CamsInitParameters.TOLERANCE_SECONDS,
      "scheme", CamsInitParameters.SCHEME,
      "maxBodyBytes", CamsInitParameters.MAX_BODY_BYTES,
      "handlerBudget", CamsInitParameters.HANDLER_BUDGET_MS,
      "requireReceiptSignature", CamsInitParameters.REQUIRE_RECEIPT_SIGNATURE);

  private ServletEndpoints() {}

  /** Init parameters of one servlet or filter, falling back to the context's. */
  record InitSource(String owner, Function<String, String> own, ServletContext context) {
    String get(String name) {
      String value = own.apply(name);
      if (value == null && context != null) {
        value = context.getInitParameter(name);
      }
      // strip(), not trim(): only whitespace goes; a control character at an end is kept, and refused for tokens.
      return value == null || value.isBlank() ? null : value.strip();
    }
  }

  /** The endpoint an init-parameter-configured servlet or filter serves. */
  static CamsEndpoint fromInitParameters(InitSource params) throws ServletException {
    return fromInitParameters(params, System::getenv);
  }

  static CamsEndpoint fromInitParameters(InitSource params, Function<String, String> environment)
      throws ServletException {
    String attribute = params.get(CamsInitParameters.ENDPOINT_ATTRIBUTE);
    if (attribute != null) {
      return fromAttribute(params, attribute);
    }
    List<String> tokens = tokens(params, environment);
    String tokensParameter = params.get(CamsInitParameters.SIGNATURE_TOKENS) != null
        ? CamsInitParameters.SIGNATURE_TOKENS : CamsInitParameters.SIGNATURE_TOKENS_ENV;
    SignatureVerifier.Builder verifier;
    try {
      verifier = SignatureVerifier.builder().tokens(tokens);
    } catch (CamsConfigurationException e) {
      throw configurationFailure(params, e.renamed(tokensParameter));
    } catch (RuntimeException e) {
      throw failure(params, "init parameter " + tokensParameter + " holds an unusable token: " + e.getMessage());
    }
    String tolerance = params.get(CamsInitParameters.TOLERANCE_SECONDS);
    if (tolerance != null) {
      verifier.tolerance(Duration.ofSeconds(positiveLong(params, CamsInitParameters.TOLERANCE_SECONDS, tolerance)));
    }
    String scheme = params.get(CamsInitParameters.SCHEME);
    if (scheme != null) {
      verifier.scheme(scheme(params, scheme));
    }
    CamsEndpoint.Builder endpoint = CamsEndpoint.builder()
        .diagnoseRejections(Boolean.parseBoolean(params.get(CamsInitParameters.DIAGNOSE)));
    try {
      String tokenLocation = params.get(CamsInitParameters.TOKEN_LOCATION);
      if (tokenLocation != null) {
        verifier.tokenLocation(TokenLocation.parse(tokenLocation));
      }
      endpoint.verifier(verifier.build());
    } catch (CamsConfigurationException e) {
      throw configurationFailure(params, renamed(e));
    } catch (RuntimeException e) {
      throw failure(params, "the signature settings are invalid: " + e.getMessage());
    }
    String maxBody = params.get(CamsInitParameters.MAX_BODY_BYTES);
    if (maxBody != null) {
      long bytes = positiveLong(params, CamsInitParameters.MAX_BODY_BYTES, maxBody);
      if (bytes > Integer.MAX_VALUE) {
        throw invalid(params, CamsInitParameters.MAX_BODY_BYTES, maxBody, "at most " + Integer.MAX_VALUE);
      }
      endpoint.maxBodyBytes((int) bytes);
    }
    String budget = params.get(CamsInitParameters.HANDLER_BUDGET_MS);
    if (budget != null) {
      endpoint.handlerBudget(Duration.ofMillis(positiveLong(params, CamsInitParameters.HANDLER_BUDGET_MS, budget)));
    }
    String requireReceiptSignature = params.get(CamsInitParameters.REQUIRE_RECEIPT_SIGNATURE);
    if (requireReceiptSignature != null) {
      endpoint.requireReceiptSignature(bool(params, CamsInitParameters.REQUIRE_RECEIPT_SIGNATURE,
          requireReceiptSignature));
    }
    String configurer = params.get(CamsInitParameters.CONFIGURER);
    if (configurer == null) {
      throw failure(params, "init parameter " + CamsInitParameters.CONFIGURER
          + " must name a CamsServletConfigurer that adds the handlers");
    }
    try {
      instantiate(params, configurer).configure(endpoint, params.context());
      return endpoint.build();
    } catch (ServletException e) {
      throw e;
    } catch (CamsConfigurationException e) {
      throw configurationFailure(params, renamed(e));
    } catch (Exception e) {
      throw failure(params, "could not build the endpoint: " + e.getClass().getName() + ": " + e.getMessage());
    }
  }

  private static CamsEndpoint fromAttribute(InitSource params, String attribute) throws ServletException {
    for (String other : List.of(CamsInitParameters.SIGNATURE_TOKENS, CamsInitParameters.SIGNATURE_TOKENS_ENV,
        CamsInitParameters.TOLERANCE_SECONDS, CamsInitParameters.MAX_BODY_BYTES, CamsInitParameters.SCHEME,
        CamsInitParameters.TOKEN_LOCATION, CamsInitParameters.DIAGNOSE, CamsInitParameters.HANDLER_BUDGET_MS, CamsInitParameters.REQUIRE_RECEIPT_SIGNATURE,
        CamsInitParameters.CONFIGURER)) {
      if (params.own().apply(other) != null) {
        throw failure(params, "init parameter " + other + " cannot be combined with "
            + CamsInitParameters.ENDPOINT_ATTRIBUTE + ": configure the prebuilt endpoint instead");
      }
    }
    Object value = params.context() == null ? null : params.context().getAttribute(attribute);
    if (value instanceof CamsEndpoint endpoint) {
      return endpoint;
    }
    throw failure(params, "servlet context attribute '" + attribute + "' (from "
        + CamsInitParameters.ENDPOINT_ATTRIBUTE + ") must hold a CamsEndpoint but was "
        + (value == null ? "absent" : value.getClass().getName()));
  }

  private static List<String> tokens(InitSource params, Function<String, String> environment)
      throws ServletException {
    String inline = params.get(CamsInitParameters.SIGNATURE_TOKENS);
    String variable = params.get(CamsInitParameters.SIGNATURE_TOKENS_ENV);
    if (inline != null && variable != null) {
      throw failure(params, "set only one of " + CamsInitParameters.SIGNATURE_TOKENS + " and "
          + CamsInitParameters.SIGNATURE_TOKENS_ENV);
    }
    String raw = inline;
    if (variable != null) {
      raw = environment.apply(variable);
      if (raw == null || raw.isBlank()) {
        throw failure(params, "environment variable " + variable + " (from " + CamsInitParameters.SIGNATURE_TOKENS_ENV
            + ") is not set");
      }
    }
    if (raw == null) {
      throw failure(params, "no signature token: set " + CamsInitParameters.SIGNATURE_TOKENS + " or "
          + CamsInitParameters.SIGNATURE_TOKENS_ENV + ", or name a prebuilt endpoint with "
          + CamsInitParameters.ENDPOINT_ATTRIBUTE);
    }
    List<String> tokens = splitTokens(raw);
    String source = variable != null
        ? "environment variable " + variable + " (from " + CamsInitParameters.SIGNATURE_TOKENS_ENV + ")"
        : "init parameter " + CamsInitParameters.SIGNATURE_TOKENS;
    for (int i = 0; i < tokens.size(); i++) {
      String problem = tokenProblem(tokens.get(i));
      String which = "token " + (i + 1) + " of " + tokens.size();
      if (problem != null) {
        // Never the value: it is a secret, and a placeholder shows which secret store failed to resolve.
        throw failure(params, source + ": " + which + " " + problem);
      }
      if (tokens.get(i).length() < SHORT_TOKEN_LENGTH) {
        log.warn("{}: {}: {} is shorter than {} characters; use the token the CAMS console generated",
            params.owner(), source, which, SHORT_TOKEN_LENGTH);
      }
    }
    return tokens;
  }

  /**
   * Why a token read from configuration cannot be the console's token, or {@code null}: an unresolved placeholder
   * (the deployment meant to substitute it), whitespace inside, or a control character (a pasted line break).
   */
  static String tokenProblem(String token) {
    if (token.contains("${") || (token.startsWith("#{") && token.endsWith("}"))) {
      return "is an unresolved placeholder (${...}): substitute the real token before start-up, or name an "
          + "environment variable with " + CamsInitParameters.SIGNATURE_TOKENS_ENV;
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (Character.isISOControl(c)) {
        return "contains a control character: copy the token again from the CAMS console";
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        return "contains whitespace: separate tokens with commas, and copy the token again from the CAMS console";
      }
    }
    return null;
  }

  /** The read deadline of a servlet or filter configured by init parameters. */
  static Duration readDeadline(InitSource params) throws ServletException {
    String value = params.get(CamsInitParameters.READ_DEADLINE_MS);
    if (value == null) {
      return ServletCallHandler.DEFAULT_READ_DEADLINE;
    }
    return Duration.ofMillis(positiveLong(params, CamsInitParameters.READ_DEADLINE_MS, value));
  }

  /** A positive duration passed to a constructor. */
  static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive but was " + value);
    }
    return value;
  }

  private static CamsConfigurationException renamed(CamsConfigurationException e) {
    String parameter = INIT_PARAMETER_OF_SETTING.get(e.setting());
    return parameter == null ? e : e.renamed(parameter);
  }

  private static ServletException configurationFailure(InitSource params, CamsConfigurationException e) {
    return new ServletException(params.owner() + ": " + e.getMessage(), e);
  }

  /** Comma-separated tokens, whitespace around each stripped, empty entries dropped. */
  static List<String> splitTokens(String raw) {
    List<String> tokens = new ArrayList<>();
    for (String token : raw.split(",")) {
      if (!token.isBlank()) {
        tokens.add(token.strip());
      }
    }
    return List.copyOf(tokens);
  }

  private static CamsServletConfigurer instantiate(InitSource params, String className) throws ServletException {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = ServletEndpoints.class.getClassLoader();
    }
    Class<?> type;
    try {
      type = Class.forName(className, true, loader);
    } catch (ClassNotFoundException e) {
      throw failure(params, "class " + className + " (from " + CamsInitParameters.CONFIGURER + ") was not found");
    }
    if (!CamsServletConfigurer.class.isAssignableFrom(type)) {
      throw failure(params, "class " + className + " (from " + CamsInitParameters.CONFIGURER
          + ") does not implement " + CamsServletConfigurer.class.getName());
    }
    try {
      return (CamsServletConfigurer) type.getConstructor().newInstance();
    } catch (NoSuchMethodException | IllegalAccessException | InstantiationException e) {
      throw failure(params, "class " + className + " (from " + CamsInitParameters.CONFIGURER
          + ") needs a public no-argument constructor");
    } catch (InvocationTargetException e) {
      throw failure(params, "constructor of " + className + " failed: " + e.getCause().getClass().getName());
    }
  }

  /** The receipt type of a receipt servlet: {@code status}, {@code inbound}, {@code audit}, or a wire name. */
  static ReceiptType receiptType(InitSource params) throws ServletException {
    String value = params.own().apply(CamsInitParameters.RECEIPT_TYPE);
    if (value == null || value.isBlank()) {
      throw failure(params, "init parameter " + CamsInitParameters.RECEIPT_TYPE
          + " must be set to status, inbound or audit");
    }
    for (ReceiptType type : ReceiptType.values()) {
      if (type.name().equalsIgnoreCase(value.trim()) || type.wireName().equalsIgnoreCase(value.trim())) {
        return type;
      }
    }
    throw invalid(params, CamsInitParameters.RECEIPT_TYPE, value.trim(), "status, inbound or audit");
  }

  private static long positiveLong(InitSource params, String name, String value) throws ServletException {
    try {
      long parsed = Long.parseLong(value);
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(params, name, value, "a positive integer");
  }

  private static SignatureScheme scheme(InitSource params, String value) throws ServletException {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "v1" -> SignatureScheme.V1;
      case "token" -> SignatureScheme.TOKEN;
      default -> throw invalid(params, CamsInitParameters.SCHEME, value, "v1 or token");
    };
  }

  private static boolean bool(InitSource params, String name, String value) throws ServletException {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(params, name, value, "true or false");
    };
  }

  private static ServletException invalid(InitSource params, String name, String value, String expected) {
    String shown = value.length() > 40 ? value.substring(0, 40) + "..." : value;
    return failure(params, "init parameter " + name + " must be " + expected + " but was '" + shown + "'");
  }

  private static ServletException failure(InitSource params, String message) {
    return new ServletException(params.owner() + ": " + message);
  }
}
