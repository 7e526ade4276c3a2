package io.camssdk.management;

import java.time.Duration;
import java.util.Objects;

/**
 * How a management call is repeated after a transient failure: a connection failure, HTTP 429, HTTP 503 or the
 * codes {@code Throttling} and {@code System.LimitControl}. It is the only way a call is repeated: the client
 * turns OkHttp's own silent retry off. Delays grow exponentially ({@code initialBackoff × 2^(n-1)}, capped at
 * {@code maxBackoff}) with "equal jitter" (a random point in the upper half of that delay); a {@code Retry-After}
 * header replaces the computed delay. Retrying stops after {@code maxAttempts} attempts, or when the next attempt
 * would start later than {@code maxElapsed} after the first.
 *
 * <p>Which failures are retried depends on the action (see {@link CamsManagementClient}): read-only and idempotent
 * actions on all of the above; {@code Create*} and {@code RefreshBusinessSystemSignature} only when the platform
 * cannot have run them (429, {@code Throttling} or {@code System.LimitControl}, or a connection that could not be
 * opened).
 *
 * <pre>{@code
 * RetryPolicy patient = RetryPolicy.builder().maxAttempts(6).maxElapsed(Duration.ofMinutes(2)).build();
 * RetryPolicy never = RetryPolicy.none();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class RetryPolicy {
  private static final RetryPolicy DEFAULTS = new Builder().build();
  private static final RetryPolicy NONE = new Builder().maxAttempts(1).build();

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxElapsed;

  private RetryPolicy(Builder builder) {
    this.maxAttempts = builder.maxAttempts;
    this.initialBackoff = builder.initialBackoff;
    this.maxBackoff = builder.maxBackoff;
    this.maxElapsed = builder.maxElapsed;
  }

  /** 3 attempts, 200 ms initial backoff, 5 s maximum backoff, 30 s in all. */
  public static RetryPolicy defaults() {
    return DEFAULTS;
  }

  /** One attempt, no retries. */
  public static RetryPolicy none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder newBuilder() {
    return new Builder(this);
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration initialBackoff() {
    return initialBackoff;
  }

  public Duration maxBackoff() {
    return maxBackoff;
  }

  public Duration maxElapsed() {
    return maxElapsed;
  }

  /**
   * The delay before retry number {@code retry} (1 for the second attempt), given a uniform random {@code unit}
   * in [0, 1).
   */
  long backoffMillis(int retry, double unit) {
    long cap = maxBackoff.toMillis();
    long base = initialBackoff.toMillis();
    long exponential = retry >= 31 ? cap : Math.min(cap, base << Math.max(0, retry - 1));
    if (exponential < 0) {
      exponential = cap;
    }
    return exponential / 2 + (long) (unit * (exponential - exponential / 2));
  }

  @Override
  public String toString() {
    return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff="
        + maxBackoff + ", maxElapsed=" + maxElapsed + "]";
  }

  /** Builds a {@link RetryPolicy}; setters check their argument at once. */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration initialBackoff = Duration.ofMillis(200);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private Duration maxElapsed = Duration.ofSeconds(30);

    private Builder() {}

    private Builder(RetryPolicy policy) {
      this.maxAttempts = policy.maxAttempts;
      this.initialBackoff = policy.initialBackoff;
      this.maxBackoff = policy.maxBackoff;
      this.maxElapsed = policy.maxElapsed;
    }

    /** Attempts in all, the first included; 1 disables retries. */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1 but was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /** The delay before the first retry (before jitter). */
    public Builder initialBackoff(Duration initialBackoff) {
      this.initialBackoff = nonNegative("initialBackoff", initialBackoff);
      return this;
    }

    /** The longest computed delay (a {@code Retry-After} may ask for more). */
    public Builder maxBackoff(Duration maxBackoff) {
      this.maxBackoff = nonNegative("maxBackoff", maxBackoff);
      return this;
    }

    /** No attempt starts later than this after the first one. */
    public Builder maxElapsed(Duration maxElapsed) {
      this.maxElapsed = nonNegative("maxElapsed", maxElapsed);
      return this;
    }

    public RetryPolicy build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") must not be less than initialBackoff ("
            + initialBackoff + ")");
      }
      return new RetryPolicy(this);
    }

    private static Duration nonNegative(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative but was " + value);
      }
      return value;
    }
  }
}
