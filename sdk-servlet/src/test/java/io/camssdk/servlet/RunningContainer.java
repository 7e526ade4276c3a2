package io.camssdk.servlet;

/** A started container listening on a loopback port. */
interface RunningContainer extends AutoCloseable {
  int port();

  /** Stops the container. */
  @Override
  void close();
}
