package io.crosswatch.core.provider;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The rule that turns a service's fuzzy search results into one match: a result matches when its
 * type and year agree with the item's and its title equals the item's ignoring case, accents and
 * punctuation. Exactly one match resolves the item; several are {@code ambiguous_title}; none is
 * {@code not_found}.
 */
public final class TitleMatch {
  private TitleMatch() {}

  /**
   * Picks the match for {@code item} among {@code results} (items as the service returned them).
   */
  public static TitleResolution pick(Item item, List<Item> results) {
    String title = ItemKeys.normalizeTitle(item.title());
    List<Item> matches = new ArrayList<>();
    for (Item r : results) {
      if (r.type() == item.type()
          && Objects.equals(r.year(), item.year())
          && ItemKeys.normalizeTitle(r.title()).equals(title)
          && matches.stream().noneMatch(m -> m.ids().equals(r.ids()))) {
        matches.add(r);
      }
    }
    if (matches.size() == 1) {
      return TitleResolution.resolved(item.withIds(item.ids().merge(matches.get(0).ids())));
    }
    return TitleResolution.unresolved(
        matches.isEmpty() ? TitleResolution.NOT_FOUND : TitleResolution.AMBIGUOUS);
  }
}
