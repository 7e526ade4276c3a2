package io.camssdk.testkit;

import java.util.LinkedHashMap;
import java.util.Map;

/** A management API failure: HTTP status, envelope {@code Code} and a one-line message without secrets. */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final int status;
  final String code;

  ApiError(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  static ApiError invalid(String message) {
    return new ApiError(400, "InvalidParameter", message);
  }

  static ApiError missing(String parameter) {
    return new ApiError(400, "InvalidParameter", parameter + " is required");
  }

  /** What any other failure of the emulator answers: no detail of it leaves the process. */
  static ApiError internal() {
    return new ApiError(500, "InternalError", "the emulator failed to process the request");
  }

  /**
   * The platform's reply envelope, as the signed management API and the console API both answer:
   * {@code RequestId}, {@code Code}, {@code Message}, then {@code Data} when there is any.
   *
   * @param failure the failure, or {@code null} for a handled request
   */
  static Map<String, Object> envelope(String requestId, ApiError failure, Object data) {
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("RequestId", requestId);
    envelope.put("Code", failure == null ? "OK" : failure.code);
    envelope.put("Message", failure == null ? "" : failure.getMessage());
    if (data != null) {
      envelope.put("Data", data);
    }
    return envelope;
  }
}
