package io.camssdk.webhook;

import io.camssdk.intent.IntentCall;
import io.camssdk.signature.VerifiedSignature;

/**
 * An intent call whose signature was verified and whose body was parsed, with the exact body bytes, for
 * applications that route requests themselves (the servlet filter puts it in a request attribute).
 *
 * @param call the parsed call
 * @param signature which token verified it
 * @param body the raw body bytes; do not modify
 * @since 0.1
 */
public record VerifiedIntentCall(IntentCall call, VerifiedSignature signature, byte[] body) {

  @Override
  public String toString() {
    return "VerifiedIntentCall{requestId=" + call.requestId() + ", intentCode=" + call.intentCode() + "}";
  }
}
