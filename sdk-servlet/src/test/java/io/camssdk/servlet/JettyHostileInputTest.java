package io.camssdk.servlet;

/** The hostile-input attacks on embedded Jetty 12 (ee11). */
final class JettyHostileInputTest extends ServletHostileInputContract {

  @Override
  RunningContainer start(Deployment deployment) throws Exception {
    return Containers.jetty(deployment);
  }
}
