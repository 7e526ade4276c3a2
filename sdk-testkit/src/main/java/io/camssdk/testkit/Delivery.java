package io.camssdk.testkit;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One call the emulator delivered (or is delivering) to a business system: an intent call or a receipt push, with
 * every attempt it made. A snapshot: immutable; read a fresh one from {@link CamsEmulator#deliveries()} or
 * {@link Dispatch#await(Duration)}.
 *
 * <pre>{@code
 * Delivery delivery = emulator.triggerIntent(space, systemId, "ECHO", data).await(Duration.ofSeconds(5));
 * assertThat(delivery.outcome()).isEqualTo(Delivery.Outcome.DELIVERED);
 * assertThat(delivery.attempts()).hasSize(1);
 * }</pre>
 *
 * @param requestId the call's {@code X-Cams-Request-Id}, the same on every attempt
 * @param kind what was delivered
 * @param url where it was sent
 * @param businessSystemId the business system an intent call was for; {@code ""} for pushes and ad-hoc calls
 * @param intentCode the intent code of an intent call; {@code ""} for pushes
 * @param createdAt when the emulator accepted the call (emulator clock)
 * @param attempts the attempts so far, in order
 * @param outcome where the delivery stands
 * @since 0.1
 */
public record Delivery(String requestId, Kind kind, URI url, String businessSystemId, String intentCode,
    Instant createdAt, List<Attempt> attempts, Outcome outcome) {

  public Delivery {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(url, "url");
    businessSystemId = businessSystemId == null ? "" : businessSystemId;
    intentCode = intentCode == null ? "" : intentCode;
    Objects.requireNonNull(createdAt, "createdAt");
    attempts = List.copyOf(attempts);
    Objects.requireNonNull(outcome, "outcome");
  }

  /** What a delivery carries. */
  public enum Kind {
    /** An intent call (contract section 1). */
    INTENT,
    /** A {@code ChatAppStatus} push. */
    STATUS,
    /** A {@code ChatAppInbound} push. */
    INBOUND,
    /** A {@code ChatAppAudit} push. */
    AUDIT
  }

  /** Where a delivery stands. */
  public enum Outcome {
    /** Not finished: an attempt is in flight or a retry is scheduled. */
    PENDING,
    /** A 2xx reply was received. */
    DELIVERED,
    /** A final non-retryable reply (a 4xx other than 408, 409 and 429, or a 1xx/3xx) ended it. */
    REJECTED,
    /** Every attempt failed with a retryable result; the platform gives up. */
    GAVE_UP;

    /** Whether no more attempts will be made. */
    public boolean isFinal() {
      return this != PENDING;
    }
  }

  /**
   * One HTTP attempt.
   *
   * @param number 1 for the first attempt
   * @param startedAt when it was sent (emulator clock)
   * @param status the reply's HTTP status; 0 when no reply arrived in time
   * @param code the reply's {@code Code}, or {@code ""}
   * @param latency time from sending to the reply or the failure
   * @param error why no reply was received ({@code "timeout after 3000 ms"}, {@code "connection refused"}), or
   *     {@code ""}
   * @param replyBody the reply body as text (at most 4 KiB), or {@code ""}
   */
  public record Attempt(int number, Instant startedAt, int status, String code, Duration latency, String error,
      String replyBody) {
    public Attempt {
      Objects.requireNonNull(startedAt, "startedAt");
      code = code == null ? "" : code;
      Objects.requireNonNull(latency, "latency");
      error = error == null ? "" : error;
      replyBody = replyBody == null ? "" : replyBody;
    }

    /** A short line such as {@code "#2 200 OK 12 ms"} or {@code "#1 timeout after 3000 ms"}. */
    public String summary() {
      String outcome = status == 0 ? error : status + (code.isEmpty() ? "" : " " + code);
      return "#" + number + " " + outcome + " " + latency.toMillis() + " ms";
    }
  }

  /** The last attempt, if any was made. */
  public Attempt lastAttempt() {
    return attempts.isEmpty() ? null : attempts.get(attempts.size() - 1);
  }

  /** A one-line summary for logs and transcripts, free of tokens and signatures. */
  public String summary() {
    StringBuilder out = new StringBuilder();
    out.append(kind).append(' ');
    if (!intentCode.isEmpty()) {
      out.append(intentCode).append(' ');
    }
    out.append(requestId).append(" -> ").append(url).append(": ").append(outcome);
    out.append(" after ").append(attempts.size()).append(attempts.size() == 1 ? " attempt" : " attempts");
    if (!attempts.isEmpty()) {
      out.append(" [");
      for (int i = 0; i < attempts.size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        out.append(attempts.get(i).summary());
      }
      out.append(']');
    }
    return out.toString();
  }
}
