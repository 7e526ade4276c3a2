package io.camssdk.testkit;

import java.util.concurrent.ConcurrentLinkedQueue;

/** Failures the management API answers with before performing the next actions (for clients' retry tests). */
final class FaultQueue {
  record Fault(int status, String code, String message, long retryAfterSeconds) {}

  private final ConcurrentLinkedQueue<Fault> queue = new ConcurrentLinkedQueue<>();

  void add(Fault fault) {
    queue.add(fault);
  }

  Fault poll() {
    return queue.poll();
  }
}
