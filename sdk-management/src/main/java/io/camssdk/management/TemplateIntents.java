package io.camssdk.management;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which buttons of a channel's templates call which intent codes, read from the templates themselves
 * ({@code ListChatappTemplate}, then {@code GetChatappTemplateDetail} for each template, whose buttons carry
 * {@code ExtendAttrs.IntentCode}). Immutable.
 *
 * <pre>{@code
 * TemplateIntents intents = TemplateIntents.read(cams, space);
 * intents.intentCodes();                       // [ORDER_STATUS, REFUND]
 * IntentCoverage coverage = intents.coverage(router.intentCodes());
 * if (!coverage.complete()) log.warn(coverage.summary());
 * }</pre>
 *
 * @since 0.1
 */
public final class TemplateIntents {
  private final String custSpaceId;
  private final List<TemplateIntentCall> calls;

  private TemplateIntents(String custSpaceId, List<TemplateIntentCall> calls) {
    this.custSpaceId = custSpaceId;
    this.calls = List.copyOf(calls);
  }

  /**
   * Reads every template of the channel (all pages, all languages) and the buttons of each: one
   * {@code ListChatappTemplate} call per 100 templates and one {@code GetChatappTemplateDetail} per template.
   *
   * @throws CamsManagementException when a call fails
   */
  public static TemplateIntents read(CamsManagementClient client, String custSpaceId) {
    Objects.requireNonNull(client, "client");
    ListChatappTemplateRequest all = ListChatappTemplateRequest.builder().custSpaceId(custSpaceId)
        .page(1, 100).build();
    List<TemplateDetail> details = new ArrayList<>();
    client.streamTemplates(all).forEach(summary -> details.add(client.getTemplateDetail(
        GetChatappTemplateDetailRequest.builder().custSpaceId(custSpaceId).templateCode(summary.templateCode())
            .language(summary.language().isEmpty() ? "en" : summary.language())
            .templateType(summary.templateType().isEmpty() ? null : summary.templateType()).build())));
    return of(custSpaceId, details);
  }

  /** The intent calls of the given templates' buttons. */
  public static TemplateIntents of(String custSpaceId, Collection<TemplateDetail> templates) {
    Objects.requireNonNull(custSpaceId, "custSpaceId");
    List<TemplateIntentCall> calls = new ArrayList<>();
    for (TemplateDetail template : templates) {
      for (TemplateButton button : template.buttons()) {
        button.intentCode().ifPresent(code -> calls.add(new TemplateIntentCall(template.templateCode(),
            template.name(), template.language(), button.text(), code)));
      }
    }
    return new TemplateIntents(custSpaceId, calls);
  }

  /** The channel these templates belong to. */
  public String custSpaceId() {
    return custSpaceId;
  }

  /** Every button that calls an intent, template by template. */
  public List<TemplateIntentCall> calls() {
    return calls;
  }

  /** The intent codes the templates call, sorted. */
  public Set<String> intentCodes() {
    Set<String> codes = new TreeSet<>();
    calls.forEach(call -> codes.add(call.intentCode()));
    return codes;
  }

  /** The buttons that call {@code intentCode}. */
  public List<TemplateIntentCall> callsOf(String intentCode) {
    return calls.stream().filter(call -> call.intentCode().equals(intentCode)).toList();
  }

  /**
   * Which of these calls no handler answers, given the intent codes the business system handles (such as
   * {@code IntentRouter.intentCodes()}). A router with a default handler answers every code: check it with
   * {@link #coverage(Set, boolean)}.
   */
  public IntentCoverage coverage(Set<String> handledIntentCodes) {
    return coverage(handledIntentCodes, false);
  }

  /** Like {@link #coverage(Set)}; with {@code defaultHandler} every code counts as handled. */
  public IntentCoverage coverage(Set<String> handledIntentCodes, boolean defaultHandler) {
    Objects.requireNonNull(handledIntentCodes, "handledIntentCodes");
    List<TemplateIntentCall> unhandled = defaultHandler ? List.of()
        : calls.stream().filter(call -> !handledIntentCodes.contains(call.intentCode())).toList();
    return new IntentCoverage(custSpaceId, intentCodes(), unhandled);
  }

  @Override
  public String toString() {
    return "TemplateIntents[custSpaceId=" + custSpaceId + ", calls=" + calls + "]";
  }
}
