package io.camssdk.servlet;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.EnumSet;
import org.eclipse.jetty.ee11.servlet.FilterHolder;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.ee11.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The container-neutral cases on embedded Jetty 12 (ee11). */
final class JettyServletAdapterTest extends ServletAdapterContract {

  @Override
  RunningContainer start(Deployment deployment) throws Exception {
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
}
