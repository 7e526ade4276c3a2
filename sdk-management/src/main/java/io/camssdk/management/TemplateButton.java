package io.camssdk.management;

import java.util.Optional;

/**
 * A button of a template component, as {@code GetChatappTemplateDetail} returns it. A button whose
 * {@code ExtendAttrs} carry an {@code IntentCode} calls that intent of a business system when pressed.
 *
 * @param type {@code Type}, such as {@code QUICK_REPLY}, {@code URL}, {@code PHONE_NUMBER}
 * @param text {@code Text}, the label
 * @param url {@code Url}, or {@code ""}
 * @param phoneNumber {@code PhoneNumber}, or {@code ""}
 * @param extendAttrs {@code ExtendAttrs}; {@link ExtendAttrs#NONE} when absent
 * @since 0.1
 */
public record TemplateButton(String type, String text, String url, String phoneNumber, ExtendAttrs extendAttrs) {
  public TemplateButton {
    type = type == null ? "" : type;
    text = text == null ? "" : text;
    url = url == null ? "" : url;
    phoneNumber = phoneNumber == null ? "" : phoneNumber;
    extendAttrs = extendAttrs == null ? ExtendAttrs.NONE : extendAttrs;
  }

  /** The intent this button calls, if any. */
  public Optional<String> intentCode() {
    return extendAttrs.intentCode().isEmpty() ? Optional.empty() : Optional.of(extendAttrs.intentCode());
  }

  /**
   * A button's {@code ExtendAttrs}: what pressing it does on the platform.
   *
   * @param action {@code Action}, or {@code ""}
   * @param intentCode {@code IntentCode}: the intent called, or {@code ""}
   * @param nextTemplateCode {@code NextTemplateCode}, or {@code ""}
   * @param nextTemplateName {@code NextTemplateName}, or {@code ""}
   * @param nextLanguageCode {@code NextLanguageCode}, or {@code ""}
   */
  public record ExtendAttrs(String action, String intentCode, String nextTemplateCode, String nextTemplateName,
      String nextLanguageCode) {
    /** No extended attributes. */
    public static final ExtendAttrs NONE = new ExtendAttrs("", "", "", "", "");

    public ExtendAttrs {
      action = action == null ? "" : action;
      intentCode = intentCode == null ? "" : intentCode;
      nextTemplateCode = nextTemplateCode == null ? "" : nextTemplateCode;
      nextTemplateName = nextTemplateName == null ? "" : nextTemplateName;
      nextLanguageCode = nextLanguageCode == null ? "" : nextLanguageCode;
    }
  }
}
