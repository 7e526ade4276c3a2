package io.camssdk.management;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Whether every intent code that a channel's template buttons call has a handler in the business system. A button
 * whose intent has no handler makes the platform's intent call fail with {@code UnknownIntent} when a customer
 * presses it.
 *
 * <pre>{@code
 * IntentCoverage coverage = IntentCoverage.check(cams, space, router.intentCodes());
 * if (!coverage.complete()) {
 *   throw new IllegalStateException(coverage.summary());
 * }
 * }</pre>
 *
 * @param custSpaceId the channel whose templates were read
 * @param templateIntentCodes every intent code the templates call, sorted
 * @param unhandledCalls the buttons whose intent code has no handler
 * @since 0.1
 */
public record IntentCoverage(String custSpaceId, Set<String> templateIntentCodes,
    List<TemplateIntentCall> unhandledCalls) {

  public IntentCoverage {
    Objects.requireNonNull(custSpaceId, "custSpaceId");
    templateIntentCodes = Set.copyOf(templateIntentCodes);
    unhandledCalls = List.copyOf(unhandledCalls);
  }

  /**
   * Reads the channel's templates ({@link TemplateIntents#read}) and checks them against the handled codes.
   *
   * @throws CamsManagementException when reading the templates fails
   */
  public static IntentCoverage check(CamsManagementClient client, String custSpaceId, Set<String> handledIntentCodes) {
    return TemplateIntents.read(client, custSpaceId).coverage(handledIntentCodes);
  }

  /** Whether every intent code the templates call has a handler. */
  public boolean complete() {
    return unhandledCalls.isEmpty();
  }

  /** The intent codes called by templates but handled by nothing, sorted. */
  public Set<String> unhandledIntentCodes() {
    return unhandledCalls.stream().map(TemplateIntentCall::intentCode)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * One line for a log or an exception: which codes lack a handler and which buttons call them, and what to do.
   */
  public String summary() {
    if (complete()) {
      return "Every intent code called by the templates of " + custSpaceId + " has a handler ("
          + new TreeSet<>(templateIntentCodes) + ")";
    }
    Set<String> missing = unhandledIntentCodes();
    return missing.size() + " intent code" + (missing.size() == 1 ? "" : "s") + " called by the templates of "
        + custSpaceId + " " + (missing.size() == 1 ? "has" : "have") + " no handler: "
        + unhandledCalls.stream().map(TemplateIntentCall::toString).collect(Collectors.joining("; "))
        + ". Add a handler for " + String.join(", ", missing) + ", or change the templates' buttons";
  }
}
