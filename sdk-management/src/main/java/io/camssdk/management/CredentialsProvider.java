package io.camssdk.management;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Supplies the credentials that sign each request. Called once per attempt, so an implementation can rotate
 * temporary credentials; it must be thread-safe and should return quickly (cache what it fetches).
 *
 * <pre>{@code
 * CredentialsProvider fixed = CredentialsProvider.of(Credentials.of(id, secret));
 * CredentialsProvider fromEnv = CredentialsProvider.fromEnvironment();
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface CredentialsProvider {
  /** The environment variable holding the AccessKey ID. */
  String ENV_ACCESS_KEY_ID = "ALIBABA_CLOUD_ACCESS_KEY_ID";
  /** The environment variable holding the AccessKey secret. */
  String ENV_ACCESS_KEY_SECRET = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
  /** The environment variable holding the optional STS security token. */
  String ENV_SECURITY_TOKEN = "ALIBABA_CLOUD_SECURITY_TOKEN";

  /** The credentials to sign the next request with; never {@code null}. */
  Credentials credentials();

  /** A provider that always returns {@code credentials}. */
  static CredentialsProvider of(Credentials credentials) {
    Objects.requireNonNull(credentials, "credentials");
    return new StaticCredentialsProvider(credentials);
  }

  /**
   * Reads {@value #ENV_ACCESS_KEY_ID}, {@value #ENV_ACCESS_KEY_SECRET} and, if set, {@value #ENV_SECURITY_TOKEN}
   * from the process environment, once, now.
   *
   * @throws IllegalStateException naming the variable that is missing or blank
   */
  static CredentialsProvider fromEnvironment() {
    return fromEnvironment(System::getenv);
  }

  /**
   * Like {@link #fromEnvironment()}, reading variables through {@code environment} (a lookup such as
   * {@code Map.of(...)::get} in tests).
   *
   * @throws IllegalStateException naming the variable that is missing or blank
   */
  static CredentialsProvider fromEnvironment(UnaryOperator<String> environment) {
    Objects.requireNonNull(environment, "environment");
    String id = required(environment, ENV_ACCESS_KEY_ID);
    String secret = required(environment, ENV_ACCESS_KEY_SECRET);
    String token = environment.apply(ENV_SECURITY_TOKEN);
    Credentials credentials = new Credentials(id, secret, token == null || token.isBlank() ? null : token);
    return new StaticCredentialsProvider(credentials);
  }

  private static String required(UnaryOperator<String> environment, String name) {
    String value = environment.apply(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("Environment variable " + name + " is not set; set it or configure "
          + "CredentialsProvider.of(Credentials.of(accessKeyId, accessKeySecret)) on the client builder");
    }
    return value.trim();
  }
}
