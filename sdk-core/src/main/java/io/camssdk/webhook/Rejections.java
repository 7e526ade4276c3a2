package io.camssdk.webhook;

import io.camssdk.CamsCode;
import io.camssdk.CamsException;
import io.camssdk.json.MalformedPayloadException;
import io.camssdk.signature.VerifiedSignature;

/**
 * Renders rejections. A message says which rule failed, naming fields and limits only: never a header value or
 * body content, which the sender chose. A JSON path holds only keys and indexes, and is cut at the first key that
 * is not a plain identifier, so that no text of the sender's choosing rides along as a "field name".
 */
final class Rejections {
  /** The longest key kept in a path; a longer one is the sender's text rather than a field name. */
  private static final int MAX_KEY_LENGTH = 64;

  private Rejections() {}

  static EndpointResponse reject(CamsException failure, String requestId, String intentCode,
      VerifiedSignature signature) {
    return reject(failure.code(), message(failure), requestId, intentCode, signature);
  }

  static EndpointResponse reject(CamsCode code, String message, String requestId, String intentCode,
      VerifiedSignature signature) {
    return EndpointResponse.of(code.httpStatus(), code, Replies.error(code, message), requestId, intentCode,
        signature, false, 0);
  }

  /** The one-line message of {@code failure}, with any JSON path cut to plain identifiers. */
  static String message(CamsException failure) {
    String message = failure.getMessage();
    if (!(failure instanceof MalformedPayloadException malformed) || malformed.field().isEmpty()) {
      return message;
    }
    String field = malformed.field();
    String suffix = " at " + field;
    if (!message.endsWith(suffix)) {
      return message;
    }
    String safe = contractPath(field);
    return safe.equals(field) ? message : message.substring(0, message.length() - suffix.length()) + " at " + safe;
  }

  /** {@code path} up to its first segment that is neither an array index nor a plain identifier. */
  static String contractPath(String path) {
    if (!path.startsWith("$")) {
      return "$";
    }
    int end = 1;
    int i = 1;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '[') {
        int close = path.indexOf(']', i);
        if (close < 0 || !digits(path, i + 1, close)) {
          break;
        }
        i = close + 1;
      } else if (c == '.') {
        int next = i + 1;
        while (next < path.length() && path.charAt(next) != '.' && path.charAt(next) != '[') {
          next++;
        }
        if (!identifier(path, i + 1, next)) {
          break;
        }
        i = next;
      } else {
        break;
      }
      end = i;
    }
    return path.substring(0, end);
  }

  /** {@code [A-Za-z_][A-Za-z0-9_]*}, at most 64 chars. */
  private static boolean identifier(String text, int from, int to) {
    if (from >= to || to - from > MAX_KEY_LENGTH) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
      if (!letter && (i == from || c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  private static boolean digits(String text, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }
}
