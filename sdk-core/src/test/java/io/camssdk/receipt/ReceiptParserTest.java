package io.camssdk.receipt;

import static io.camssdk.receipt.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.camssdk.CamsCode;
import io.camssdk.json.JsonLimits;
import io.camssdk.json.MalformedPayloadException;
import java.util.List;
import java.util.Random;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

class ReceiptParserTest {

  private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String json, JsonLimits limits,
      String field, String message) {
    return assertThatThrownBy(() -> ReceiptParser.parse(ReceiptType.STATUS, utf8(json), limits))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessage(message)
        .satisfies(e -> assertThat(((MalformedPayloadException) e).field()).isEqualTo(field))
        .satisfies(e -> assertThat(((MalformedPayloadException) e).code()).isEqualTo(CamsCode.MALFORMED_PAYLOAD));
  }

  private static AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String json, String field,
      String message) {
    return assertRejected(json, JsonLimits.DEFAULTS, field, message);
  }

  private static String items(int count) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < count; i++) {
      json.append(i == 0 ? "" : ",").append("{\"MessageId\":\"m").append(i).append("\",\"Status\":\"Sent\"}");
    }
    return json.append(']').toString();
  }

  @Test
  void readsEachTypeIntoItsRecords() {
    assertThat(ReceiptParser.parse(ReceiptType.STATUS, Samples.read("status.json"), JsonLimits.DEFAULTS))
        .hasSize(3).allMatch(StatusReceipt.class::isInstance);
    assertThat(ReceiptParser.parse(ReceiptType.INBOUND, Samples.read("inbound.json"), JsonLimits.DEFAULTS))
        .hasSize(9).allMatch(InboundReceipt.class::isInstance);
    assertThat(ReceiptParser.parse(ReceiptType.AUDIT, Samples.read("audit-v2.json"), JsonLimits.DEFAULTS))
        .hasSize(3).allMatch(AuditReceipt.class::isInstance);
  }

  @Test
  void keepsTheOrderOfThePushAndReturnsAnUnmodifiableList() {
    List<StatusReceipt> receipts = ReceiptParser.parseStatus(utf8(items(3)), JsonLimits.DEFAULTS);

    assertThat(receipts).extracting(StatusReceipt::messageId).containsExactly("m0", "m1", "m2");
    assertThatThrownBy(() -> receipts.remove(0)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void readsAnEmptyArrayAsAnEmptyList() {
    for (ReceiptType type : ReceiptType.values()) {
      assertThat(ReceiptParser.parse(type, utf8(" [ ] "), JsonLimits.DEFAULTS)).isEmpty();
    }
  }

  @Test
  void rejectsATopLevelValueThatIsNotAnArray() {
    assertRejected("{\"MessageId\":\"m\",\"Status\":\"Sent\"}", "$", "expected a JSON array but found an object at $");
    assertRejected("\"[]\"", "$", "expected a JSON array but found a string at $");
    assertRejected("null", "$", "expected a JSON array but found null at $");
  }

  @Test
  void rejectsAnEmptyBody() {
    assertRejected("", "", "not valid JSON");
    assertRejected("   ", "", "not valid JSON");
  }

  @Test
  void rejectsInvalidJsonAsAWhole() {
    assertRejected("[{\"MessageId\":\"m\",\"Status\":\"Sent\"},{\"MessageId\":}]", "", "not valid JSON");
    assertRejected("[{\"MessageId\":\"m\",\"Status\":\"Sent\"}", "", "not valid JSON");
    assertRejected("[{'MessageId':'m','Status':'Sent'}]", "", "not valid JSON");
  }

  @Test
  void readsReceiptsAsStrictRfc8259Json() {
    // The same reader as intent calls: lower-case keywords, the RFC's escapes only, no raw control characters.
    assertRejected("[{\"MessageId\":\"m\",\"Status\":\"Sent\",\"x\":True}]", "", "not valid JSON");
    assertRejected("[{\"MessageId\":\"m\",\"Status\":\"Sent\",\"x\":\"\\'\"}]", "", "not valid JSON");
    assertRejected("[{\"MessageId\":\"m\",\"Status\":\"Se\u0001nt\"}]", "", "not valid JSON");
    assertRejected("[{\"MessageId\":\"m\",\"Status\":\"Sent\",\"x\":01}]", "", "not valid JSON");
    assertRejected("[{\"MessageId\":\"m\",\"Status\":\"Sent\"},]", "", "not valid JSON");
  }

  @Test
  void rejectsTrailingDataAfterTheArray() {
    assertRejected("[] []", "", "not valid JSON");
    assertRejected("[] x", "", "not valid JSON");
  }

  @Test
  void rejectsItemsThatAreNotObjects() {
    assertRejected("[{\"MessageId\":\"m\",\"Status\":\"Sent\"},[]]", "$[1]",
        "expected a JSON object but found an array at $[1]");
    assertRejected("[null]", "$[0]", "expected a JSON object but found null at $[0]");
    assertRejected("[\"m\"]", "$[0]", "expected a JSON object but found a string at $[0]");
  }

  @Test
  void rejectsDuplicateKeys() {
    assertRejected("[{\"MessageId\":\"m\",\"Status\":\"Sent\",\"Status\":\"Read\"}]", "$[0].Status",
        "duplicate key at $[0].Status");
  }

  @Test
  void acceptsABatchOfExactlyTheLimit() {
    assertThat(ReceiptParser.parseStatus(utf8(items(2)), JsonLimits.DEFAULTS.withMaxBatchSize(2))).hasSize(2);
  }

  @Test
  void rejectsABatchLargerThanTheLimit() {
    assertRejected(items(3), JsonLimits.DEFAULTS.withMaxBatchSize(2), "$[2]", "batch larger than 2 items at $[2]");
  }

  @Test
  void rejectsTheFirstItemOverTheLimitBeforeReadingIt() {
    // Item 2 is not even valid JSON: the batch limit is hit before it is read.
    assertRejected(items(2).replace("]", ",{\"x\":]"), JsonLimits.DEFAULTS.withMaxBatchSize(2), "$[2]",
        "batch larger than 2 items at $[2]");
  }

  @Test
  void rejectsNestingDeeperThanTheLimit() {
    JsonLimits limits = JsonLimits.DEFAULTS.withMaxDepth(3);
    assertThat(ReceiptParser.parseStatus(utf8("[{\"MessageId\":\"m\",\"Status\":\"Sent\",\"Sms\":{\"a\":1}}]"), limits))
        .hasSize(1);

    assertRejected("[{\"MessageId\":\"m\",\"Status\":\"Sent\",\"Sms\":{\"a\":[1]}}]", limits, "$[0].Sms.a",
        "nesting deeper than 3 at $[0].Sms.a");
    assertRejected("[{}]", JsonLimits.DEFAULTS.withMaxDepth(1), "$[0]", "nesting deeper than 1 at $[0]");
  }

  @Test
  void rejectsAStringLongerThanTheLimit() {
    JsonLimits limits = JsonLimits.DEFAULTS.withMaxStringLength(10);
    assertThat(ReceiptParser.parseStatus(utf8("[{\"MessageId\":\"0123456789\",\"Status\":\"Sent\"}]"), limits))
        .hasSize(1);

    assertRejected("[{\"MessageId\":\"m\",\"Status\":\"01234567890\"}]", limits, "$[0].Status",
        "string longer than 10 chars at $[0].Status");
  }

  @Test
  void rejectsAKeyLongerThanTheStringLimit() {
    assertThatThrownBy(() -> ReceiptParser.parseStatus(utf8("[{\"ThisKeyIsTooLong\":1}]"),
        JsonLimits.DEFAULTS.withMaxStringLength(10)))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessage("key longer than 10 chars at $[0]");
  }

  @Test
  void rejectsANumberLongerThanTheLimit() {
    JsonLimits limits = JsonLimits.DEFAULTS.withMaxNumberLength(13);
    assertThat(ReceiptParser.parseStatus(
        utf8("[{\"MessageId\":\"m\",\"Status\":\"Sent\",\"Timestamp\":1691043638000}]"), limits)).hasSize(1);

    assertRejected("[{\"MessageId\":\"m\",\"Status\":\"Sent\",\"Timestamp\":16910436380000}]", limits,
        "$[0].Timestamp", "number longer than 13 chars at $[0].Timestamp");
  }

  @Test
  void appliesTheLimitsToEveryType() {
    JsonLimits limits = JsonLimits.DEFAULTS.withMaxBatchSize(1);
    for (ReceiptType type : ReceiptType.values()) {
      assertThatThrownBy(() -> ReceiptParser.parse(type, utf8(items(2)), limits))
          .isInstanceOf(MalformedPayloadException.class)
          .hasMessage("batch larger than 1 items at $[1]");
    }
  }

  @Test
  void neverThrowsAnythingButMalformedPayloadOnMutatedBodies() {
    long seed = 20240601L;
    Random random = new Random(seed);
    List<byte[]> samples = List.of(Samples.read("status.json"), Samples.read("inbound.json"),
        Samples.read("audit-v1.json"), Samples.read("audit-v2.json"));
    JsonLimits limits = JsonLimits.DEFAULTS.withMaxDepth(8).withMaxStringLength(512);
    int accepted = 0;
    for (int i = 0; i < 3000; i++) {
      byte[] body = samples.get(i % samples.size()).clone();
      int cut = random.nextInt(4) == 0 ? random.nextInt(body.length + 1) : body.length;
      body = java.util.Arrays.copyOf(body, cut);
      for (int flips = 1 + random.nextInt(3); flips > 0 && body.length > 0; flips--) {
        body[random.nextInt(body.length)] = (byte) random.nextInt(256);
      }
      for (ReceiptType type : ReceiptType.values()) {
        try {
          accepted += ReceiptParser.parse(type, body, limits).isEmpty() ? 0 : 1;
        } catch (MalformedPayloadException expected) {
          // the only failure allowed
        } catch (RuntimeException e) {
          fail("seed " + seed + ", body " + i + ", type " + type + ": " + e, e);
        }
      }
    }
    assertThat(accepted).isPositive();
  }
}
