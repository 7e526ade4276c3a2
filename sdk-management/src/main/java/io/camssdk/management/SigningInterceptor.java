package io.camssdk.management;

import io.camssdk.management.internal.Acs3Signer;
import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * Signs each attempt with ACS3-HMAC-SHA256: adds {@code host}, {@code x-acs-date}, {@code x-acs-signature-nonce},
 * {@code x-acs-content-sha256}, {@code x-acs-security-token} (STS only) and {@code Authorization}. The request
 * must already carry {@code x-acs-action} and {@code x-acs-version}. Runs after the user's application
 * interceptors, so those see the unsigned request and network interceptors the signed one.
 */
final class SigningInterceptor implements Interceptor {
  static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private final CredentialsProvider credentials;
  private final Clock clock;
  private final Supplier<String> nonces;

  SigningInterceptor(CredentialsProvider credentials, Clock clock, Supplier<String> nonces) {
    this.credentials = credentials;
    this.clock = clock;
    this.nonces = nonces;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    return chain.proceed(sign(chain.request()));
  }

  Request sign(Request request) throws IOException {
    Credentials creds = request.tag(Credentials.class);
    if (creds == null) {
      creds = credentials.credentials();
    }
    HttpUrl url = request.url();
    RequestBody body = request.body();
    String hashed = Acs3Signer.EMPTY_PAYLOAD_SHA256;
    if (body != null && body.contentLength() != 0) {
      Buffer buffer = new Buffer();
      body.writeTo(buffer);
      hashed = Acs3Signer.sha256Hex(buffer.readByteArray());
    }
    Request.Builder builder = request.newBuilder()
        .header("Host", hostHeader(url))
        .header("x-acs-date", DATE.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)))
        .header("x-acs-signature-nonce", nonces.get())
        .header("x-acs-content-sha256", hashed);
    if (creds.securityToken() != null) {
      builder.header("x-acs-security-token", creds.securityToken());
    } else {
      builder.removeHeader("x-acs-security-token");
    }
    MediaType contentType = body == null ? null : body.contentType();
    if (contentType != null && request.header("Content-Type") == null) {
      builder.header("Content-Type", contentType.toString());
    }
    Request unsigned = builder.build();

    Map<String, String> headers = new HashMap<>();
    for (int i = 0, size = unsigned.headers().size(); i < size; i++) {
      headers.putIfAbsent(unsigned.headers().name(i), unsigned.headers().value(i));
    }
    Map<String, String> query = new LinkedHashMap<>();
    for (int i = 0, size = url.querySize(); i < size; i++) {
      String value = url.queryParameterValue(i);
      query.putIfAbsent(url.queryParameterName(i), value == null ? "" : value);
    }
    String authorization = Acs3Signer.authorization(unsigned.method(), url.encodedPath(), query, headers, hashed,
        creds.accessKeyId(), creds.accessKeySecret());
    return unsigned.newBuilder().header("Authorization", authorization).build();
  }

  /** The {@code Host} header exactly as OkHttp would send it. */
  static String hostHeader(HttpUrl url) {
    String host = url.host().indexOf(':') >= 0 ? "[" + url.host() + "]" : url.host();
    return url.port() == HttpUrl.defaultPort(url.scheme()) ? host : host + ":" + url.port();
  }
}
