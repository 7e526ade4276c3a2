package io.camssdk.management;

import io.camssdk.management.internal.Acs3Signer;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.HttpUrl;

/**
 * One management action with its parameters, ready to be sent (and re-sent) by the client.
 *
 * @param idempotent whether repeating the action after a lost reply is safe
 */
record ApiCall<T>(String action, HttpUrl url, boolean idempotent, Replies.Parser<T> parser) {

  static <T> ApiCall<T> of(HttpUrl endpoint, String action, Map<String, String> params, boolean idempotent,
      Replies.Parser<T> parser) {
    TreeMap<String, String> present = new TreeMap<>();
    params.forEach((key, value) -> {
      if (value != null) {
        present.put(key, value);
      }
    });
    HttpUrl url = endpoint.newBuilder().encodedQuery(Acs3Signer.canonicalQuery(present)).build();
    return new ApiCall<>(action, url, idempotent, parser);
  }
}
