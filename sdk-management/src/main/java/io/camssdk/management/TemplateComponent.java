package io.camssdk.management;

import java.util.List;

/**
 * A component of a template ({@code Components[]} of {@code GetChatappTemplateDetail}).
 *
 * @param type {@code Type}: {@code HEADER}, {@code BODY}, {@code FOOTER}, {@code BUTTONS}, ...
 * @param format {@code Format} of a header ({@code TEXT}, {@code IMAGE}, ...), or {@code ""}
 * @param text {@code Text}, or {@code ""}
 * @param buttons {@code Buttons}, empty when none
 * @since 0.1
 */
public record TemplateComponent(String type, String format, String text, List<TemplateButton> buttons) {
  public TemplateComponent {
    type = type == null ? "" : type;
    format = format == null ? "" : format;
    text = text == null ? "" : text;
    buttons = buttons == null ? List.of() : List.copyOf(buttons);
  }
}
