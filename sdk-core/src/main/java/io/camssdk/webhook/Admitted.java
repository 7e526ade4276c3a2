package io.camssdk.webhook;

import io.camssdk.signature.VerifiedSignature;

/**
 * A request that passed the rejection table: its exact body bytes, its request id (well formed, or {@code null} for
 * an unsigned receipt push without one) and which token verified it ({@code null} for an unsigned push).
 */
record Admitted(byte[] body, String requestId, VerifiedSignature signature) {}
