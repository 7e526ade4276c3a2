package io.camssdk.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Init-parameter configuration fails fast, naming the parameter and never showing a token. */
final class ServletEndpointsTest {
  private static final String TOKEN = "secret-token-5e2c91d4";

  private static ServletEndpoints.InitSource params(Map<String, String> values) {
    return new ServletEndpoints.InitSource("servlet cams", values::get, null);
  }

  private static Map<String, String> valid() {
    Map<String, String> values = new HashMap<>();
    values.put(CamsInitParameters.SIGNATURE_TOKENS, TOKEN);
    values.put(CamsInitParameters.CONFIGURER, EchoConfigurer.class.getName());
    return values;
  }

  @Test
  void buildsEndpointFromTokensAndConfigurer() throws Exception {
    io.camssdk.webhook.CamsEndpoint endpoint = ServletEndpoints.fromInitParameters(params(valid()));
    byte[] body = ("{\"RequestId\":\"r-1\",\"IntentCode\":\"ECHO\",\"IntentData\":{\"orderId\":\"A-1\"},"
        + "\"Timestamp\":" + System.currentTimeMillis() + "}").getBytes(java.nio.charset.StandardCharsets.UTF_8);

    // The configurer's handler answers a call verified with the token of the init parameters...
    io.camssdk.webhook.EndpointResponse answered = endpoint.handleIntent(io.camssdk.webhook.EndpointRequest.post(
        "application/json", io.camssdk.signature.Signer.of(TOKEN).sign("r-1", body).asMap(), body));
    assertThat(answered.status()).isEqualTo(200);
    assertThat(answered.bodyText()).contains("\"orderId\":\"A-1\"", "\"via\":\"init-parameters\"");
    // ...and a call signed with another token is refused.
    io.camssdk.webhook.EndpointResponse refused = endpoint.handleIntent(io.camssdk.webhook.EndpointRequest.post(
        "application/json", io.camssdk.signature.Signer.of("another-token-0123456789").sign("r-2", body).asMap(),
        body));
    assertThat(refused.code()).isEqualTo(io.camssdk.CamsCode.INVALID_SIGNATURE);
  }

  @Test
  void readsTokensFromTheNamedEnvironmentVariable() throws Exception {
    Map<String, String> values = valid();
    values.remove(CamsInitParameters.SIGNATURE_TOKENS);
    values.put(CamsInitParameters.SIGNATURE_TOKENS_ENV, "MY_TOKENS");
    assertThat(ServletEndpoints.fromInitParameters(params(values), Map.of("MY_TOKENS", TOKEN + ",other")::get))
        .isNotNull();
    assertThatThrownBy(() -> ServletEndpoints.fromInitParameters(params(values), name -> null))
        .isInstanceOf(ServletException.class)
        .hasMessage("servlet cams: environment variable MY_TOKENS (from cams.signature-tokens-env) is not set");
  }

  @Test
  void splitsCommaSeparatedTokensIgnoringBlanks() {
    assertThat(ServletEndpoints.splitTokens(" a-token , ,b-token,")).containsExactly("a-token", "b-token");
  }

  @Test
  void rejectsMissingTokensNamingBothParameters() {
    Map<String, String> values = valid();
    values.remove(CamsInitParameters.SIGNATURE_TOKENS);
    assertThatThrownBy(() -> ServletEndpoints.fromInitParameters(params(values)))
        .isInstanceOf(ServletException.class)
        .hasMessageContaining("cams.signature-tokens or cams.signature-tokens-env");
  }

  @Test
  void rejectsNonNumericMaxBodyBytesShowingTheValue() {
    Map<String, String> values = valid();
    values.put(CamsInitParameters.MAX_BODY_BYTES, "64k");
    assertThatThrownBy(() -> ServletEndpoints.fromInitParameters(params(values)))
        .hasMessage("servlet cams: init parameter cams.max-body-bytes must be a positive integer but was '64k'");
  }

  @Test
  void rejectsUnknownScheme() {
    Map<String, String> values = valid();
    values.put(CamsInitParameters.SCHEME, "v2");
    assertThatThrownBy(() -> ServletEndpoints.fromInitParameters(params(values)))
        .hasMessage("servlet cams: init parameter cams.scheme must be v1 or token but was 'v2'");
  }

  @Test
  void rejectsZeroHandlerBudgetAndTolerance() {
    for (String name : new String[] {CamsInitParameters.HANDLER_BUDGET_MS, CamsInitParameters.TOLERANCE_SECONDS}) {
      Map<String, String> values = valid();
      values.put(name, "0");
      assertThatThrownBy(() -> ServletEndpoints.fromInitParameters(params(values))).hasMessageContaining(name);
    }
  }

  @Test
  void requiresAConfigurerThatImplementsTheInterface() {
    Map<String, String> values = valid();
    values.remove(CamsInitParameters.CONFIGURER);
    assertThatThrownBy(() -> ServletEndpoints.fromInitParameters(params(values)))
        .hasMessageContaining("cams.configurer must name a CamsServletConfigurer");
    values.put(CamsInitParameters.CONFIGURER, String.class.getName());
    assertThatThrownBy(() -> ServletEndpoints.fromInitParameters(params(values)))
        .hasMessageContaining("does not implement io.camssdk.servlet.CamsServletConfigurer");
    values.put(CamsInitParameters.CONFIGURER, "com.example.Missing");
    assertThatThrownBy(() -> ServletEndpoints.fromInitParameters(params(values)))
        .hasMessageContaining("class com.example.Missing (from cams.configurer) was not found");
  }

  @Test
  void rejectsEndpointAttributeCombinedWithOtherParameters() {
    Map<String, String> values = valid();
    values.put(CamsInitParameters.ENDPOINT_ATTRIBUTE, "cams.endpoint");
    assertThatThrownBy(() -> ServletEndpoints.fromInitParameters(params(values)))
        .hasMessageContaining("cannot be combined with cams.endpoint-attribute");
  }

  @Test
  void neverShowsTokensInConfigurationErrors() {
    Map<String, String> values = valid();
    values.put(CamsInitParameters.SIGNATURE_TOKENS, TOKEN + ",bad token with spaces");
    values.put(CamsInitParameters.MAX_BODY_BYTES, "x");
    assertThatThrownBy(() -> ServletEndpoints.fromInitParameters(params(values)))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN, "bad token"));
  }

  @Test
  void refusesPlaceholderTokenNamingTheParameterNeverTheValue() {
    for (String placeholder : new String[] {"${CAMS_SIGNATURE_TOKEN}", "prefix-${vault.cams.token}"}) {
      Map<String, String> values = valid();
      values.put(CamsInitParameters.SIGNATURE_TOKENS, TOKEN + "," + placeholder);
      assertThatThrownBy(() -> ServletEndpoints.fromInitParameters(params(values)))
          .isInstanceOf(ServletException.class)
          .hasMessageStartingWith("servlet cams: init parameter cams.signature-tokens: token 2 of 2 is an unresolved "
              + "placeholder")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN, "CAMS_SIGNATURE_TOKEN", "vault"));
    }
  }

  @Test
  void refusesTokensHoldingWhitespaceOrControlCharactersNeverShowingThem() {
    for (String bad : new String[] {"abcdef01 23456789", "abcdef0123456789\u0007", "abcdef\r\n0123456789",
        "abcdef\u00a00123456789"}) {
      Map<String, String> values = valid();
      values.put(CamsInitParameters.SIGNATURE_TOKENS, bad);
      assertThatThrownBy(() -> ServletEndpoints.fromInitParameters(params(values)))
          .isInstanceOf(ServletException.class)
          .hasMessageContaining("init parameter cams.signature-tokens: token 1 of 1 contains")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("abcdef", "0123456789"));
    }
  }

  @Test
  void refusesPlaceholderFromTheEnvironmentNamingTheVariableAndTheParameter() {
    Map<String, String> values = valid();
    values.remove(CamsInitParameters.SIGNATURE_TOKENS);
    values.put(CamsInitParameters.SIGNATURE_TOKENS_ENV, "MY_TOKENS");
    assertThatThrownBy(() -> ServletEndpoints.fromInitParameters(params(values),
        Map.of("MY_TOKENS", "${SECRET_FROM_VAULT}")::get))
        .hasMessageStartingWith("servlet cams: environment variable MY_TOKENS (from cams.signature-tokens-env): "
            + "token 1 of 1 is an unresolved placeholder")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRET_FROM_VAULT"));
  }

  @Test
  void warnsAboutTokensShorterThan16CharactersWithoutShowingThem() throws Exception {
    Map<String, String> values = valid();
    values.put(CamsInitParameters.SIGNATURE_TOKENS, "short-tok1," + TOKEN);
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertThat(ServletEndpoints.fromInitParameters(params(values))).isNotNull();
    } finally {
      System.setErr(original);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .contains("init parameter cams.signature-tokens: token 1 of 2 is shorter than 16 characters")
        .doesNotContain("short-tok1", TOKEN);
  }

  @Test
  void readsTheReadDeadlineAndRefusesANonPositiveOne() throws Exception {
    Map<String, String> values = valid();
    assertThat(ServletEndpoints.readDeadline(params(values))).isEqualTo(ServletCallHandler.DEFAULT_READ_DEADLINE);
    values.put(CamsInitParameters.READ_DEADLINE_MS, "2500");
    assertThat(ServletEndpoints.readDeadline(params(values))).hasMillis(2500);
    values.put(CamsInitParameters.READ_DEADLINE_MS, "0");
    assertThatThrownBy(() -> ServletEndpoints.readDeadline(params(values)))
        .hasMessage("servlet cams: init parameter cams.read-deadline-ms must be a positive integer but was '0'");
  }
}
