package io.camssdk.duplicate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reply kept by a {@link DuplicateStore} and returned again, byte for byte, for a repeated call.
 *
 * @param status the HTTP status
 * @param body the reply body (UTF-8 JSON); the array is copied on the way in and out
 * @since 0.1
 */
public record StoredReply(int status, byte[] body) {

  public StoredReply {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be an HTTP status but was " + status);
    }
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body's length without copying it. */
  public int bodyLength() {
    return body.length;
  }

  /** The body as text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof StoredReply o && status == o.status && Arrays.equals(body, o.body);
  }

  @Override
  public int hashCode() {
    return 31 * status + Arrays.hashCode(body);
  }

  @Override
  public String toString() {
    return "StoredReply{status=" + status + ", bodyLength=" + body.length + "}";
  }
}
