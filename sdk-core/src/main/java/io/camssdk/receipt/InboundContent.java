package io.camssdk.receipt;

import io.camssdk.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * The content of an {@link InboundReceipt}, decoded from its {@code Message}: the text of a {@code TEXT} message,
 * or the JSON the platform puts in {@code Message} for the other types. Content that cannot be decoded (not JSON,
 * missing coordinates, a type the SDK does not know) is {@link Unknown}, so one odd message never fails a push.
 * Each decoded form keeps all fields of the JSON in {@code fields()}.
 *
 * <pre>{@code
 * InboundContent content = receipt.content();
 * if (content instanceof InboundContent.Text text) {
 *   bot.answer(receipt.from(), text.text());
 * } else if (content instanceof InboundContent.Reply reply) {
 *   flows.buttonTapped(receipt.from(), reply.payload());
 * } else if (content instanceof InboundContent.Media media) {
 *   archive.fetch(media.url(), media.mimeType());
 * }
 * }</pre>
 *
 * @since 0.1
 */
public sealed interface InboundContent {

  /**
   * A {@code TEXT} message.
   *
   * @param text the text as the user wrote it
   */
  record Text(String text) implements InboundContent {
    public Text {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * An {@code IMAGE}, {@code VIDEO}, {@code AUDIO} or {@code DOCUMENT} message: a file the platform stored. Its
   * URL is valid for a limited time (7 days, as documented); fetch the file soon if you keep it.
   *
   * @param kind which of the four types
   * @param id {@code id}, the file's id
   * @param url {@code url}
   * @param mimeType {@code mimeType}, such as {@code image/jpeg}
   * @param filename {@code filename} (also read from {@code fileName}); documents and some audio
   * @param caption {@code caption}; images
   * @param name {@code name}, the description of a video, audio or document
   * @param fields every field of the content
   */
  record Media(Kind kind, String id, String url, String mimeType, String filename, String caption, String name,
      JsonObject fields) implements InboundContent {
    public Media {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(fields, "fields");
    }

    /** The four media types. */
    public enum Kind {
      IMAGE,
      VIDEO,
      AUDIO,
      DOCUMENT
    }
  }

  /**
   * A {@code LOCATION} message. The platform documents the coordinates as strings; they are read from strings or
   * numbers.
   *
   * @param latitude {@code latitude} in degrees
   * @param longitude {@code longitude} in degrees
   * @param name {@code name}, the place's description, or {@code null}
   * @param address {@code address}, or {@code null}
   * @param fields every field of the content
   */
  record Location(double latitude, double longitude, String name, String address, JsonObject fields)
      implements InboundContent {
    public Location {
      Objects.requireNonNull(fields, "fields");
    }
  }

  /**
   * A {@code REPLY} message: the user tapped a button of a message the business sent. The message it answers is
   * named by the receipt's {@code Context} field ({@code receipt.raw().getObject("Context")}, with {@code id} and
   * {@code from}).
   *
   * @param text {@code text}, the button's label
   * @param payload {@code payload}, the value the business gave the button when sending, or {@code null}
   * @param fields every field of the content (interactive replies may carry more, such as an {@code id})
   */
  record Reply(String text, String payload, JsonObject fields) implements InboundContent {
    public Reply {
      Objects.requireNonNull(fields, "fields");
    }
  }

  /**
   * A {@code CONTACTS} message: contact cards the user shared, each kept as a generic object (the platform does not
   * document their fields; WhatsApp's have {@code name}, {@code phones}, {@code emails}...).
   *
   * @param contacts the cards, in order
   */
  record Contacts(List<JsonObject> contacts) implements InboundContent {
    public Contacts {
      contacts = List.copyOf(contacts);
    }
  }

  /**
   * A {@code SYSTEM} message: a notice from the channel rather than from the user, such as a changed number.
   *
   * @param body {@code body}, a readable description, or {@code null}
   * @param eventType {@code type}, the kind of notice, or {@code null}
   * @param fields every field of the content
   */
  record SystemEvent(String body, String eventType, JsonObject fields) implements InboundContent {
    public SystemEvent {
      Objects.requireNonNull(fields, "fields");
    }
  }

  /**
   * Content the SDK could not decode, or of a type it does not know.
   *
   * @param raw the {@code Message} as sent (objects as compact JSON text), or {@code null} when there was none
   */
  record Unknown(String raw) implements InboundContent {}
}
