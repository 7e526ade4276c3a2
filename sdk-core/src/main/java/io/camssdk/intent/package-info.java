/**
 * Intent calls: the {@link io.camssdk.intent.IntentCall} model, its parser and the
 * {@link io.camssdk.intent.IntentRouter} that sends each call to its {@link io.camssdk.intent.IntentHandler}.
 */
package io.camssdk.intent;
