package io.camssdk.signature;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The active tokens as keys, fingerprints and per-thread MACs. Never prints a token. */
final class SignatureTokens {
  static final String HMAC_SHA256 = "HmacSHA256";

  private final List<byte[]> secrets;
  private final List<byte[]> secretDigests;
  private final List<String> fingerprints;
  private final SecretKeySpec[] keys;
  // A Mac is not thread-safe and costly to create: each thread keeps its own, initialised once per token, with
  // the buffers a verification needs, so that verifying allocates nothing.
  private final ThreadLocal<Scratch> scratch;

  SignatureTokens(List<String> tokens) {
    if (tokens.isEmpty()) {
      throw new IllegalArgumentException("tokens must hold at least one signature token");
    }
    List<byte[]> secretList = new ArrayList<>();
    List<String> prints = new ArrayList<>();
    keys = new SecretKeySpec[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException("tokens[" + i + "] is empty");
      }
      byte[] secret = token.getBytes(StandardCharsets.UTF_8);
      secretList.add(secret);
      prints.add(fingerprint(secret));
      keys[i] = new SecretKeySpec(secret, HMAC_SHA256);
    }
    secrets = List.copyOf(secretList);
    List<byte[]> digests = new ArrayList<>();
    for (byte[] secret : secretList) {
      digests.add(sha256(secret));
    }
    secretDigests = List.copyOf(digests);
    fingerprints = List.copyOf(prints);
    scratch = ThreadLocal.withInitial(() -> new Scratch(newMacs()));
  }

  int size() {
    return keys.length;
  }

  byte[] secret(int index) {
    return secrets.get(index);
  }

  byte[] secretDigest(int index) {
    return secretDigests.get(index);
  }

  String fingerprint(int index) {
    return fingerprints.get(index);
  }

  List<String> fingerprints() {
    return fingerprints;
  }

  /** HMAC-SHA256 of {@code prefix} followed by {@code body}, keyed by token {@code index}. */
  byte[] hmac(int index, byte[] prefix, byte[] body) {
    Mac mac = scratch.get().macs[index];
    mac.update(prefix);
    return mac.doFinal(body);
  }

  /** This thread's MACs and buffers; use them only until this thread's next call into the verifier. */
  Scratch scratch() {
    return scratch.get();
  }

  /**
   * One thread's MACs (one per token) and the buffers of one verification: the base string's prefix, the raw HMAC,
   * its Base64 form, and the offsets of the header's v1 entries.
   */
  static final class Scratch {
    /** Enough for the longest prefix: a 128-char request id, 12 digits, a push type and three dots. */
    static final int PREFIX_CAPACITY = 192;

    final Mac[] macs;
    final byte[] prefix = new byte[PREFIX_CAPACITY];
    final byte[] hmac = new byte[32];
    final byte[] encoded = new byte[44];
    final int[] entries = new int[SignatureVerifier.MAX_ENTRIES];

    private Scratch(Mac[] macs) {
      this.macs = macs;
    }

    /** Base64 of HMAC-SHA256({@code prefix[0..prefixLength)} + {@code body}) with token {@code index}, in {@link #encoded}. */
    byte[] encodedHmac(int index, int prefixLength, byte[] body) {
      Mac mac = macs[index];
      mac.update(prefix, 0, prefixLength);
      mac.update(body);
      try {
        mac.doFinal(hmac, 0);
      } catch (javax.crypto.ShortBufferException e) {
        throw new IllegalStateException("HMAC-SHA256 is 32 bytes", e); // cannot happen
      }
      Base64.getEncoder().encode(hmac, encoded);
      return encoded;
    }
  }

  private Mac[] newMacs() {
    Mac[] result = new Mac[keys.length];
    for (int i = 0; i < keys.length; i++) {
      result[i] = newMac(keys[i]);
    }
    return result;
  }

  static Mac newMac(SecretKeySpec key) {
    try {
      Mac mac = Mac.getInstance(HMAC_SHA256);
      mac.init(key);
      return mac;
    } catch (NoSuchAlgorithmException | java.security.InvalidKeyException e) {
      // Every Java SE platform must provide HmacSHA256, and a raw-byte key is always valid for it.
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  static String fingerprint(byte[] secret) {
    return HexFormat.of().formatHex(sha256(secret), 0, 4);
  }

  static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      // Every Java SE platform must provide SHA-256.
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "SignatureTokens" + fingerprints;
  }
}
