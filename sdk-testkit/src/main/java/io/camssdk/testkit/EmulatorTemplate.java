package io.camssdk.testkit;

import java.util.List;
import java.util.Objects;

/**
 * A message template of an emulated channel, as {@code ListChatappTemplate} and {@code GetChatappTemplateDetail}
 * serve it: a body and buttons, of which a quick reply can call an intent ({@code ExtendAttrs.IntentCode}).
 *
 * <pre>{@code
 * emulator.addTemplate(CamsEmulator.DEFAULT_WHATSAPP_CUST_SPACE_ID, EmulatorTemplate.builder("order_update")
 *     .body("Your order {{1}} has shipped")
 *     .button(EmulatorTemplate.Button.intent("Where is it?", "ORDER_STATUS"))
 *     .button(EmulatorTemplate.Button.url("Shop", "https://shop.example.com"))
 *     .build());
 * }</pre>
 *
 * @param templateCode {@code TemplateCode}
 * @param name {@code Name} / {@code TemplateName}
 * @param language {@code Language}, such as {@code en}
 * @param category {@code Category}, such as {@code UTILITY}
 * @param auditStatus {@code AuditStatus}, such as {@code pass}
 * @param body the {@code BODY} component's text
 * @param buttons the {@code BUTTONS} component's buttons
 * @since 0.1
 */
public record EmulatorTemplate(String templateCode, String name, String language, String category,
    String auditStatus, String body, List<Button> buttons) {

  public EmulatorTemplate {
    Objects.requireNonNull(templateCode, "templateCode");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(auditStatus, "auditStatus");
    body = body == null ? "" : body;
    buttons = List.copyOf(buttons);
  }

  /** A template named {@code name}: code {@code tpl-<name>}, English, {@code UTILITY}, audit {@code pass}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /**
   * A template button.
   *
   * @param type {@code Type}: {@code QUICK_REPLY}, {@code URL}, {@code PHONE_NUMBER}
   * @param text {@code Text}
   * @param url {@code Url} of a URL button, or {@code ""}
   * @param intentCode {@code ExtendAttrs.IntentCode}: the intent a quick reply calls, or {@code ""}
   */
  public record Button(String type, String text, String url, String intentCode) {
    public Button {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(text, "text");
      url = url == null ? "" : url;
      intentCode = intentCode == null ? "" : intentCode;
    }

    /** A quick reply that calls {@code intentCode}. */
    public static Button intent(String text, String intentCode) {
      return new Button("QUICK_REPLY", text, "", Objects.requireNonNull(intentCode, "intentCode"));
    }

    /** A quick reply that calls no intent. */
    public static Button quickReply(String text) {
      return new Button("QUICK_REPLY", text, "", "");
    }

    /** A button opening {@code url}. */
    public static Button url(String text, String url) {
      return new Button("URL", text, Objects.requireNonNull(url, "url"), "");
    }
  }

  /** Builds an {@link EmulatorTemplate}; not thread-safe. */
  public static final class Builder {
    private final String name;
    private String templateCode;
    private String language = "en";
    private String category = "UTILITY";
    private String auditStatus = "pass";
    private String body = "";
    private final java.util.ArrayList<Button> buttons = new java.util.ArrayList<>();

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
      this.templateCode = "tpl-" + name;
    }

    public Builder templateCode(String templateCode) {
      this.templateCode = Objects.requireNonNull(templateCode, "templateCode");
      return this;
    }

    public Builder language(String language) {
      this.language = Objects.requireNonNull(language, "language");
      return this;
    }

    public Builder category(String category) {
      this.category = Objects.requireNonNull(category, "category");
      return this;
    }

    public Builder auditStatus(String auditStatus) {
      this.auditStatus = Objects.requireNonNull(auditStatus, "auditStatus");
      return this;
    }

    public Builder body(String body) {
      this.body = Objects.requireNonNull(body, "body");
      return this;
    }

    public Builder button(Button button) {
      buttons.add(Objects.requireNonNull(button, "button"));
      return this;
    }

    public EmulatorTemplate build() {
      return new EmulatorTemplate(templateCode, name, language, category, auditStatus, body, buttons);
    }
  }
}
