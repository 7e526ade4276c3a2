package io.camssdk.servlet;

/** The container-neutral cases on embedded Tomcat 11. */
final class TomcatServletAdapterTest extends ServletAdapterContract {

  @Override
  RunningContainer start(Deployment deployment) throws Exception {
    return Containers.tomcat(deployment);
  }
}
