package io.camssdk.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** Starts a {@link Deployment} on a real container bound to {@code 127.0.0.1:0}. */
final class Containers {
  private Containers() {}

  /** Embedded Jetty 12 (ee11). */
  static RunningContainer jetty(Deployment deployment) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    context.addEventListener(new ServletContextListener() {
      @Override
      public void contextInitialized(ServletContextEvent event) {
        deployment.contextAttributes.forEach(event.getServletContext()::setAttribute);
      }
    });
    for (Deployment.FilterMount mount : deployment.filters) {
      FilterHolder holder = new FilterHolder(mount.filter());
      holder.setName(mount.name());
      holder.setInitParameters(mount.initParameters());
      context.addFilter(holder, mount.path(), EnumSet.of(DispatcherType.REQUEST));
    }
    for (Deployment.ServletMount mount : deployment.servlets) {
      ServletHolder holder = new ServletHolder(mount.name(), mount.servlet());
      holder.setInitParameters(mount.initParameters());
      holder.setInitOrder(1);
      holder.setAsyncSupported(mount.async());
      context.addServlet(holder, mount.path());
    }
    server.setHandler(context);
    server.start();
    int port = connector.getLocalPort();
    return new RunningContainer() {
      @Override
      public int port() {
        return port;
      }

      @Override
      public void close() {
        try {
          server.stop();
        } catch (Exception e) {
          throw new IllegalStateException("could not stop the container", e);
        }
      }
    };
  }

  /** Embedded Tomcat 11. */
  static RunningContainer tomcat(Deployment deployment) throws Exception {
    Path baseDir = Files.createTempDirectory("cams-tomcat");
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(baseDir.toString());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.getService().addConnector(connector);
    tomcat.setConnector(connector);
    // As the README advises: Tomcat's default error page shows the offending header line and a stack trace.
    ErrorReportValve errorPages = new ErrorReportValve();
    errorPages.setShowReport(false);
    errorPages.setShowServerInfo(false);
    tomcat.getHost().getPipeline().addValve(errorPages);
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
