package io.camssdk.receipt;

import static io.camssdk.receipt.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camssdk.json.JsonLimits;
import io.camssdk.json.JsonObject;
import io.camssdk.json.MalformedPayloadException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InboundReceiptTest {
  private static final List<InboundReceipt> SAMPLES =
      ReceiptParser.parseInbound(Samples.read("inbound.json"), JsonLimits.DEFAULTS);

  private static InboundReceipt one(String type, String messageJson) {
    String json = "[{\"MessageId\":\"m1\",\"Type\":\"" + type + "\",\"Message\":" + messageJson + "}]";
    return ReceiptParser.parseInbound(utf8(json), JsonLimits.DEFAULTS).get(0);
  }

  /** {@code content} as a JSON string literal, as the platform puts JSON in {@code Message}. */
  private static String quoted(String content) {
    return "\"" + content.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Test
  void readsTheDocumentedTextMessage() {
    InboundReceipt text = SAMPLES.get(0);

    assertThat(text.type()).isEqualTo(ReceiptType.INBOUND);
    assertThat(text.messageId()).isEqualTo("1000000000000001");
    assertThat(text.custSpaceId()).isEqualTo("cams-83m8j9xxxxadc");
    assertThat(text.wabaId()).isEqualTo("9527186300000233");
    assertThat(text.from()).isEqualTo("8613888880000");
    assertThat(text.to()).isEqualTo("8613788880000");
    assertThat(text.timestamp()).isEqualTo(Instant.ofEpochMilli(1662104191973L));
    assertThat(text.displayName()).isEqualTo("Mr Liu");
    assertThat(text.name()).isEqualTo("jack");
    assertThat(text.raw().getString("NoticeType")).isEqualTo("inbound"); // not in the documented table
    assertThat(text.messageType()).isEqualTo(InboundMessageType.TEXT);
    assertThat(text.message()).isEqualTo("hello, it's me");
    assertThat(text.content()).isEqualTo(new InboundContent.Text("hello, it's me"));
  }

  @Test
  void decodesTheDocumentedAudioMessage() {
    InboundReceipt audio = SAMPLES.get(1);

    assertThat(audio.messageType()).isEqualTo(InboundMessageType.AUDIO);
    assertThat(audio.message()).startsWith("{\"filename\":\"File.ogg\"");
    InboundContent.Media media = (InboundContent.Media) audio.content();
    assertThat(media.kind()).isEqualTo(InboundContent.Media.Kind.AUDIO);
    assertThat(media.filename()).isEqualTo("File.ogg");
    assertThat(media.id()).isEqualTo("3214520000075431");
    assertThat(media.mimeType()).isEqualTo("audio/ogg");
    assertThat(media.url()).endsWith("/1161931534000019904.ogg");
    assertThat(media.caption()).isNull();
    assertThat(media.fields().get("animated")).isEqualTo(false);
  }

  @Test
  void decodesTheDocumentedDocumentImageAndVideoMessages() {
    InboundContent.Media document = (InboundContent.Media) SAMPLES.get(2).content();
    assertThat(document.kind()).isEqualTo(InboundContent.Media.Kind.DOCUMENT);
    assertThat(document.name()).isEqualTo("the first document");
    assertThat(document.filename()).isEqualTo("first.pdf");
    assertThat(document.mimeType()).isEqualTo("application/pdf");

    InboundContent.Media image = (InboundContent.Media) SAMPLES.get(3).content();
    assertThat(image.kind()).isEqualTo(InboundContent.Media.Kind.IMAGE);
    assertThat(image.caption()).isEqualTo("my receipt");
    assertThat(image.id()).isEqualTo("8f1a2b3c4d5e");
    assertThat(image.url()).isEqualTo("https://example.oss.aliyuncs.com/receipt.jpg");

    InboundContent.Media video = (InboundContent.Media) SAMPLES.get(4).content();
    assertThat(video.kind()).isEqualTo(InboundContent.Media.Kind.VIDEO);
    assertThat(video.name()).isEqualTo("unboxing");
    assertThat(video.mimeType()).isEqualTo("video/mp4");
  }

  @Test
  void decodesTheDocumentedLocationMessage() {
    InboundContent.Location location = (InboundContent.Location) SAMPLES.get(5).content();

    assertThat(location.latitude()).isEqualTo(30.2741);
    assertThat(location.longitude()).isEqualTo(120.1551);
    assertThat(location.name()).isEqualTo("Alibaba Xixi Park");
    assertThat(location.address()).isEqualTo("969 West Wenyi Road, Hangzhou");
  }

  @Test
  void decodesAButtonReplyAndKeepsItsContext() {
    InboundReceipt reply = SAMPLES.get(6);

    assertThat(reply.content()).isInstanceOf(InboundContent.Reply.class);
    InboundContent.Reply content = (InboundContent.Reply) reply.content();
    assertThat(content.text()).isEqualTo("Track my order");
    assertThat(content.payload()).isEqualTo("payload1");
    assertThat(reply.raw().getObject("Context").getString("id")).isEqualTo("2023038470553398000000008");
  }

  @Test
  void decodesSharedContacts() {
    InboundContent.Contacts contacts = (InboundContent.Contacts) SAMPLES.get(7).content();

    assertThat(contacts.contacts()).hasSize(1);
    assertThat(contacts.contacts().get(0).getObject("name").getString("formatted_name")).isEqualTo("Ann Lee");
  }

  @Test
  void decodesContactsSentAsAnObject() {
    InboundContent wrapped = one("CONTACTS", quoted("{\"contacts\":[{\"name\":\"A\"},{\"name\":\"B\"}]}")).content();
    InboundContent single = one("CONTACTS", quoted("{\"name\":\"A\"}")).content();

    assertThat(((InboundContent.Contacts) wrapped).contacts()).hasSize(2);
    assertThat(((InboundContent.Contacts) single).contacts())
        .containsExactly(JsonObject.parse("{\"name\":\"A\"}"));
  }

  @Test
  void decodesASystemNotice() {
    InboundContent.SystemEvent notice = (InboundContent.SystemEvent) SAMPLES.get(8).content();

    assertThat(notice.eventType()).isEqualTo("user_changed_number");
    assertThat(notice.body()).startsWith("User A changed");
    assertThat(notice.fields().getString("new_wa_id")).isEqualTo("8613888880001");
  }

  @Test
  void decodesAMessageSentAsAnObjectRatherThanAString() {
    InboundReceipt receipt = one("LOCATION", "{\"latitude\":1.5,\"longitude\":-2.25,\"name\":\"here\"}");

    assertThat(receipt.content()).isEqualTo(new InboundContent.Location(1.5, -2.25, "here", null,
        JsonObject.parse("{\"latitude\":1.5,\"longitude\":-2.25,\"name\":\"here\"}")));
    assertThat(receipt.message()).isEqualTo("{\"latitude\":1.5,\"longitude\":-2.25,\"name\":\"here\"}");
  }

  @Test
  void readsTheMediaFileNameInEitherSpelling() {
    InboundContent.Media media = (InboundContent.Media) one("DOCUMENT", quoted("{\"fileName\":\"a.pdf\"}")).content();

    assertThat(media.filename()).isEqualTo("a.pdf");
  }

  @Test
  void matchesTheMessageTypeIgnoringCase() {
    InboundReceipt receipt = one("image", quoted("{\"id\":\"i1\"}"));

    assertThat(receipt.messageType()).isEqualTo(InboundMessageType.IMAGE);
    assertThat(receipt.messageType().value()).isEqualTo("IMAGE");
    assertThat(receipt.content()).isInstanceOf(InboundContent.Media.class);
  }

  @Test
  void keepsAnUnknownTypeAndItsMessageAsUnknownContent() {
    InboundReceipt receipt = one("STICKER", quoted("{\"id\":\"s1\"}"));

    assertThat(receipt.messageType().value()).isEqualTo("STICKER");
    assertThat(receipt.messageType().isKnown()).isFalse();
    assertThat(receipt.content()).isEqualTo(new InboundContent.Unknown("{\"id\":\"s1\"}"));
  }

  @Test
  void fallsBackToUnknownWhenTheMessageIsNotJson() {
    InboundReceipt broken = one("IMAGE", quoted("{\"id\":"));
    InboundReceipt plain = one("LOCATION", quoted("near the station"));

    assertThat(broken.content()).isEqualTo(new InboundContent.Unknown("{\"id\":"));
    assertThat(plain.content()).isEqualTo(new InboundContent.Unknown("near the station"));
  }

  @Test
  void fallsBackToUnknownWhenTheMessageHasTheWrongShape() {
    assertThat(one("IMAGE", quoted("[1,2]")).content()).isInstanceOf(InboundContent.Unknown.class);
    assertThat(one("IMAGE", quoted("{\"id\":{\"nested\":1}}")).content()).isInstanceOf(InboundContent.Unknown.class);
    assertThat(one("REPLY", quoted("{\"text\":true}")).content()).isInstanceOf(InboundContent.Unknown.class);
    assertThat(one("CONTACTS", quoted("[1]")).content()).isInstanceOf(InboundContent.Unknown.class);
    assertThat(one("SYSTEM", quoted("\"text\"")).content()).isInstanceOf(InboundContent.Unknown.class);
    assertThat(one("IMAGE", quoted("{} trailing")).content()).isInstanceOf(InboundContent.Unknown.class);
  }

  @Test
  void fallsBackToUnknownWhenALocationLacksValidCoordinates() {
    assertThat(one("LOCATION", quoted("{\"latitude\":\"30.1\"}")).content()).isInstanceOf(InboundContent.Unknown.class);
    assertThat(one("LOCATION", quoted("{\"latitude\":\"north\",\"longitude\":\"1\"}")).content())
        .isInstanceOf(InboundContent.Unknown.class);
    assertThat(one("LOCATION", quoted("{\"latitude\":91,\"longitude\":1}")).content())
        .isInstanceOf(InboundContent.Unknown.class);
    assertThat(one("LOCATION", quoted("{\"latitude\":\"NaN\",\"longitude\":1}")).content())
        .isInstanceOf(InboundContent.Unknown.class);
  }

  @Test
  void fallsBackToUnknownWhenTheMessageBreaksALimitButKeepsTheBatch() {
    String deep = "[".repeat(40) + "]".repeat(40);
    byte[] body = utf8("[{\"MessageId\":\"m1\",\"Type\":\"CONTACTS\",\"Message\":" + quoted(deep) + "},"
        + "{\"MessageId\":\"m2\",\"Type\":\"TEXT\",\"Message\":\"hi\"}]");

    List<InboundReceipt> receipts = ReceiptParser.parseInbound(body, JsonLimits.DEFAULTS);

    assertThat(receipts.get(0).content()).isEqualTo(new InboundContent.Unknown(deep));
    assertThat(receipts.get(1).content()).isEqualTo(new InboundContent.Text("hi"));
  }

  @Test
  void givesUnknownContentWhenTypeOrMessageIsMissing() {
    List<InboundReceipt> receipts = ReceiptParser.parseInbound(
        utf8("[{\"MessageId\":\"m1\",\"Message\":\"hi\"},{\"MessageId\":\"m2\",\"Type\":\"TEXT\"}]"),
        JsonLimits.DEFAULTS);

    assertThat(receipts.get(0).messageType()).isNull();
    assertThat(receipts.get(0).content()).isEqualTo(new InboundContent.Unknown("hi"));
    assertThat(receipts.get(1).content()).isEqualTo(new InboundContent.Unknown(null));
  }

  @Test
  void keepsUnknownKeysInRaw() {
    InboundReceipt receipt = ReceiptParser.parseInbound(utf8("[{\"MessageId\":\"m1\",\"Type\":\"TEXT\","
        + "\"Message\":\"hi\",\"FromUserId\":\"US.1\",\"Timestamp \":1662104191973}]"), JsonLimits.DEFAULTS).get(0);

    assertThat(receipt.fromUserId()).isEqualTo("US.1");
    assertThat(receipt.raw().get("Timestamp ")).isEqualTo(1662104191973L);
    assertThat(receipt.timestamp()).isNull();
  }

  @Test
  void rejectsABooleanMessage() {
    assertThatThrownBy(() -> one("TEXT", "true"))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessage("expected a string or an object but found a boolean at $[0].Message");
  }

  @Test
  void requiresAMessageId() {
    assertThatThrownBy(() -> ReceiptParser.parseInbound(utf8("[{\"Type\":\"TEXT\",\"Message\":\"hi\"}]"),
        JsonLimits.DEFAULTS))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessage("required field missing at $[0].MessageId");
  }

  @Test
  void repeatedMessagesHaveEqualDedupKeysAndOthersDifferentOnes() {
    List<InboundReceipt> receipts = ReceiptParser.parseInbound(utf8("[{\"MessageId\":\"m1\",\"Message\":\"a\"},"
        + "{\"MessageId\":\"m1\",\"Message\":\"a\",\"Timestamp\":5},{\"MessageId\":\"m2\",\"Message\":\"a\"}]"),
        JsonLimits.DEFAULTS);

    assertThat(receipts.get(0).dedupKey()).isEqualTo("ChatAppInbound:m1").isEqualTo(receipts.get(1).dedupKey());
    assertThat(receipts.get(2).dedupKey()).isNotEqualTo(receipts.get(0).dedupKey());
  }

  /**
   * A message from a user known only by a business-scoped user id: the fields of the message body table at
   * https://www.alibabacloud.com/help/en/chatapp/developer-reference/chatappinbound-1 ({@code FromUserId},
   * {@code FromParentUserId}, {@code FromUserName}), without {@code From}.
   */
  @Test
  void aBsuidOnlyMessageWithoutFromParsesWithItsKey() {
    InboundReceipt receipt = ReceiptParser.parseInbound(utf8("[{\"MessageId\":\"wamid.1\",\"CustSpaceId\":\"cams-1\","
        + "\"WabaId\":\"9527186300000233\",\"To\":\"8613788880000\",\"FromUserId\":\"US.13491208655302741918\","
        + "\"FromParentUserId\":\"US.ENT.1\",\"FromUserName\":\"jack\",\"Timestamp\":1662104191973,"
        + "\"DisplayName\":\"Mr Liu\",\"Type\":\"TEXT\",\"Message\":\"hi\",\"Name\":\"jack\"}]"), JsonLimits.DEFAULTS).get(0);
    assertThat(receipt.from()).isNull();
    assertThat(receipt.fromUserId()).isEqualTo("US.13491208655302741918");
    assertThat(receipt.fromParentUserId()).isEqualTo("US.ENT.1");
    assertThat(receipt.fromUserName()).isEqualTo("jack");
    assertThat(receipt.content()).isEqualTo(new InboundContent.Text("hi"));
    assertThat(receipt.dedupKey()).isEqualTo("ChatAppInbound:wamid.1");
  }

  @Test
  void aBsuidOnlyMessageIsHandledOnceByTheEndpoint() {
    java.util.List<InboundReceipt> handled = new java.util.concurrent.CopyOnWriteArrayList<>();
    io.camssdk.webhook.CamsEndpoint endpoint = io.camssdk.webhook.CamsEndpoint.builder()
        .verifier(io.camssdk.signature.SignatureVerifier.builder().token("tok-inbound-1234567890").build())
        .onInbound(handled::addAll)
        .build();
    byte[] body = utf8("[{\"MessageId\":\"wamid.2\",\"FromUserId\":\"US.1\",\"Type\":\"TEXT\",\"Message\":\"hi\"}]");
    for (int i = 0; i < 2; i++) {
      io.camssdk.webhook.EndpointResponse reply = endpoint.handleReceipts(ReceiptType.INBOUND,
          io.camssdk.webhook.EndpointRequest.post("application/json", java.util.Map.of(), body));
      assertThat(reply.status()).isEqualTo(200);
    }
    assertThat(handled).extracting(InboundReceipt::fromUserId).containsExactly("US.1");
  }

  @Test
  void numbersInAMessageObjectAreNeverExpanded() {
    InboundReceipt receipt = ReceiptParser.parseInbound(utf8("[{\"MessageId\":\"m\",\"Type\":\"LOCATION\","
        + "\"Message\":{\"latitude\":1e2147483647,\"longitude\":2023078469463703123.0,\"name\":1e999999}}]"),
        JsonLimits.DEFAULTS).get(0);
    assertThat(receipt.message()).isEqualTo(
        "{\"latitude\":1E+2147483647,\"longitude\":2023078469463703123.0,\"name\":1E+999999}");
    assertThat(receipt.content()).isInstanceOf(InboundContent.Unknown.class); // an infinite latitude is no place
  }
}
