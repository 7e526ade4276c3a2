package io.camssdk.servlet;

import io.camssdk.webhook.VerifiedIntentCall;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * An application's own servlet behind the filter: reads the body (with the reader or the stream) and answers it
 * back as is, with the verified call's request id and intent code in headers.
 */
final class BodyEchoServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final boolean useReader;

  BodyEchoServlet(boolean useReader) {
    this.useReader = useReader;
  }

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
    VerifiedIntentCall verified = CamsVerificationFilter.verifiedCall(request);
    byte[] body;
    if (useReader) {
      StringWriter text = new StringWriter();
      try (Reader reader = request.getReader()) {
        reader.transferTo(text);
      }
      body = text.toString().getBytes(StandardCharsets.UTF_8);
    } else {
      body = request.getInputStream().readAllBytes();
    }
    response.setStatus(200);
    response.setContentType("application/json; charset=utf-8");
    response.setHeader("X-Verified-Request-Id", verified.call().requestId());
    response.setHeader("X-Verified-Intent", verified.call().intentCode());
    response.setHeader("X-Declared-Length", String.valueOf(request.getContentLengthLong()));
    response.getOutputStream().write(body);
  }
}
