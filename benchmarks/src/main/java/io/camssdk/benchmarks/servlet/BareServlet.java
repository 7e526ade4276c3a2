package io.camssdk.benchmarks.servlet;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The baseline: reads the whole body and replies {@code {}}; no verification, parsing or de-duplication. */
final class BareServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.US_ASCII);

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    byte[] buffer = new byte[8192];
    try (InputStream in = request.getInputStream()) {
      while (in.read(buffer) >= 0) {
        // drain
      }
    }
    response.setStatus(200);
    response.setContentType("application/json; charset=utf-8");
    response.setContentLength(EMPTY_OBJECT.length);
    response.getOutputStream().write(EMPTY_OBJECT);
  }
}
