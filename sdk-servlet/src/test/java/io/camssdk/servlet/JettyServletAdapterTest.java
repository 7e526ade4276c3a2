package io.camssdk.servlet;

/** The container-neutral cases on embedded Jetty 12 (ee11). */
final class JettyServletAdapterTest extends ServletAdapterContract {

  @Override
  RunningContainer start(Deployment deployment) throws Exception {
    return Containers.jetty(deployment);
  }
}
