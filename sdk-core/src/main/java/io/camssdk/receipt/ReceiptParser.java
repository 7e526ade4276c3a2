package io.camssdk.receipt;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import io.camssdk.internal.Json;
import io.camssdk.json.JsonLimits;
import io.camssdk.json.MalformedPayloadException;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the body of a receipt push (the raw bytes, UTF-8) into typed receipts. The body must be a JSON array of
 * objects, possibly empty; the array's order is kept. Unknown keys are kept in each receipt's
 * {@link Receipt#raw()}; a {@code Message} of an inbound receipt that cannot be decoded becomes
 * {@link InboundContent.Unknown} rather than failing the push.
 *
 * <p>Everything else is strict: the body must be valid JSON with nothing after the array; each item an object
 * without duplicate keys; typed fields of the right JSON type (text fields accept strings and numbers, timestamps
 * whole numbers of milliseconds or strings of digits); required fields ({@code MessageId} of status and inbound
 * receipts, {@code Status} of status receipts) present; and no {@link JsonLimits} limit broken (nesting depth,
 * string and number length, {@linkplain JsonLimits#maxBatchSize() items in the array}). A failure throws
 * {@link MalformedPayloadException} naming the JSON path at fault, such as {@code $[3].Timestamp}; its message
 * never repeats content of the body.
 *
 * <p>Stateless and thread-safe.
 *
 * <pre>{@code
 * List<StatusReceipt> receipts = ReceiptParser.parseStatus(body, JsonLimits.DEFAULTS);
 * }</pre>
 *
 * @since 0.1
 */
public final class ReceiptParser {

  private ReceiptParser() {}

  /**
   * Reads a push of {@code type}: a list of {@link StatusReceipt}, {@link InboundReceipt} or {@link AuditReceipt}.
   *
   * @throws MalformedPayloadException when the body is not a JSON array of such receipts or breaks a limit
   */
  public static List<? extends Receipt> parse(ReceiptType type, byte[] body, JsonLimits limits) {
    Objects.requireNonNull(type, "type");
    switch (type) {
      case STATUS:
        return parseStatus(body, limits);
      case INBOUND:
        return parseInbound(body, limits);
      case AUDIT:
        return parseAudit(body, limits);
      default:
        throw new AssertionError(type);
    }
  }

  /**
   * Reads a {@code ChatAppStatus} push.
   *
   * @throws MalformedPayloadException when the body is not a JSON array of status receipts or breaks a limit
   */
  public static List<StatusReceipt> parseStatus(byte[] body, JsonLimits limits) {
    return read(body, limits, (item, index) -> StatusReceipt.read(item, index));
  }

  /**
   * Reads a {@code ChatAppInbound} push.
   *
   * @throws MalformedPayloadException when the body is not a JSON array of inbound messages or breaks a limit
   */
  public static List<InboundReceipt> parseInbound(byte[] body, JsonLimits limits) {
    return read(body, limits, (item, index) -> InboundReceipt.read(item, index, limits));
  }

  /**
   * Reads a {@code ChatAppAudit} push.
   *
   * @throws MalformedPayloadException when the body is not a JSON array of audit notices or breaks a limit
   */
  public static List<AuditReceipt> parseAudit(byte[] body, JsonLimits limits) {
    return read(body, limits, (item, index) -> AuditReceipt.read(item, index));
  }

  /** Turns one item, already read as a generic map within the limits, into a receipt. */
  @FunctionalInterface
  private interface ItemReader<T> {
    T read(Map<String, Object> item, int index);
  }

  /*
   * Each item is read with Json.readObjectMap, which enforces the limits, and the typed fields are then taken from
   * that map. Every receipt keeps all of its fields in raw(), so every key and value is materialised anyway;
   * matching names with JsonReader.Options while streaming would save nothing here.
   */
  private static <T> List<T> read(byte[] body, JsonLimits limits, ItemReader<T> items) {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(limits, "limits");
    JsonReader reader = Json.reader(body);
    try {
      JsonReader.Token top = reader.peek();
      if (top != JsonReader.Token.BEGIN_ARRAY) {
        throw new MalformedPayloadException("$", "expected a JSON array but found " + Json.describe(top));
      }
      reader.beginArray();
      List<T> receipts = new ArrayList<>();
      int index = 0;
      while (reader.hasNext()) {
        if (index == limits.maxBatchSize()) {
          throw new MalformedPayloadException(Fields.itemPath(index),
              "batch larger than " + limits.maxBatchSize() + " items");
        }
        JsonReader.Token token = reader.peek();
        if (token != JsonReader.Token.BEGIN_OBJECT) {
          throw new MalformedPayloadException(Fields.itemPath(index),
              "expected a JSON object but found " + Json.describe(token));
        }
        receipts.add(items.read(Json.readObjectMap(reader, limits, 2), index));
        index++;
      }
      reader.endArray();
      requireEnd(reader);
      return Collections.unmodifiableList(receipts);
    } catch (JsonEncodingException | JsonDataException | EOFException e) {
      throw new MalformedPayloadException(pathOf(reader), "not valid JSON");
    } catch (IOException e) {
      // The source is an in-memory buffer; no other I/O failure can happen.
      throw new UncheckedIOException(e);
    }
  }

  private static void requireEnd(JsonReader reader) throws IOException {
    boolean end;
    try {
      end = reader.peek() == JsonReader.Token.END_DOCUMENT;
    } catch (JsonEncodingException e) {
      end = false;
    }
    if (!end) {
      throw new MalformedPayloadException("", "trailing data after the JSON array");
    }
  }

  private static String pathOf(JsonReader reader) {
    String path = reader.getPath();
    return "$".equals(path) ? "" : path;
  }
}
