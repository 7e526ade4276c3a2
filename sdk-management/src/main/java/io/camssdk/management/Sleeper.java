package io.camssdk.management;

import java.time.Duration;

/**
 * Waits between attempts of a synchronous call. The default is {@link Thread#sleep}; tests inject one that records
 * the delay and returns at once.
 *
 * <pre>{@code
 * List<Duration> waits = new ArrayList<>();
 * CamsManagementClient client = CamsManagementClient.builder()...sleeper(waits::add).build();
 * }</pre>
 *
 * @since 0.1
 */
@FunctionalInterface
public interface Sleeper {
  /** Blocks the calling thread for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;
}
