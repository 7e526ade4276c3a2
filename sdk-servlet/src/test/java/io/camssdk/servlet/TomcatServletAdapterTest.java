package io.camssdk.servlet;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/** The container-neutral cases on embedded Tomcat 11. */
final class TomcatServletAdapterTest extends ServletAdapterContract {

  @Override
  RunningContainer start(Deployment deployment) throws Exception {
    Path baseDir = Files.createTempDirectory("cams-tomcat");
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(baseDir.toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.getService().addConnector(connector);
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", baseDir.toString());
    context.addServletContainerInitializer(
        (classes, servletContext) -> deployment.contextAttributes.forEach(servletContext::setAttribute), null);
    for (Deployment.FilterMount mount : deployment.filters) {
      FilterDef def = new FilterDef();
      def.setFilterName(mount.name());
      def.setFilter(mount.filter());
      mount.initParameters().forEach(def::addInitParameter);
      context.addFilterDef(def);
      FilterMap map = new FilterMap();
      map.setFilterName(mount.name());
      map.addURLPattern(mount.path());
      context.addFilterMap(map);
    }
    for (Deployment.ServletMount mount : deployment.servlets) {
      Wrapper wrapper = Tomcat.addServlet(context, mount.name(), mount.servlet());
      mount.initParameters().forEach(wrapper::addInitParameter);
      wrapper.setLoadOnStartup(1);
      wrapper.setAsyncSupported(mount.async());
      context.addServletMapping(mount.path(), mount.name());
    }
    tomcat.start();
    int port = connector.getLocalPort();
    return new RunningContainer() {
      @Override
      public int port() {
        return port;
      }

      @Override
      public void close() {
        try {
          tomcat.stop();
          tomcat.destroy();
        } catch (Exception e) {
          throw new IllegalStateException("could not stop the container", e);
        }
      }
    };
  }
}
