package io.camssdk.servlet;

/** The hostile-input attacks on embedded Tomcat 11. */
final class TomcatHostileInputTest extends ServletHostileInputContract {

  @Override
  RunningContainer start(Deployment deployment) throws Exception {
    return Containers.tomcat(deployment);
  }
}
