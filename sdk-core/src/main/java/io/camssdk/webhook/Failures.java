package io.camssdk.webhook;

import io.camssdk.duplicate.DuplicateStoreException;

/** How the endpoint's parts treat a throwable they did not expect. */
final class Failures {
  private Failures() {}

  /**
   * Rethrows the failures after which this JVM cannot be trusted to answer anything (out of memory, internal VM
   * errors). A {@link StackOverflowError} is not among them: the stack has unwound by the time it is caught.
   */
  static void rethrowIfFatal(Throwable failure) {
    if (isFatal(failure)) {
      throw (VirtualMachineError) failure;
    }
  }

  static boolean isFatal(Throwable failure) {
    return failure instanceof VirtualMachineError && !(failure instanceof StackOverflowError);
  }

  /** A store failure for the log: our own exceptions carry safe messages; others are named by class only. */
  static String describe(Throwable failure) {
    return failure instanceof DuplicateStoreException ? failure.getMessage() : failure.getClass().getName();
  }

  /**
   * A failure of parsing code for the log: its class and where it was thrown, never its message, which may quote
   * the body.
   */
  static String locate(Throwable failure) {
    StackTraceElement[] trace = failure.getStackTrace();
    return failure.getClass().getName() + (trace.length > 0 ? " at " + trace[0] : "");
  }
}
