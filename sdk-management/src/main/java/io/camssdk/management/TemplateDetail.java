package io.camssdk.management;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One template in one language, as {@code GetChatappTemplateDetail} returns it in {@code Data}.
 *
 * @param templateCode {@code TemplateCode}
 * @param name {@code Name}
 * @param language {@code Language}
 * @param category {@code Category}, or {@code ""}
 * @param auditStatus {@code AuditStatus}, or {@code ""}
 * @param templateType {@code TemplateType}, or {@code ""}
 * @param components {@code Components}
 * @since 0.1
 */
public record TemplateDetail(String templateCode, String name, String language, String category,
    String auditStatus, String templateType, List<TemplateComponent> components) {
  public TemplateDetail {
    Objects.requireNonNull(templateCode, "templateCode");
    name = name == null ? "" : name;
    language = language == null ? "" : language;
    category = category == null ? "" : category;
    auditStatus = auditStatus == null ? "" : auditStatus;
    templateType = templateType == null ? "" : templateType;
    components = components == null ? List.of() : List.copyOf(components);
  }

  /** Every button of every component, in order. */
  public List<TemplateButton> buttons() {
    List<TemplateButton> buttons = new ArrayList<>();
    for (TemplateComponent component : components) {
      buttons.addAll(component.buttons());
    }
    return buttons;
  }
}
