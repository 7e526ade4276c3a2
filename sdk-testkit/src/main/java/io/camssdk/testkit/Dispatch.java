package io.camssdk.testkit;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A delivery the emulator has accepted and is working on; {@link #await(Duration)} waits for its final outcome.
 *
 * <pre>{@code
 * Dispatch dispatch = emulator.triggerIntent(space, systemId, "ECHO", JsonObject.of(Map.of("text", "hi")));
 * Delivery done = dispatch.await(Duration.ofSeconds(10));
 * }</pre>
 *
 * @since 0.1
 */
public final class Dispatch {
  private final String requestId;
  private final CompletableFuture<Delivery> done;

  Dispatch(String requestId, CompletableFuture<Delivery> done) {
    this.requestId = Objects.requireNonNull(requestId, "requestId");
    this.done = done;
  }

  /** The call's request id ({@code X-Cams-Request-Id}). */
  public String requestId() {
    return requestId;
  }

  /** Completes with the final delivery (never exceptionally for delivery failures: see its outcome). */
  public CompletableFuture<Delivery> future() {
    return done.copy();
  }

  /**
   * Waits until no more attempts will be made, and returns the final delivery.
   *
   * @throws IllegalStateException when {@code timeout} passes first, or the emulator was closed meanwhile
   */
  public Delivery await(Duration timeout) {
    try {
      return done.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      throw new IllegalStateException("delivery " + requestId + " still pending after " + timeout.toMillis() + " ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while awaiting delivery " + requestId, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("delivery " + requestId + " was abandoned: " + e.getCause().getMessage(),
          e.getCause());
    }
  }

  @Override
  public String toString() {
    return "Dispatch{requestId=" + requestId + ", done=" + done.isDone() + "}";
  }
}
