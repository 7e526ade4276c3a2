/**
 * Signatures of platform calls: {@link io.camssdk.signature.SignatureVerifier} checks them,
 * {@link io.camssdk.signature.Signer} produces them (for emulators and tests).
 */
package io.camssdk.signature;
