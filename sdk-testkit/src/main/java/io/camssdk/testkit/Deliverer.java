package io.camssdk.testkit;

import io.camssdk.signature.Signer;
import io.camssdk.signature.SignatureScheme;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends calls the way the platform does: signed per contract section 1 anew on every attempt, waiting
 * {@code timeout} for each reply, retrying on no reply, 408, 409, 429 and 5xx after {@code base * 2^(n-1)} with
 * jitter, at most {@code maxAttempts} times. Thread-safe.
 */
final class Deliverer {
  private static final Pattern CODE = Pattern.compile("\"Code\"\\s*:\\s*\"([^\"]{0,64})\"");
  private static final int MAX_REPLY_CHARS = 4096;

  private final HttpClient http;
  private final ScheduledExecutorService scheduler;
  private final Clock clock;
  private final Random jitterRandom;
  private final Duration timeout;
  private final Duration backoffBase;
  private final double jitter;
  private final int maxAttempts;
  private final Consumer<Delivery> onFinished;

  Deliverer(HttpClient http, ScheduledExecutorService scheduler, Clock clock, Random jitterRandom, Duration timeout,
      Duration backoffBase, double jitter, int maxAttempts, Consumer<Delivery> onFinished) {
    this.http = http;
    this.scheduler = scheduler;
    this.clock = clock;
    this.jitterRandom = jitterRandom;
    this.timeout = timeout;
    this.backoffBase = backoffBase;
    this.jitter = jitter;
    this.maxAttempts = maxAttempts;
    this.onFinished = onFinished;
  }

  /** A delivery in progress: mutable, guarded by itself. */
  static final class Job {
    final String requestId;
    final Delivery.Kind kind;
    final URI url;
    final String businessSystemId;
    final String intentCode;
    final Instant createdAt;
    final byte[] body;
    /** The tokens to sign each attempt with (looked up anew, so a rotation mid-retry is honoured); empty: unsigned. */
    final Supplier<List<String>> tokens;
    final List<Delivery.Attempt> attempts = new ArrayList<>();
    Delivery.Outcome outcome = Delivery.Outcome.PENDING;
    final CompletableFuture<Delivery> done = new CompletableFuture<>();

    Job(String requestId, Delivery.Kind kind, URI url, String businessSystemId, String intentCode, Instant createdAt,
        byte[] body, Supplier<List<String>> tokens) {
      this.requestId = requestId;
      this.kind = kind;
      this.url = url;
      this.businessSystemId = businessSystemId;
      this.intentCode = intentCode;
      this.createdAt = createdAt;
      this.body = body;
      this.tokens = tokens;
    }

    synchronized Delivery snapshot() {
      return new Delivery(requestId, kind, url, businessSystemId, intentCode, createdAt, attempts, outcome);
    }
  }

  void start(Job job) {
    schedule(job, 1, 0);
  }

  private void schedule(Job job, int attempt, long delayNanos) {
    try {
      scheduler.schedule(() -> attempt(job, attempt), delayNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      job.done.completeExceptionally(new IllegalStateException("the emulator was closed"));
    }
  }

  private void attempt(Job job, int number) {
    Instant startedAt = clock.instant();
    HttpRequest request;
    try {
      HttpRequest.Builder builder = HttpRequest.newBuilder(job.url)
          .timeout(timeout)
          .header("Content-Type", "application/json; charset=utf-8")
          .header("User-Agent", "cams-emulator/0.1")
          .POST(HttpRequest.BodyPublishers.ofByteArray(job.body));
      List<String> tokens = job.tokens.get();
      if (!tokens.isEmpty()) {
        Signer signer = Signer.of(tokens, clock, SignatureScheme.V1);
        // A push's signature binds its type (contract section 2), so it verifies on that type's path only.
        (job.kind == Delivery.Kind.INTENT ? signer.sign(job.requestId, job.body)
            : signer.signReceipt(io.camssdk.receipt.ReceiptType.valueOf(job.kind.name()), job.requestId, job.body))
            .asMap().forEach(builder::header);
      } else {
        builder.header(io.camssdk.signature.CamsHeaders.REQUEST_ID, job.requestId);
      }
      request = builder.build();
    } catch (RuntimeException e) {
      record(job, new Delivery.Attempt(number, startedAt, 0, "", Duration.ZERO, "cannot send: " + e.getMessage(), ""),
          false, number);
      return;
    }
    long started = System.nanoTime();
    CompletableFuture<HttpResponse<byte[]>> sent;
    try {
      sent = http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (RuntimeException e) {
      record(job, new Delivery.Attempt(number, startedAt, 0, "", Duration.ZERO, describe(e), ""), true, number);
      return;
    }
    sent.whenComplete((response, failure) -> {
      Duration latency = Duration.ofNanos(System.nanoTime() - started);
      if (failure != null) {
        record(job, new Delivery.Attempt(number, startedAt, 0, "", latency, describe(failure), ""), true, number);
        return;
      }
      int status = response.statusCode();
      String text = new String(response.body(), StandardCharsets.UTF_8);
      if (text.length() > MAX_REPLY_CHARS) {
        text = text.substring(0, MAX_REPLY_CHARS);
      }
      Matcher code = CODE.matcher(text);
      boolean retryable = status == 408 || status == 409 || status == 429 || status >= 500;
      record(job, new Delivery.Attempt(number, startedAt, status, code.find() ? code.group(1) : "", latency, "", text),
          retryable, number);
    });
  }

  private void record(Job job, Delivery.Attempt attempt, boolean retryable, int number) {
    Delivery finished = null;
    synchronized (job) {
      job.attempts.add(attempt);
      if (attempt.status() >= 200 && attempt.status() < 300) {
        job.outcome = Delivery.Outcome.DELIVERED;
      } else if (!retryable) {
        job.outcome = attempt.status() == 0 ? Delivery.Outcome.GAVE_UP : Delivery.Outcome.REJECTED;
      } else if (number >= maxAttempts) {
        job.outcome = Delivery.Outcome.GAVE_UP;
      }
      if (job.outcome.isFinal()) {
        finished = new Delivery(job.requestId, job.kind, job.url, job.businessSystemId, job.intentCode,
            job.createdAt, job.attempts, job.outcome);
      }
    }
    if (finished != null) {
      onFinished.accept(finished);
      job.done.complete(finished);
    } else {
      schedule(job, number + 1, backoffNanos(number));
    }
  }

  /** The delay after attempt {@code number} failed: base * 2^(number-1), times a factor in [1-jitter, 1+jitter]. */
  long backoffNanos(int number) {
    double factor;
    synchronized (jitterRandom) {
      factor = 1 + jitter * (2 * jitterRandom.nextDouble() - 1);
    }
    double nanos = backoffBase.toNanos() * Math.pow(2, number - 1) * factor;
    return Math.max(0, (long) nanos);
  }

  private String describe(Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    if (cause instanceof HttpTimeoutException) {
      return "timeout after " + timeout.toMillis() + " ms";
    }
    if (cause instanceof ConnectException) {
      return "connection refused";
    }
    String message = cause.getMessage();
    String line = cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    line = line.replaceAll("[\\r\\n\\t]+", " ");
    return line.length() > 200 ? line.substring(0, 200) : line;
  }
}
