package io.camssdk.receipt;

import static io.camssdk.receipt.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camssdk.json.JsonLimits;
import io.camssdk.json.MalformedPayloadException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatusReceiptTest {

  private static List<StatusReceipt> parse(String json) {
    return ReceiptParser.parseStatus(utf8(json), JsonLimits.DEFAULTS);
  }

  @Test
  void readsTheDocumentedTemplateFailure() {
    StatusReceipt failed = ReceiptParser.parseStatus(Samples.read("status.json"), JsonLimits.DEFAULTS).get(0);

    assertThat(failed.type()).isEqualTo(ReceiptType.STATUS);
    assertThat(failed.messageId()).isEqualTo("2023078469463703000000003");
    assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);
    assertThat(failed.status().value()).isEqualTo("Failed");
    assertThat(failed.from()).isEqualTo("8613100000008");
    assertThat(failed.to()).isEqualTo("8613800000008");
    assertThat(failed.timestamp()).isEqualTo(Instant.ofEpochMilli(1691043638000L));
    assertThat(failed.errorCode()).isEqualTo("131026");
    assertThat(failed.errorDescription()).startsWith("131026:Receiver is incapable");
    assertThat(failed.msgFrameType()).isEqualTo("template");
    assertThat(failed.taskId()).isEqualTo("2023070301710000009");
    assertThat(failed.originPhoneNumber()).isEqualTo("8613000000008");
    assertThat(failed.templateCode()).isEqualTo("820561547132813184");
    assertThat(failed.templateName()).isEqualTo("wa_otp_v_0_0_3");
    assertThat(failed.messageType()).isEqualTo("TEMPLATE");
    assertThat(failed.language()).isEqualTo("id");
    assertThat(failed.conversationId()).isNull();
    assertThat(failed.sms()).isNull();
  }

  @Test
  void readsTheDocumentedReadReceiptOfAFreeFormMessage() {
    StatusReceipt read = ReceiptParser.parseStatus(Samples.read("status.json"), JsonLimits.DEFAULTS).get(1);

    assertThat(read.status()).isEqualTo(MessageStatus.READ);
    assertThat(read.msgFrameType()).isEqualTo("message");
    assertThat(read.messageType()).isEqualTo("INTERACTIVE");
    assertThat(read.conversationId()).isEqualTo("7222220111100");
    assertThat(read.conversationType()).isEqualTo("service");
    assertThat(read.errorCode()).isNull();
    assertThat(read.templateCode()).isNull();
  }

  @Test
  void readsTheOptionalFieldsAndKeepsSmsAsAGenericValue() {
    StatusReceipt delivered = ReceiptParser.parseStatus(Samples.read("status.json"), JsonLimits.DEFAULTS).get(2);

    assertThat(delivered.status()).isEqualTo(MessageStatus.DELIVERED);
    assertThat(delivered.statusDescription()).isEqualTo("delivered");
    assertThat(delivered.timestamp()).isEqualTo(Instant.ofEpochMilli(1691132095000L));
    assertThat(delivered.custSpaceId()).isEqualTo("cams-83m8j9xxxxadc");
    assertThat(delivered.expiration()).isEqualTo("1691218495000");
    assertThat(delivered.origin()).isEqualTo("business_initiated");
    assertThat(delivered.sms()).isEqualTo(Map.of("Status", "DELIVERED", "Content", "Your code is 123456"));
  }

  @Test
  void keepsUnknownKeysInRaw() {
    StatusReceipt delivered = ReceiptParser.parseStatus(Samples.read("status.json"), JsonLimits.DEFAULTS).get(2);

    assertThat(delivered.raw().getString("FromUserId")).isEqualTo("US.13491208655302741918");
    assertThat(delivered.raw().getString("MessageId")).isEqualTo(delivered.messageId());
    assertThat(delivered.raw().keys()).hasSize(12).startsWith("MessageId", "Status");
  }

  @Test
  void keepsAnUnknownStatus() {
    StatusReceipt receipt = parse("[{\"MessageId\":\"m1\",\"Status\":\"unsubscribe\"}]").get(0);

    assertThat(receipt.status().value()).isEqualTo("unsubscribe");
    assertThat(receipt.status().isKnown()).isFalse();
  }

  @Test
  void comparesStatusIgnoringCase() {
    StatusReceipt receipt = parse("[{\"MessageId\":\"m1\",\"Status\":\"DELIVERED\"}]").get(0);

    assertThat(receipt.status()).isEqualTo(MessageStatus.DELIVERED);
    assertThat(receipt.status()).isSameAs(MessageStatus.DELIVERED);
  }

  @Test
  void acceptsTimestampsAsNumbersOrStringsOfDigits() {
    List<StatusReceipt> receipts = parse("[{\"MessageId\":\"a\",\"Status\":\"Sent\",\"Timestamp\":1691043638000},"
        + "{\"MessageId\":\"b\",\"Status\":\"Sent\",\"Timestamp\":\"1691043638000\"},"
        + "{\"MessageId\":\"c\",\"Status\":\"Sent\",\"Timestamp\":1.691043638E12},"
        + "{\"MessageId\":\"d\",\"Status\":\"Sent\",\"Timestamp\":null},"
        + "{\"MessageId\":\"e\",\"Status\":\"Sent\"}]");

    Instant expected = Instant.ofEpochMilli(1691043638000L);
    assertThat(receipts).extracting(StatusReceipt::timestamp).containsExactly(expected, expected, expected, null, null);
  }

  @Test
  void rendersNumbersSentForTextFieldsAsDecimalText() {
    StatusReceipt receipt = parse("[{\"MessageId\":2023078469463703,\"Status\":\"Failed\",\"ErrorCode\":131026}]")
        .get(0);

    assertThat(receipt.messageId()).isEqualTo("2023078469463703");
    assertThat(receipt.errorCode()).isEqualTo("131026");
  }

  @Test
  void rejectsATimestampThatIsNotANumberOfMilliseconds() {
    assertThatThrownBy(() -> parse("[{\"MessageId\":\"a\",\"Status\":\"Sent\"},"
        + "{\"MessageId\":\"b\",\"Status\":\"Sent\",\"Timestamp\":\"yesterday\"}]"))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessage("not a timestamp in milliseconds at $[1].Timestamp")
        .extracting(e -> ((MalformedPayloadException) e).field()).isEqualTo("$[1].Timestamp");
    assertThatThrownBy(() -> parse("[{\"MessageId\":\"a\",\"Status\":\"Sent\",\"Timestamp\":1.5}]"))
        .hasMessage("not a timestamp in milliseconds at $[0].Timestamp");
    assertThatThrownBy(() -> parse("[{\"MessageId\":\"a\",\"Status\":\"Sent\",\"Timestamp\":true}]"))
        .hasMessage("expected a timestamp in milliseconds but found a boolean at $[0].Timestamp");
  }

  @Test
  void rejectsATextFieldOfTheWrongType() {
    assertThatThrownBy(() -> parse("[{\"MessageId\":\"a\",\"Status\":\"Sent\",\"ErrorCode\":{\"code\":1}}]"))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessage("expected a string but found an object at $[0].ErrorCode");
    assertThatThrownBy(() -> parse("[{\"MessageId\":[\"a\"],\"Status\":\"Sent\"}]"))
        .hasMessage("expected a string but found an array at $[0].MessageId");
  }

  @Test
  void requiresMessageIdAndStatus() {
    assertThatThrownBy(() -> parse("[{\"Status\":\"Sent\"}]"))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessage("required field missing at $[0].MessageId");
    assertThatThrownBy(() -> parse("[{\"MessageId\":\"a\",\"Status\":null}]"))
        .hasMessage("required field missing at $[0].Status");
  }

  @Test
  void repeatedReceiptsHaveEqualDedupKeys() {
    List<StatusReceipt> receipts = parse("[{\"MessageId\":\"m1\",\"Status\":\"Read\",\"Timestamp\":1},"
        + "{\"MessageId\":\"m1\",\"Status\":\"READ\",\"Timestamp\":2,\"Extra\":true}]");

    assertThat(receipts.get(0).dedupKey()).isEqualTo(receipts.get(1).dedupKey());
  }

  @Test
  void eachStatusOfAMessageHasItsOwnDedupKey() {
    List<StatusReceipt> receipts = parse("[{\"MessageId\":\"m1\",\"Status\":\"Sent\"},"
        + "{\"MessageId\":\"m1\",\"Status\":\"Delivered\"},{\"MessageId\":\"m2\",\"Status\":\"Sent\"}]");

    assertThat(receipts).extracting(StatusReceipt::dedupKey).doesNotHaveDuplicates();
  }

  @Test
  void dedupKeysCannotBeForgedByMovingTheSeparator() {
    List<StatusReceipt> receipts = parse("[{\"MessageId\":\"a:b\",\"Status\":\"c\"},"
        + "{\"MessageId\":\"a\",\"Status\":\"b:c\"},{\"MessageId\":\"1:a\",\"Status\":\"b\"}]");

    assertThat(receipts).extracting(StatusReceipt::dedupKey).doesNotHaveDuplicates();
    assertThat(receipts.get(0).dedupKey()).isEqualTo("ChatAppStatus:3:a:b1:c");
  }

  @Test
  void longDedupKeysAreHashed() {
    String longId = "9".repeat(300);
    StatusReceipt receipt = parse("[{\"MessageId\":\"" + longId + "\",\"Status\":\"Sent\"}]").get(0);

    assertThat(receipt.dedupKey()).matches("ChatAppStatus#[0-9a-f]{64}");
  }
}
