package io.crosswatch.core.provider;

import io.crosswatch.core.model.Item;

/**
 * What a service's search made of an item that carried only a title and a year: the item with the
 * service's ids, or why not ({@code ambiguous_title}, {@code not_found}).
 */
public record TitleResolution(Item resolved, String reason) {
  public static final String AMBIGUOUS = "ambiguous_title";
  public static final String NOT_FOUND = "not_found";

  /** The item, now carrying ids. */
  public static TitleResolution resolved(Item item) {
    return new TitleResolution(item, null);
  }

  /** No single match; {@code reason} says why. */
  public static TitleResolution unresolved(String reason) {
    return new TitleResolution(null, reason);
  }
}
