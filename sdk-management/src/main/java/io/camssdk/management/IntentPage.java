package io.camssdk.management;

import java.util.List;

/**
 * One page of {@code ListIntents}.
 *
 * @param intents the intents on this page
 * @param total the number of intents over all pages
 * @param pageIndex this page's index, from 1
 * @param pageSize the requested page size
 * @since 0.1
 */
public record IntentPage(List<Intent> intents, long total, int pageIndex, int pageSize) {
  public IntentPage {
    intents = List.copyOf(intents);
  }

  /** Whether a later page holds more intents. */
  public boolean hasNext() {
    return !intents.isEmpty() && (long) pageIndex * pageSize < total;
  }
}
