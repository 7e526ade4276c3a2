package io.camssdk.receipt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.camssdk.json.JsonLimits;
import io.camssdk.json.JsonObject;
import io.camssdk.json.MalformedPayloadException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Decoding an inbound {@code Message} never fails a push: what cannot be decoded is {@link InboundContent.Unknown}. */
class InboundContentDecoderTest {
  static InboundContent decode(String type, Object message) {
    InboundMessageType messageType = type == null ? null : InboundMessageType.of(type);
    String text = InboundContentDecoder.messageText(message, "$[0]");
    return InboundContentDecoder.decode(messageType, message, text, JsonLimits.DEFAULTS);
  }

  @Test
  void decodesEachDocumentedTypeFromAString() {
    assertThat(decode("TEXT", "hello")).isEqualTo(new InboundContent.Text("hello"));
    assertThat(decode("LOCATION", "{\"latitude\":\"30.2\",\"longitude\":120.1,\"name\":\"West Lake\"}"))
        .isInstanceOfSatisfying(InboundContent.Location.class, l -> {
          assertThat(l.latitude()).isEqualTo(30.2);
          assertThat(l.longitude()).isEqualTo(120.1);
          assertThat(l.name()).isEqualTo("West Lake");
        });
    assertThat(decode("IMAGE", "{\"id\":\"i\",\"url\":\"https://x/i\",\"mimeType\":\"image/jpeg\",\"caption\":\"c\"}"))
        .isInstanceOfSatisfying(InboundContent.Media.class, m -> {
          assertThat(m.kind()).isEqualTo(InboundContent.Media.Kind.IMAGE);
          assertThat(m.caption()).isEqualTo("c");
        });
    assertThat(decode("REPLY", "{\"text\":\"Yes\",\"payload\":\"p-1\"}"))
        .isInstanceOfSatisfying(InboundContent.Reply.class, r -> assertThat(r.payload()).isEqualTo("p-1"));
    assertThat(decode("CONTACTS", "[{\"name\":{\"formatted_name\":\"Ann\"}}]"))
        .isInstanceOfSatisfying(InboundContent.Contacts.class, c -> assertThat(c.contacts()).hasSize(1));
    assertThat(decode("SYSTEM", "{\"body\":\"changed\",\"type\":\"user_changed_number\"}"))
        .isInstanceOfSatisfying(InboundContent.SystemEvent.class, e -> assertThat(e.eventType()).isEqualTo("user_changed_number"));
  }

  @Test
  void decodesAMessageSentAsAnObject() {
    Map<String, Object> object = JsonObject.parse("{\"text\":\"Yes\",\"payload\":\"p-1\"}").asMap();
    assertThat(decode("REPLY", object)).isInstanceOf(InboundContent.Reply.class);
    assertThat(InboundContentDecoder.messageText(object, "$[0]")).isEqualTo("{\"text\":\"Yes\",\"payload\":\"p-1\"}");
  }

  @Test
  void readsTheJsonInAStringAsStrictlyAsTheBody() {
    for (String notJson : List.of("{\"text\":True}", "{'text':'Yes'}", "{\"text\":\"Yes\"} x", "{\"a\":1,\"a\":2}",
        "{\"text\":\"\\'\"}")) {
      assertThat(decode("REPLY", notJson)).as(notJson).isEqualTo(new InboundContent.Unknown(notJson));
    }
  }

  @Test
  void appliesTheLimitsToTheJsonInAString() {
    String deep = "{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}";
    assertThat(decode("REPLY", deep)).isEqualTo(new InboundContent.Unknown(deep));
  }

  @Test
  void keepsWhatItCannotDecode() {
    assertThat(decode("STICKER", "{\"id\":\"s\"}")).isEqualTo(new InboundContent.Unknown("{\"id\":\"s\"}"));
    assertThat(decode(null, "hi")).isEqualTo(new InboundContent.Unknown("hi"));
    assertThat(decode("LOCATION", "{\"latitude\":91,\"longitude\":0}")).isInstanceOf(InboundContent.Unknown.class);
    assertThat(decode("LOCATION", "{\"latitude\":1e2147483647,\"longitude\":0}")).isInstanceOf(InboundContent.Unknown.class);
    assertThat(decode("IMAGE", "[1]")).isInstanceOf(InboundContent.Unknown.class);
  }

  @Test
  void rendersNumbersAsTheirDigitsNeverExpanded() {
    assertThat(InboundContentDecoder.messageText(new java.math.BigDecimal("1e2147483647"), "$[0]"))
        .isEqualTo("1E+2147483647");
    assertThat(InboundContentDecoder.messageText(12L, "$[0]")).isEqualTo("12");
  }

  @Test
  void refusesABooleanMessageNamingIt() {
    assertThatThrownBy(() -> InboundContentDecoder.messageText(Boolean.TRUE, "$[3]"))
        .isInstanceOf(MalformedPayloadException.class)
        .hasMessage("expected a string or an object but found a boolean at $[3].Message");
  }
}
