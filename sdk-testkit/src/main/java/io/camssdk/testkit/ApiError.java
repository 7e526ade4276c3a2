package io.camssdk.testkit;

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
}
