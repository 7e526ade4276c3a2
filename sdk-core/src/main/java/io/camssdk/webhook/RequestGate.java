package io.camssdk.webhook;

import io.camssdk.CamsCode;
import io.camssdk.CamsException;
import io.camssdk.receipt.ReceiptType;
import io.camssdk.signature.CamsHeaders;
import io.camssdk.signature.SignatureScheme;
import io.camssdk.signature.SignatureVerificationException;
import io.camssdk.signature.SignatureVerifier;
import io.camssdk.signature.TokenLocation;
import io.camssdk.signature.VerifiedSignature;
import java.util.List;
import java.util.Locale;

/**
 * The rejection table up to the signature: method, media type, size, signature headers, timestamp, signature. What
 * passes is {@link Admitted}: verified bytes, nothing parsed yet.
 */
final class RequestGate {
  private final SignatureVerifier verifier;
  private final int maxBodyBytes;
  private final RejectionDiagnosis diagnosis; // null unless diagnose mode is on
  private final boolean tokenElsewhere; // the token scheme, with the token outside X-Cams-Signature

  int maxBodyBytes() {
    return maxBodyBytes;
  }

  RequestGate(SignatureVerifier verifier, int maxBodyBytes, RejectionDiagnosis diagnosis) {
    this.verifier = verifier;
    this.tokenElsewhere = verifier.scheme() == SignatureScheme.TOKEN
        && verifier.tokenLocation().kind() != TokenLocation.Kind.SIGNATURE_HEADER;
    this.maxBodyBytes = maxBodyBytes;
    this.diagnosis = diagnosis;
  }

  /** Checks an intent call up to its signature. */
  Admitted admitIntent(EndpointRequest request) {
    byte[] body = readChecked(request);
    String requestId = single(request, CamsHeaders.REQUEST_ID);
    try {
      return new Admitted(body, requestId, verify(request, requestId, body, null));
    } catch (SignatureVerificationException e) {
      if (diagnosis != null) {
        diagnosis.explain(e.code(), request, body);
      }
      throw e;
    }
  }

  /**
   * Checks a receipt push of {@code type}: the signature is verified when the push carries one or signatures are
   * required; an unsigned push is admitted without a signature.
   */
  Admitted admitReceipt(ReceiptType type, EndpointRequest request, boolean requireSignature) {
    byte[] body = readChecked(request);
    String headerId = single(request, CamsHeaders.REQUEST_ID);
    if (!requireSignature && !carriesCredential(request)) {
      // The documented pushes are unsigned: their request id, if any, is only reported when well formed.
      return new Admitted(body, wellFormedOrNull(headerId), null);
    }
    return new Admitted(body, headerId, verify(request, headerId, body, type));
  }

  /** Verifies the call's credential where the verifier expects it; {@code type} is null for an intent call. */
  private VerifiedSignature verify(EndpointRequest request, String requestId, byte[] body, ReceiptType type) {
    if (tokenElsewhere) {
      return verifier.verifyToken(requestId, presentedToken(request, verifier.tokenLocation()));
    }
    String timestamp = single(request, CamsHeaders.TIMESTAMP);
    String signature = signatureHeader(request);
    return type == null
        ? verifier.verify(requestId, timestamp, signature, body)
        : verifier.verifyReceipt(type, requestId, timestamp, signature, body);
  }

  private boolean carriesCredential(EndpointRequest request) {
    return tokenElsewhere
        ? presentedToken(request, verifier.tokenLocation()) != null
        : !request.headers().values(CamsHeaders.SIGNATURE).isEmpty();
  }

  /** The token as carried at {@code location}; {@code null} when absent, empty or repeated. */
  static String presentedToken(EndpointRequest request, TokenLocation location) {
    String value = switch (location.kind()) {
      case SIGNATURE_HEADER -> {
        String header = signatureHeader(request);
        yield header != null && header.startsWith("token=") ? header.substring("token=".length()) : null;
      }
      case HEADER -> single(request, location.name());
      case BEARER -> {
        String header = single(request, "Authorization");
        yield header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
      }
      case QUERY_PARAMETER -> {
        List<String> values = request.queryParameter(location.name());
        yield values.size() == 1 ? values.get(0).trim() : null;
      }
    };
    return value == null || value.isEmpty() ? null : value;
  }

  /** Checks method, media type and size, then reads the body; UTF-8 is checked after the signature. */
  private byte[] readChecked(EndpointRequest request) {
    if (!"POST".equals(request.method())) {
      throw new CamsException(CamsCode.METHOD_NOT_ALLOWED, "only POST is allowed");
    }
    String mediaProblem = mediaTypeProblem(request.contentType());
    if (mediaProblem != null) {
      throw new CamsException(CamsCode.UNSUPPORTED_MEDIA_TYPE, mediaProblem);
    }
    return BodyReader.read(request, maxBodyBytes);
  }

  /** {@code null} when the media type is JSON in UTF-8, else the reason. */
  static String mediaTypeProblem(String contentType) {
    if (EndpointResponse.CONTENT_TYPE.equals(contentType) || "application/json".equals(contentType)) {
      return null; // what the platform sends: no need to take it apart
    }
    if (contentType == null || contentType.isBlank()) {
      return "Content-Type must be application/json";
    }
    String[] parts = contentType.split(";");
    String type = parts[0].trim().toLowerCase(Locale.ROOT);
    if (!type.equals("application/json") && !(type.startsWith("application/") && type.endsWith("+json"))) {
      return "Content-Type must be application/json";
    }
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].trim();
      int eq = parameter.indexOf('=');
      if (eq > 0 && parameter.substring(0, eq).trim().equalsIgnoreCase("charset")) {
        String charset = parameter.substring(eq + 1).trim().replace("\"", "");
        if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
          return "charset must be UTF-8";
        }
      }
    }
    return null;
  }

  /** The single value of a header; absent or repeated headers read as {@code null} (unparseable). */
  static String single(EndpointRequest request, String name) {
    List<String> values = request.headers().values(name);
    return values.size() == 1 ? values.get(0).trim() : null;
  }

  /** Several signature header lines are one space-separated list, as HTTP list headers combine. */
  static String signatureHeader(EndpointRequest request) {
    List<String> values = request.headers().values(CamsHeaders.SIGNATURE);
    if (values.isEmpty()) {
      return null;
    }
    return values.size() == 1 ? values.get(0).trim() : String.join(" ", values).trim();
  }

  /** The request id header when it is well formed, else {@code null}: only such an id is logged or reported. */
  static String requestIdOf(EndpointRequest request) {
    try {
      return wellFormedOrNull(single(request, CamsHeaders.REQUEST_ID));
    } catch (RuntimeException e) {
      return null; // the adapter's header source failed: that is reported by the caller
    }
  }

  static String wellFormedOrNull(String requestId) {
    return SignatureVerifier.isValidRequestId(requestId) ? requestId : null;
  }
}
