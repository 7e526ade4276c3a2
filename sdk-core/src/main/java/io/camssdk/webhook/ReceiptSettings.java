package io.camssdk.webhook;

/** Receipt handling settings; filled in with the receipt flow. */
final class ReceiptSettings {
  static final class Builder {
    ReceiptSettings build() {
      return new ReceiptSettings();
    }
  }
}
