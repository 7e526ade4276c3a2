package io.camssdk.management;

import java.util.Objects;

/**
 * A business system as {@code ListBusinessSystems} returns it.
 *
 * @param businessSystemId its id
 * @param systemName its name
 * @param apiUrl the API Request URL that receives intent calls
 * @param remarks remarks, or {@code ""}
 * @param signatureHint the last 4 characters of the signature token (the platform never lists the token)
 * @since 0.1
 */
public record BusinessSystem(String businessSystemId, String systemName, String apiUrl, String remarks,
    String signatureHint) {
  public BusinessSystem {
    Objects.requireNonNull(businessSystemId, "businessSystemId");
    systemName = systemName == null ? "" : systemName;
    apiUrl = apiUrl == null ? "" : apiUrl;
    remarks = remarks == null ? "" : remarks;
    signatureHint = signatureHint == null ? "" : signatureHint;
  }
}
