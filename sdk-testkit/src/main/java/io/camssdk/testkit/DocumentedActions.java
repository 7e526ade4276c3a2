package io.camssdk.testkit;

import static io.camssdk.testkit.Platform.required;

import io.camssdk.json.JsonObject;
import io.camssdk.json.MalformedPayloadException;
import io.camssdk.management.internal.ApiUrlRule;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The platform's documented actions of this area that the emulator serves besides contract section 3: receipt
 * webhooks ({@code UpdateAccountWebhook}, {@code UpdatePhoneWebhook}) and templates ({@code ListChatappTemplate},
 * {@code GetChatappTemplateDetail}), with the request and response fields of Alibaba's published models. Each
 * action returns the fields to add to the envelope at its top level (as the real replies do: {@code ListTemplate}
 * and {@code Total} beside {@code RequestId}, or {@code Data}), or throws {@link ApiError}.
 *
 * <p>Templates and webhook settings live in memory only (not in the state file). Thread-safe.
 */
final class DocumentedActions {
  static final Set<String> ACTIONS = Set.of("UpdateAccountWebhook", "UpdatePhoneWebhook", "ListChatappTemplate",
      "GetChatappTemplateDetail");

  private final Function<String, EmulatorChannel> channels;
  private final BiConsumer<Delivery.Kind, URI> callbackUrls;
  private final Map<String, List<EmulatorTemplate>> templates = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> webhooks = new LinkedHashMap<>();

  /**
   * @param channels the channel of a {@code CustSpaceId}, or {@code null} when there is none
   * @param callbackUrls where the emulator's receipt pushes of a kind go from now on
   */
  DocumentedActions(Function<String, EmulatorChannel> channels, BiConsumer<Delivery.Kind, URI> callbackUrls) {
    this.channels = channels;
    this.callbackUrls = callbackUrls;
  }

  boolean handles(String action) {
    return action != null && ACTIONS.contains(action);
  }

  synchronized void addTemplate(String custSpaceId, EmulatorTemplate template) {
    channel(custSpaceId);
    List<EmulatorTemplate> list = templates.computeIfAbsent(custSpaceId, k -> new ArrayList<>());
    list.removeIf(t -> t.templateCode().equals(template.templateCode()) && t.language().equals(template.language()));
    list.add(template);
  }

  /** The webhook settings last set for the space (key {@code ""}) or for a phone number. */
  synchronized Map<String, String> webhook(String custSpaceId, String phoneNumber) {
    return Map.copyOf(webhooks.getOrDefault(custSpaceId + "/" + (phoneNumber == null ? "" : phoneNumber), Map.of()));
  }

  Map<String, Object> perform(String action, Map<String, String> p) {
    return switch (action) {
      case "UpdateAccountWebhook" -> updateWebhook(p, false);
      case "UpdatePhoneWebhook" -> updateWebhook(p, true);
      case "ListChatappTemplate" -> listTemplates(p);
      case "GetChatappTemplateDetail" -> templateDetail(p);
      default -> throw new ApiError(404, "InvalidAction.NotFound", "the action is not supported");
    };
  }

  private Map<String, Object> updateWebhook(Map<String, String> p, boolean phone) {
    String space = required(p, "CustSpaceId");
    String phoneNumber = phone ? required(p, "PhoneNumber") : "";
    String httpFlag = flag(p, "HttpFlag");
    String queueFlag = flag(p, "QueueFlag");
    URI status = callbackUrl(p, "StatusCallbackUrl");
    URI up = phone ? callbackUrl(p, "UpCallbackUrl") : null;
    synchronized (this) {
      channel(space);
      Map<String, String> settings = webhooks.computeIfAbsent(space + "/" + phoneNumber, k -> new LinkedHashMap<>());
      if (httpFlag != null) {
        settings.put("HttpFlag", httpFlag);
      }
      if (queueFlag != null) {
        settings.put("QueueFlag", queueFlag);
      }
      if (status != null) {
        settings.put("StatusCallbackUrl", status.toString());
      }
      if (up != null) {
        settings.put("UpCallbackUrl", up.toString());
      }
      // HTTP pushes go where the platform was told, once HttpFlag is Y (as the real platform only pushes then).
      if ("Y".equals(settings.get("HttpFlag"))) {
        if (settings.containsKey("StatusCallbackUrl")) {
          callbackUrls.accept(Delivery.Kind.STATUS, URI.create(settings.get("StatusCallbackUrl")));
        }
        if (settings.containsKey("UpCallbackUrl")) {
          callbackUrls.accept(Delivery.Kind.INBOUND, URI.create(settings.get("UpCallbackUrl")));
        }
      }
    }
    return Map.of("Message", "SUCCESS");
  }

  private synchronized Map<String, Object> listTemplates(Map<String, String> p) {
    EmulatorChannel channel = channel(required(p, "CustSpaceId"));
    int index = 1;
    int size = 20;
    String page = p.get("Page");
    if (page != null && !page.isEmpty()) {
      Map<String, Object> parsed;
      try {
        parsed = JsonObject.parse(page).asMap();
      } catch (MalformedPayloadException e) {
        throw ApiError.invalid("Page must be a JSON object such as {\"Index\":1,\"Size\":20}");
      }
      index = intOf(parsed.get("Index"), "Page.Index", 1, Integer.MAX_VALUE, 1);
      size = intOf(parsed.get("Size"), "Page.Size", 1, 100, 20);
    }
    List<EmulatorTemplate> matching = new ArrayList<>();
    for (EmulatorTemplate t : templates.getOrDefault(channel.custSpaceId(), List.of())) {
      if (matches(p.get("Code"), t.templateCode()) && matches(p.get("Language"), t.language())
          && matches(p.get("AuditStatus"), t.auditStatus()) && matches(p.get("Category"), t.category())
          && matches(p.get("TemplateType"), templateType(channel))
          && (p.get("Name") == null || t.name().contains(p.get("Name")))) {
        matching.add(t);
      }
    }
    List<Object> list = new ArrayList<>();
    long from = (long) (index - 1) * size;
    for (long i = from; i < Math.min(matching.size(), from + size); i++) {
      EmulatorTemplate t = matching.get((int) i);
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("TemplateCode", t.templateCode());
      item.put("TemplateName", t.name());
      item.put("Language", t.language());
      item.put("Category", t.category());
      item.put("AuditStatus", t.auditStatus());
      item.put("TemplateType", templateType(channel));
      list.add(item);
    }
    Map<String, Object> top = new LinkedHashMap<>();
    top.put("Success", true);
    top.put("Total", (long) matching.size());
    top.put("ListTemplate", list);
    return top;
  }

  private synchronized Map<String, Object> templateDetail(Map<String, String> p) {
    EmulatorChannel channel = channel(required(p, "CustSpaceId"));
    String code = required(p, "TemplateCode");
    String language = required(p, "Language");
    for (EmulatorTemplate t : templates.getOrDefault(channel.custSpaceId(), List.of())) {
      if (t.templateCode().equals(code) && t.language().equals(language)) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("TemplateCode", t.templateCode());
        data.put("Name", t.name());
        data.put("Language", t.language());
        data.put("Category", t.category());
        data.put("AuditStatus", t.auditStatus());
        data.put("TemplateType", templateType(channel));
        List<Object> components = new ArrayList<>();
        components.add(Map.of("Type", "BODY", "Text", t.body()));
        if (!t.buttons().isEmpty()) {
          List<Object> buttons = new ArrayList<>();
          for (EmulatorTemplate.Button b : t.buttons()) {
            Map<String, Object> button = new LinkedHashMap<>();
            button.put("Type", b.type());
            button.put("Text", b.text());
            if (!b.url().isEmpty()) {
              button.put("Url", b.url());
            }
            if (!b.intentCode().isEmpty()) {
              button.put("ExtendAttrs", Map.of("IntentCode", b.intentCode()));
            }
            buttons.add(button);
          }
          components.add(Map.of("Type", "BUTTONS", "Buttons", buttons));
        }
        data.put("Components", components);
        return Map.of("Data", data);
      }
    }
    throw new ApiError(404, "Template.NotFound", "no template " + code + " in language " + language);
  }

  private EmulatorChannel channel(String custSpaceId) {
    EmulatorChannel channel = channels.apply(custSpaceId);
    if (channel == null) {
      throw new ApiError(404, "CustSpace.NotFound", "no channel with CustSpaceId " + custSpaceId);
    }
    return channel;
  }

  private static String templateType(EmulatorChannel channel) {
    return channel.channelType().value().toUpperCase(Locale.ROOT);
  }

  private static boolean matches(String filter, String value) {
    return filter == null || filter.isEmpty() || filter.equalsIgnoreCase(value);
  }

  private static String flag(Map<String, String> p, String name) {
    String value = p.get(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (!value.equals("Y") && !value.equals("N")) {
      throw ApiError.invalid(name + " must be Y or N");
    }
    return value;
  }

  private static URI callbackUrl(Map<String, String> p, String name) {
    String value = p.get(name);
    if (value == null || value.isEmpty()) {
      return null;
    }
    String problem = ApiUrlRule.problem(value); // the ApiUrl rule, one place for every callback URL
    if (problem != null) {
      throw ApiError.invalid(name + " " + problem);
    }
    return URI.create(value);
  }

  private static int intOf(Object value, String name, int min, int max, int fallback) {
    if (value == null) {
      return fallback;
    }
    if (value instanceof Number n && n.doubleValue() == n.intValue() && n.intValue() >= min && n.intValue() <= max) {
      return n.intValue();
    }
    throw ApiError.invalid(name + " must be an integer from " + min + (max == Integer.MAX_VALUE ? "" : " to " + max));
  }
}
