package io.camssdk.duplicate;

import java.util.Objects;

/**
 * What a {@link DuplicateStore#claim claim} found.
 *
 * @since 0.1
 */
public sealed interface ClaimResult {

  /** The caller now holds the key and must complete or release it. */
  static ClaimResult acquired() {
    return Acquired.INSTANCE;
  }

  /** Someone else holds an unexpired claim on the key. */
  static ClaimResult inProgress() {
    return InProgress.INSTANCE;
  }

  /** The key was completed earlier with {@code reply}. */
  static ClaimResult completed(StoredReply reply) {
    return new Completed(reply);
  }

  /** The caller holds the key. */
  enum Acquired implements ClaimResult {
    INSTANCE
  }

  /** Another caller holds the key. */
  enum InProgress implements ClaimResult {
    INSTANCE
  }

  /** The key was handled; {@code reply} is what was answered then. */
  record Completed(StoredReply reply) implements ClaimResult {
    public Completed {
      Objects.requireNonNull(reply, "reply");
    }
  }
}
