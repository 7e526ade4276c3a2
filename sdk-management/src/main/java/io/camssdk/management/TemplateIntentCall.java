package io.camssdk.management;

import java.util.Objects;

/**
 * One template button that calls an intent: pressing it makes the platform send an intent call with
 * {@code intentCode} to the business system (the button's {@code ExtendAttrs.IntentCode}).
 *
 * @param templateCode the template's {@code TemplateCode}
 * @param templateName the template's name
 * @param language the template's language
 * @param buttonText the button's label
 * @param intentCode the intent code the button calls
 * @since 0.1
 */
public record TemplateIntentCall(String templateCode, String templateName, String language, String buttonText,
    String intentCode) {
  public TemplateIntentCall {
    Objects.requireNonNull(templateCode, "templateCode");
    Objects.requireNonNull(intentCode, "intentCode");
    templateName = templateName == null ? "" : templateName;
    language = language == null ? "" : language;
    buttonText = buttonText == null ? "" : buttonText;
  }

  @Override
  public String toString() {
    return intentCode + " <- template " + templateCode + (templateName.isEmpty() ? "" : " '" + templateName + "'")
        + (language.isEmpty() ? "" : " (" + language + ")") + " button '" + buttonText + "'";
  }
}
