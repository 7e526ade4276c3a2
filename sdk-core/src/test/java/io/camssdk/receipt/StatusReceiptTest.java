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
    assertThat(failed.fromUserId()).isNull();
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
    // Fields the documentation does not list are kept in raw() only.
    assertThat(delivered.raw().getString("CustSpaceId")).isEqualTo("cams-83m8j9xxxxadc");
    assertThat(delivered.raw().get("Expiration")).isEqualTo(1691218495000L);
    assertThat(delivered.raw().getString("Origin")).isEqualTo("business_initiated");
    assertThat(delivered.raw().get("Sms")).isEqualTo(Map.of("Status", "DELIVERED", "Content", "Your code is 123456"));
    assertThat(delivered.fromUserId()).isEqualTo("US.13491208655302741918");
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
    StatusReceipt receipt = parse("[{\"MessageId\":\"m1\",\"Status\":\"Pending\"}]").get(0);

    assertThat(receipt.status().value()).isEqualTo("Pending");
    assertThat(receipt.status().isKnown()).isFalse();
  }

  @Test
  void knowsTheViberSubscriptionStatusesTheDocsList() {
    assertThat(parse("[{\"MessageId\":\"m1\",\"Status\":\"unsubscribe\"}]").get(0).status())
        .isSameAs(MessageStatus.UNSUBSCRIBE);
    assertThat(MessageStatus.of("Subscribe")).isSameAs(MessageStatus.SUBSCRIBE);
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

  /**
   * The HTTP push's documented example, as published (masked digits included) at
   * https://www.alibabacloud.com/help/en/chatapp/developer-reference/chatappstatus-1 (first example, first item).
   */
  static final String DOCUMENTED_TEMPLATE_FAILURE = "[{\"Status\":\"Failed\",\"ErrorDescription\":"
      + "\"131026:Receiver is incapable of receiving this message(Message Undeliverable.)\",\"MsgFrameType\":\"template\","
      + "\"TaskId\":\"202307030171*******9\",\"From\":\"86131*******8\",\"Timestamp\":1691043638000,"
      + "\"OriginPhoneNumber\":\"86130*******8\",\"TemplateCode\":\"820561547132813184\",\"Type\":\"TEMPLATE\","
      + "\"Language\":\"id\",\"TemplateName\":\"wa_otp_v_0_0_3\",\"To\":\"86138*******8\",\"ErrorCode\":\"131026\","
      + "\"MessageId\":\"2023078469463703*******3\"}]";

  @Test
  void readsTheDocumentedExampleAsPublished() {
    StatusReceipt receipt = parse(DOCUMENTED_TEMPLATE_FAILURE).get(0);
    assertThat(receipt.messageId()).isEqualTo("2023078469463703*******3");
    assertThat(receipt.status()).isEqualTo(MessageStatus.FAILED);
    assertThat(receipt.errorCode()).isEqualTo("131026");
    assertThat(receipt.taskId()).isEqualTo("202307030171*******9");
    assertThat(receipt.originPhoneNumber()).isEqualTo("86130*******8");
    assertThat(receipt.templateName()).isEqualTo("wa_otp_v_0_0_3");
    assertThat(receipt.language()).isEqualTo("id");
    assertThat(receipt.timestamp()).isEqualTo(Instant.ofEpochMilli(1691043638000L));
  }

  /**
   * The fields of the message body table at https://www.alibabacloud.com/help/en/chatapp/developer-reference/chatappstatus
   * (business-scoped user ids, status description, conversation, the deprecated conversation expiry).
   */
  @Test
  @SuppressWarnings("deprecation")
  void readsEveryFieldTheDocumentationLists() {
    StatusReceipt receipt = parse("[{\"MessageId\":\"m-1\",\"From\":\"8613100000008\",\"To\":\"8613800000008\","
        + "\"FromUserId\":\"US.13491208655302741918\",\"FromParentUserId\":\"US.ENT.1\",\"FromUserName\":\"ann\","
        + "\"Timestamp\":1691132091000,\"Status\":\"Delivered\",\"StatusDescription\":\"delivered\","
        + "\"ConversationType\":\"utility\",\"ConversationId\":\"c-7\",\"ConversationExpirationTime\":1691218491000,"
        + "\"MsgFrameType\":\"template\",\"Type\":\"TEMPLATE\",\"TaskId\":\"t-1\","
        + "\"OriginPhoneNumber\":\"8613000000008\",\"TemplateCode\":\"820561547132813184\"}]").get(0);
    assertThat(receipt.fromUserId()).isEqualTo("US.13491208655302741918");
    assertThat(receipt.fromParentUserId()).isEqualTo("US.ENT.1");
    assertThat(receipt.fromUserName()).isEqualTo("ann");
    assertThat(receipt.statusDescription()).isEqualTo("delivered");
    assertThat(receipt.conversationType()).isEqualTo("utility");
    assertThat(receipt.conversationId()).isEqualTo("c-7");
    assertThat(receipt.conversationExpirationTime()).isEqualTo(Instant.ofEpochMilli(1691218491000L));
    assertThat(receipt.msgFrameType()).isEqualTo("template");
    assertThat(receipt.templateCode()).isEqualTo("820561547132813184");
  }

  @Test
  void aReceiptNamingTheUserOnlyByBsuidParsesAndKeepsItsKey() {
    StatusReceipt receipt = parse("[{\"MessageId\":\"m-1\",\"Status\":\"Read\",\"FromUserId\":\"US.1\"}]").get(0);
    assertThat(receipt.from()).isNull();
    assertThat(receipt.fromUserId()).isEqualTo("US.1");
    assertThat(receipt.dedupKey()).isEqualTo(parse("[{\"MessageId\":\"m-1\",\"Status\":\"read\",\"From\":\"86\"}]")
        .get(0).dedupKey());
  }

  @Test
  void aNumericMessageIdKeepsItsDigitsAndIsNeverExpanded() {
    // 41 bytes that would have become a 10 MB id and log line, or a NegativeArraySizeException, when expanded
    long start = System.nanoTime();
    List<StatusReceipt> receipts = parse("[{\"MessageId\":1e2147483647,\"Status\":\"Sent\"},"
        + "{\"MessageId\":1e10000000,\"Status\":\"Sent\"},{\"MessageId\":-1E-2147483647,\"Status\":\"Sent\"},"
        + "{\"MessageId\":2023078469463703123.0,\"Status\":\"Sent\"},{\"MessageId\":2023078469463703123,\"Status\":\"Sent\"}]");
    assertThat(receipts).extracting(StatusReceipt::messageId).containsExactly("1E+2147483647", "1E+10000000",
        "-1E-2147483647", "2023078469463703123", "2023078469463703123");
    assertThat(receipts.get(0).dedupKey()).hasSizeLessThan(64);
    assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
  }

  @Test
  void aTimestampExponentBombIsRefusedNamingTheField() {
    assertThatThrownBy(() -> parse("[{\"MessageId\":\"m\",\"Status\":\"Sent\",\"Timestamp\":1e2147483647}]"))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessage("not a timestamp in milliseconds at $[0].Timestamp");
  }

  @Test
  void aFortyOneByteBombIsHandledByTheEndpointWithAShortId() {
    byte[] body = utf8("[{\"MessageId\":1e2147483647,\"Status\":\"A\"}]");
    assertThat(body).hasSize(41);
    List<StatusReceipt> handled = new java.util.concurrent.CopyOnWriteArrayList<>();
    io.camssdk.webhook.CamsEndpoint endpoint = io.camssdk.webhook.CamsEndpoint.builder()
        .verifier(io.camssdk.signature.SignatureVerifier.builder().token("tok-status-1234567890").build())
        .onStatus(handled::addAll)
        .build();
    for (int i = 0; i < 3; i++) {
      io.camssdk.webhook.EndpointResponse reply = endpoint.handleReceipts(ReceiptType.STATUS,
          io.camssdk.webhook.EndpointRequest.post("application/json", Map.of(), body));
      assertThat(reply.status()).isEqualTo(200);
    }
    assertThat(handled).extracting(StatusReceipt::messageId).containsExactly("1E+2147483647");
  }
}
