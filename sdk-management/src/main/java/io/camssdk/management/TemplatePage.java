package io.camssdk.management;

import java.util.List;

/**
 * One page of {@code ListChatappTemplate} (the reply's top-level {@code ListTemplate} and {@code Total}).
 *
 * @param templates the templates on this page
 * @param total the number of templates over all pages
 * @param pageIndex this page's index, from 1
 * @param pageSize the requested page size
 * @since 0.1
 */
public record TemplatePage(List<TemplateSummary> templates, long total, int pageIndex, int pageSize) {
  public TemplatePage {
    templates = List.copyOf(templates);
  }

  /** Whether a later page holds more templates. */
  public boolean hasNext() {
    return !templates.isEmpty() && (long) pageIndex * pageSize < total;
  }
}
