package io.camssdk.management.internal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Hex;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * Alibaba Cloud's request signature V3, {@code ACS3-HMAC-SHA256}, as documented in "Request syntax and signature
 * method V3" (https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature).
 * Internal: stateless and thread-safe.
 *
 * <pre>
 * CanonicalRequest = Method \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n HashedPayload
 * StringToSign     = "ACS3-HMAC-SHA256" \n hex(sha256(CanonicalRequest))
 * Signature        = hex(hmac-sha256(AccessKeySecret, StringToSign))
 * Authorization    = ACS3-HMAC-SHA256 Credential=AccessKeyId,SignedHeaders=a;b;c,Signature=Signature
 * </pre>
 *
 * <p>Query keys are sorted by their raw value; keys and values are percent-encoded as RFC 3986 unreserved
 * characters ({@code A-Z a-z 0-9 - _ . ~}) plus UTF-8 {@code %XX} escapes (upper-case hex), so a space is
 * {@code %20}, {@code *} is {@code %2A} and {@code ~} stays. Signed headers are {@code host}, {@code content-type}
 * and every {@code x-acs-*} header, lower-cased, sorted, values trimmed.
 */
public final class Acs3Signer {
  /** The algorithm name that opens the {@code Authorization} header. */
  public static final String ALGORITHM = "ACS3-HMAC-SHA256";
  /** Lower-case hex SHA-256 of the empty payload. */
  public static final String EMPTY_PAYLOAD_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();
  // Per-thread instances: Mac and MessageDigest are not thread-safe and their lookup costs more than their use.
  private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(Acs3Signer::newMac);
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(DigestUtils::getSha256Digest);

  private Acs3Signer() {}

  /**
   * The value of the {@code Authorization} header.
   *
   * @param query decoded query parameters (names and values as the server will decode them)
   * @param headers request headers; names in any case, only the signed ones are used
   * @param hashedPayload lower-case hex SHA-256 of the body, as sent in {@code x-acs-content-sha256}
   */
  public static String authorization(String method, String path, Map<String, String> query,
      Map<String, String> headers, String hashedPayload, String accessKeyId, String accessKeySecret) {
    TreeMap<String, String> signed = signedHeaders(headers);
    String signedHeaderNames = String.join(";", signed.keySet());
    String canonicalRequest = canonicalRequest(method, path, canonicalQuery(query), signed, signedHeaderNames,
        hashedPayload);
    String signature = sign(canonicalRequest, accessKeySecret);
    return ALGORITHM + " Credential=" + accessKeyId + ",SignedHeaders=" + signedHeaderNames
        + ",Signature=" + signature;
  }

  /** The headers that take part in the signature: lower-cased names, sorted, trimmed values. */
  public static TreeMap<String, String> signedHeaders(Map<String, String> headers) {
    TreeMap<String, String> signed = new TreeMap<>();
    for (Map.Entry<String, String> header : headers.entrySet()) {
      String name = header.getKey().toLowerCase(Locale.ROOT);
      if (name.equals("host") || name.equals("content-type") || name.startsWith("x-acs-")) {
        signed.put(name, header.getValue() == null ? "" : header.getValue().trim());
      }
    }
    return signed;
  }

  /** {@code key=value} pairs sorted by raw key, each percent-encoded, joined with {@code &}. */
  public static String canonicalQuery(Map<String, String> query) {
    if (query.isEmpty()) {
      return "";
    }
    List<String> keys = new ArrayList<>(query.keySet());
    keys.sort(null);
    StringBuilder out = new StringBuilder(64 * keys.size());
    for (String key : keys) {
      if (out.length() > 0) {
        out.append('&');
      }
      percentEncode(key, out);
      out.append('=');
      String value = query.get(key);
      if (value != null) {
        percentEncode(value, out);
      }
    }
    return out.toString();
  }

  static String canonicalRequest(String method, String path, String canonicalQuery,
      TreeMap<String, String> signedHeaders, String signedHeaderNames, String hashedPayload) {
    StringBuilder out = new StringBuilder(512);
    out.append(method).append('\n')
        .append(path == null || path.isEmpty() ? "/" : path).append('\n')
        .append(canonicalQuery).append('\n');
    for (Map.Entry<String, String> header : signedHeaders.entrySet()) {
      out.append(header.getKey()).append(':').append(header.getValue()).append('\n');
    }
    out.append('\n').append(signedHeaderNames).append('\n').append(hashedPayload);
    return out.toString();
  }

  /** Percent-encodes {@code value} as the signature requires (see the class comment). */
  public static String percentEncode(String value) {
    StringBuilder out = new StringBuilder(value.length() + 16);
    percentEncode(value, out);
    return out.toString();
  }

  private static void percentEncode(String value, StringBuilder out) {
    int length = value.length();
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (isUnreserved(c)) {
        out.append(c);
      } else if (c < 0x80) {
        appendEscape(out, c);
      } else {
        // Encode the whole non-ASCII run at once so surrogate pairs stay together.
        int end = i + 1;
        while (end < length && value.charAt(end) >= 0x80) {
          end++;
        }
        for (byte b : value.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
          appendEscape(out, b & 0xFF);
        }
        i = end - 1;
      }
    }
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
        || c == '-' || c == '_' || c == '.' || c == '~';
  }

  private static void appendEscape(StringBuilder out, int b) {
    out.append('%').append(HEX_UPPER[b >> 4]).append(HEX_UPPER[b & 0xF]);
  }

  /** Lower-case hex SHA-256 of {@code bytes}. */
  public static String sha256Hex(byte[] bytes) {
    return bytes.length == 0 ? EMPTY_PAYLOAD_SHA256 : DigestUtils.sha256Hex(bytes);
  }

  static String sign(String canonicalRequest, String accessKeySecret) {
    MessageDigest sha256 = SHA256.get();
    sha256.reset();
    String hashedRequest = Hex.encodeHexString(sha256.digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    String stringToSign = ALGORITHM + "\n" + hashedRequest;
    Mac mac = HMAC.get();
    try {
      mac.init(new SecretKeySpec(accessKeySecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    } catch (InvalidKeyException e) {
      // Any non-empty byte array is a valid HMAC key, and an empty secret is refused before signing.
      throw new IllegalStateException("the AccessKey secret cannot be used as an HMAC key", e);
    }
    return Hex.encodeHexString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
  }

  private static Mac newMac() {
    try {
      return Mac.getInstance("HmacSHA256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide HmacSHA256.
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
