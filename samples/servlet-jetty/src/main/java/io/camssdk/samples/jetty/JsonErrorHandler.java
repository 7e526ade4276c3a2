package io.camssdk.samples.jetty;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own error answers (a malformed request line or header, an unknown path, a failure outside the CAMS
 * servlets) in the SDK's shape: {@code {"Code":"BadRequest","Message":"..."}}. The message is fixed per status:
 * never Jetty's reason, which can quote the offending header, nor a version or a stack trace. Set it on the server
 * (requests no context took) and on the context.
 *
 * <pre>{@code
 * JsonErrorHandler errors = new JsonErrorHandler();
 * server.setErrorHandler(errors);
 * context.setErrorHandler(errors);
 * }</pre>
 */
final class JsonErrorHandler extends ErrorHandler {
  private static final String JSON = "application/json; charset=utf-8";

  @Override
  public boolean handle(Request request, Response response, Callback callback) {
    int status = request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
    if (status < 400 || status > 599) {
      status = 500;
    }
    byte[] body = body(status);
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
    return true;
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, JSON);
    return ByteBuffer.wrap(body(status));
  }

  static byte[] body(int status) {
    String code = switch (status) {
      case 400 -> "BadRequest";
      case 404 -> "NotFound";
      case 405 -> "MethodNotAllowed";
      case 408 -> "RequestTimeout";
      case 413 -> "PayloadTooLarge";
      case 414 -> "UriTooLong";
      case 431 -> "HeadersTooLarge";
      case 503 -> "Unavailable";
      default -> status >= 500 ? "InternalError" : "BadRequest";
    };
    String message = status >= 500 ? "the server could not serve this request"
        : status == 404 ? "no CAMS endpoint at this path" : "the request was refused by the HTTP server";
    return ("{\"Code\":\"" + code + "\",\"Message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
  }
}
