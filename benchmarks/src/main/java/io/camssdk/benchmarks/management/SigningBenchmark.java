package io.camssdk.benchmarks.management;

import io.camssdk.management.internal.Acs3Signer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** The cost of signing one management request (a {@code CreateIntent} with five parameters) with ACS3. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SigningBenchmark {
  private final Map<String, String> query = new LinkedHashMap<>();
  private final Map<String, String> headers = new LinkedHashMap<>();

  public SigningBenchmark() {
    query.put("CustSpaceId", "cams-83m8j9xxxxadc");
    query.put("BusinessSystemId", "bs-7f3a2c");
    query.put("IntentCode", "ORDER_STATUS");
    query.put("IntentName", "Order status");
    query.put("DefaultIntentData", "{\"locale\":\"en\",\"channel\":\"whatsapp\"}");
    headers.put("Host", "cams.ap-southeast-1.aliyuncs.com");
    headers.put("x-acs-action", "CreateIntent");
    headers.put("x-acs-version", "2020-06-06");
    headers.put("x-acs-date", "2026-03-04T05:06:07Z");
    headers.put("x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d");
    headers.put("x-acs-content-sha256", Acs3Signer.EMPTY_PAYLOAD_SHA256);
    headers.put("Accept", "application/json");
    headers.put("User-Agent", "cams-sdk-java/0.1.0");
  }

  @Benchmark
  public String signOneRequest() {
    return Acs3Signer.authorization("POST", "/", query, headers, Acs3Signer.EMPTY_PAYLOAD_SHA256,
        "LTAI5tBenchmarkKey", "benchmark-secret-0123456789");
  }
}
