package io.camssdk.signature;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The three headers that authenticate one attempt of a call, as produced by a {@link Signer}.
 *
 * @param requestId the {@value CamsHeaders#REQUEST_ID} value
 * @param timestamp the {@value CamsHeaders#TIMESTAMP} value (Unix seconds)
 * @param signature the {@value CamsHeaders#SIGNATURE} value
 * @since 0.1
 */
public record SignedHeaders(String requestId, String timestamp, String signature) {

  /** The headers by name, in a stable order. */
  public Map<String, String> asMap() {
    Map<String, String> map = new LinkedHashMap<>();
    map.put(CamsHeaders.REQUEST_ID, requestId);
    map.put(CamsHeaders.TIMESTAMP, timestamp);
    map.put(CamsHeaders.SIGNATURE, signature);
    return map;
  }

  @Override
  public String toString() {
    // The signature is a credential for this body until it goes stale: keep it out of logs.
    return "SignedHeaders{requestId=" + requestId + ", timestamp=" + timestamp + "}";
  }
}
