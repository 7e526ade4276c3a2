package io.camssdk.webhook;

import com.squareup.moshi.JsonReader;
import io.camssdk.CamsCode;
import io.camssdk.signature.CamsHeaders;
import io.camssdk.signature.SignatureVerifier;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okio.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Diagnose mode: explains a rejected intent call in one log line, naming where a configured token or a {@code v1}
 * HMAC made with one appears, and the setting that would accept it. Names places only, never a value.
 */
final class RejectionDiagnosis {
  private static final Logger log = LoggerFactory.getLogger(CamsEndpoint.class);
  /** Header names probed when the adapter's header source cannot list the names that arrived. */
  private static final List<String> PROBED_HEADERS = List.of(CamsHeaders.SIGNATURE, "Authorization", "X-Cams-Token",
      "X-Api-Key", "X-Signature", "X-Token", "Token", "Signature", "X-Auth-Token", "X-Access-Token");
  private static final int MAX_PLACES = 64;
  private static final int MAX_VALUE_LENGTH = 4096;
  private static final int MAX_NAME_LENGTH = 64;

  private final SignatureVerifier verifier;

  RejectionDiagnosis(SignatureVerifier verifier) {
    this.verifier = verifier;
  }

  /** Logs what the rejected call carried; never throws. */
  void explain(CamsCode code, EndpointRequest request, byte[] body) {
    try {
      log.warn("CAMS diagnose: call rejected {}; {}", code.wireName(), describe(request, body));
    } catch (RuntimeException e) {
      log.warn("CAMS diagnose: call rejected {}; the call could not be examined ({})", code.wireName(),
          e.getClass().getName());
    }
  }

  String describe(EndpointRequest request, byte[] body) {
    String requestId = RequestGate.single(request, CamsHeaders.REQUEST_ID);
    String timestamp = RequestGate.single(request, CamsHeaders.TIMESTAMP);
    List<String> findings = new ArrayList<>();

    Set<String> listed = request.headers().names();
    Set<String> headerNames = new LinkedHashSet<>();
    for (String name : listed.isEmpty() ? PROBED_HEADERS : listed) {
      if (headerNames.size() >= MAX_PLACES) {
        break;
      }
      List<String> values = request.headers().values(name);
      if (values.isEmpty()) {
        continue;
      }
      headerNames.add(label(name, requestId, timestamp, body));
      for (String value : values) {
        String what = identify(value, requestId, timestamp, body);
        if (what != null) {
          findings.add(what + " appears in header " + label(name, requestId, timestamp, body)
              + headerAdvice(name, what));
        }
      }
    }

    Map<String, List<String>> query = request.queryParameters();
    int seen = 0;
    for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
      if (++seen > MAX_PLACES) {
        break;
      }
      for (String value : parameter.getValue()) {
        String what = identify(value, requestId, timestamp, body);
        if (what != null) {
          String name = label(parameter.getKey(), requestId, timestamp, body);
          findings.add(what + " appears in query parameter " + name + (what.startsWith("token")
              ? ": accept it with scheme(SignatureScheme.TOKEN).tokenLocation(TokenLocation.queryParameter(\""
                  + name + "\"))"
              : ": the SDK reads v1 signatures only from " + CamsHeaders.SIGNATURE));
        }
      }
    }

    List<String> bodyKeys = new ArrayList<>();
    for (Map.Entry<String, String> entry : topLevelStrings(body, bodyKeys)) {
      String what = identify(entry.getValue(), requestId, timestamp, body);
      if (what != null) {
        findings.add(what + " appears in body key " + label(entry.getKey(), requestId, timestamp, body)
            + ": the SDK does not read credentials from the body; ask the platform to send it in a header");
      }
    }

    String found = findings.isEmpty()
        ? "no configured token, and no v1 HMAC made with one, appears in the call (check the token itself)"
        : String.join("; ", findings);
    return found + ". Arrived: headers " + (listed.isEmpty() ? "(not listed by the adapter; probed) " : "")
        + headerNames + ", query parameters " + labels(query.keySet(), requestId, timestamp, body) + ", body keys "
        + labels(bodyKeys, requestId, timestamp, body)
        + ". Now accepting: " + (verifier.scheme() == io.camssdk.signature.SignatureScheme.TOKEN
            ? "token in " + verifier.tokenLocation().describe() : "v1 in " + CamsHeaders.SIGNATURE);
  }

  private String headerAdvice(String name, String what) {
    String safe = safeName(name);
    if (what.startsWith("token")) {
      if (name.equalsIgnoreCase("Authorization")) {
        return ": accept it with scheme(SignatureScheme.TOKEN).tokenLocation(TokenLocation.bearer())";
      }
      if (name.equalsIgnoreCase(CamsHeaders.SIGNATURE)) {
        return ": accept it with scheme(SignatureScheme.TOKEN)";
      }
      return ": accept it with scheme(SignatureScheme.TOKEN).tokenLocation(TokenLocation.header(\"" + safe + "\"))";
    }
    if (name.equalsIgnoreCase(CamsHeaders.SIGNATURE)) {
      return ": the signature is right, so the rejection is about the request id or timestamp headers";
    }
    return ": the SDK reads v1 signatures only from " + CamsHeaders.SIGNATURE;
  }

  /** Checks the value as it is, and its parts split at spaces, commas and after {@code =} or {@code Bearer}. */
  private String identify(String value, String requestId, String timestamp, byte[] body) {
    if (value == null || value.isEmpty() || value.length() > MAX_VALUE_LENGTH) {
      return null;
    }
    String what = verifier.identifyCredential(value.trim(), requestId, timestamp, body);
    if (what != null) {
      return what;
    }
    int parts = 0;
    for (String part : value.split("[ ,;]+")) {
      if (part.isEmpty() || ++parts > 16) {
        continue;
      }
      int eq = part.indexOf('=');
      String candidate = eq > 0 && eq < part.length() - 1 && !part.endsWith("=") ? part.substring(eq + 1) : part;
      what = verifier.identifyCredential(candidate, requestId, timestamp, body);
      if (what == null && eq > 0) {
        what = verifier.identifyCredential(part.substring(eq + 1), requestId, timestamp, body);
      }
      if (what != null) {
        return what;
      }
    }
    return null;
  }

  /** The top-level string members of a JSON object body; their keys (all of them) go into {@code keys}. */
  private static List<Map.Entry<String, String>> topLevelStrings(byte[] body, List<String> keys) {
    List<Map.Entry<String, String>> strings = new ArrayList<>();
    try (JsonReader reader = JsonReader.of(new Buffer().write(body))) {
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        return strings;
      }
      reader.beginObject();
      while (reader.hasNext() && keys.size() < MAX_PLACES) {
        String key = reader.nextName();
        keys.add(key);
        if (reader.peek() == JsonReader.Token.STRING) {
          strings.add(Map.entry(key, reader.nextString()));
        } else {
          reader.skipValue();
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // Not JSON, or cut short: report the keys read so far.
    }
    return strings;
  }

  private List<String> labels(Iterable<String> names, String requestId, String timestamp, byte[] body) {
    List<String> safe = new ArrayList<>();
    for (String name : names) {
      if (safe.size() >= MAX_PLACES) {
        break;
      }
      safe.add(label(name, requestId, timestamp, body));
    }
    return safe;
  }

  /** A name for the log; a name that is itself a credential is never printed. */
  private String label(String name, String requestId, String timestamp, byte[] body) {
    String what = name.length() > MAX_VALUE_LENGTH ? null
        : verifier.identifyCredential(name, requestId, timestamp, body);
    return what == null ? safeName(name) : "(a name that is " + what + ")";
  }

  /** A name as the sender chose it, cut and stripped to printable ASCII, for one log line. */
  static String safeName(String name) {
    StringBuilder safe = new StringBuilder(Math.min(name.length(), MAX_NAME_LENGTH));
    for (int i = 0; i < name.length() && safe.length() < MAX_NAME_LENGTH; i++) {
      char c = name.charAt(i);
      safe.append(c > ' ' && c < 127 && c != '"' ? c : '?');
    }
    return safe.toString();
  }
}
