package io.camssdk.testkit;

import io.camssdk.json.JsonObject;
import io.camssdk.management.internal.Acs3Signer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Signed management calls built by hand, to reach error paths a well-behaved client never takes. */
final class RawManagementCalls {
  private final URI endpoint;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  RawManagementCalls(URI endpoint) {
    this.endpoint = endpoint;
  }

  record Reply(int status, JsonObject body) {
    String code() {
      return body.getString("Code");
    }

    JsonObject data() {
      return body.getObject("Data");
    }
  }

  Reply call(String action, Map<String, String> query, String accessKeyId, String secret) throws Exception {
    return call(action, query, accessKeyId, secret, Instant.now(), UUID.randomUUID().toString());
  }

  Reply call(String action, Map<String, String> query, String accessKeyId, String secret, Instant date, String nonce)
      throws Exception {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("host", endpoint.getHost() + ":" + endpoint.getPort());
    headers.put("x-acs-action", action);
    headers.put("x-acs-version", "2020-06-06");
    headers.put("x-acs-date", date.truncatedTo(ChronoUnit.SECONDS).toString());
    headers.put("x-acs-signature-nonce", nonce);
    headers.put("x-acs-content-sha256", Acs3Signer.EMPTY_PAYLOAD_SHA256);
    String authorization = Acs3Signer.authorization("POST", "/", query, headers, Acs3Signer.EMPTY_PAYLOAD_SHA256,
        accessKeyId, secret);
    StringBuilder uri = new StringBuilder(endpoint.toString()).append("/?")
        .append(Acs3Signer.canonicalQuery(query));
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri.toString()))
        .POST(HttpRequest.BodyPublishers.noBody())
        .header("Authorization", authorization);
    headers.forEach((name, value) -> {
      if (!name.equals("host")) {
        request.header(name, value);
      }
    });
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Reply(response.statusCode(), JsonObject.parse(response.body()));
  }

  Reply call(CamsEmulator emulator, String action, Map<String, String> query) throws Exception {
    return call(action, query, emulator.accessKeyId(), emulator.accessKeySecret());
  }
}
