package io.camssdk.servlet;

import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a test puts into a container, independent of the container. */
final class Deployment {
  /** A servlet; {@code async} as registered ({@code asyncSupported}), which the SDK's servlets are meant to be. */
  record ServletMount(String name, String path, Servlet servlet, Map<String, String> initParameters,
      boolean async) {}

  record FilterMount(String name, String path, Filter filter, Map<String, String> initParameters) {}

  final List<ServletMount> servlets = new ArrayList<>();
  final List<FilterMount> filters = new ArrayList<>();
  final Map<String, Object> contextAttributes = new LinkedHashMap<>();

  Deployment servlet(String path, Servlet servlet) {
    return servlet(path, servlet, Map.of());
  }

  Deployment servlet(String path, Servlet servlet, Map<String, String> initParameters) {
    servlets.add(new ServletMount("servlet" + servlets.size(), path, servlet, initParameters, true));
    return this;
  }

  /** A servlet registered without async support, as an old {@code web.xml} would. */
  Deployment blockingServlet(String path, Servlet servlet) {
    servlets.add(new ServletMount("servlet" + servlets.size(), path, servlet, Map.of(), false));
    return this;
  }

  Deployment filter(String path, Filter filter) {
    filters.add(new FilterMount("filter" + filters.size(), path, filter, Map.of()));
    return this;
  }

  Deployment contextAttribute(String name, Object value) {
    contextAttributes.put(name, value);
    return this;
  }
}
