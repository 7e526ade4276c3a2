package io.camssdk.receipt;

/**
 * The kind of an {@link InboundReceipt}'s {@code Message} ({@code Type}): {@code TEXT}, {@code LOCATION},
 * {@code DOCUMENT}, {@code VIDEO}, {@code AUDIO}, {@code REPLY}, {@code IMAGE}, {@code CONTACTS}, {@code SYSTEM}, or
 * another value the platform sends.
 *
 * <p>An open set: a value the SDK does not know is kept as sent, not rejected ({@link #isKnown()} is then
 * false). Values compare case-insensitively: {@code InboundMessageType.of("TEXT")} gives the documented
 * constant, spelled as documented; an unknown value keeps the spelling of the wire.
 *
 * <pre>{@code
 * if (InboundMessageType.IMAGE.equals(receipt.messageType())) {
 *   InboundContent.Media image = (InboundContent.Media) receipt.content();
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class InboundMessageType extends OpenValue {
  /** Plain text; the message is the text itself. */
  public static final InboundMessageType TEXT = new InboundMessageType("TEXT");

  /** A shared location. */
  public static final InboundMessageType LOCATION = new InboundMessageType("LOCATION");

  /** A document file. */
  public static final InboundMessageType DOCUMENT = new InboundMessageType("DOCUMENT");

  /** A video file. */
  public static final InboundMessageType VIDEO = new InboundMessageType("VIDEO");

  /** An audio file or voice note. */
  public static final InboundMessageType AUDIO = new InboundMessageType("AUDIO");

  /** A tap on a button of a message the business sent. */
  public static final InboundMessageType REPLY = new InboundMessageType("REPLY");

  /** An image. */
  public static final InboundMessageType IMAGE = new InboundMessageType("IMAGE");

  /** Shared contact cards. */
  public static final InboundMessageType CONTACTS = new InboundMessageType("CONTACTS");

  /** A notice from the channel, such as a changed number. */
  public static final InboundMessageType SYSTEM = new InboundMessageType("SYSTEM");

  private static final Known<InboundMessageType> KNOWN = new Known<>(InboundMessageType::new, TEXT, LOCATION, DOCUMENT, VIDEO, AUDIO, REPLY, IMAGE, CONTACTS, SYSTEM);

  private InboundMessageType(String value) {
    super(value);
  }

  /** The known constant equal to {@code value} ignoring case, or else a new instance keeping {@code value}. */
  public static InboundMessageType of(String value) {
    return KNOWN.of(value);
  }

  /** Whether this is one of the documented values (ignoring case). */
  public boolean isKnown() {
    return KNOWN.contains(this);
  }
}
