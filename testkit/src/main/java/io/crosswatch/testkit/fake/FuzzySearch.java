package io.crosswatch.testkit.fake;

import io.crosswatch.core.model.ItemKeys;

/**
 * The loose title matching of the services' search endpoints: a title matches when it contains the
 * query, case, accents and punctuation ignored, so a query for "Alien" also finds "Aliens" and
 * "Alien: Covenant" — as the real searches do.
 */
public final class FuzzySearch {
  private FuzzySearch() {}

  /** Whether a search for {@code query} lists {@code title}. */
  public static boolean matches(String query, String title) {
    String q = ItemKeys.normalizeTitle(query);
    return !q.isEmpty() && title != null && ItemKeys.normalizeTitle(title).contains(q);
  }
}
