package io.camssdk.signature;

/**
 * Which active token verified a call. During a rotation, count {@link #tokenIndex()} to see when the old token is
 * no longer used before removing it.
 *
 * @param scheme the scheme the call used
 * @param tokenIndex the index, in the verifier's token list, of the token that matched
 * @param tokenFingerprint the first 8 hex digits of the token's SHA-256: safe for logs and metric tags
 * @since 0.1
 */
public record VerifiedSignature(SignatureScheme scheme, int tokenIndex, String tokenFingerprint) {}
