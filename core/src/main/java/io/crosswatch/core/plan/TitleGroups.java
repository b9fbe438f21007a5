package io.crosswatch.core.plan;

import io.crosswatch.core.identity.IdentityResolver.Resolution;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import java.time.Instant;
import java.util.List;

/**
 * The items of one list grouped by title number, each group ordered by the feature's time (items
 * without a time first). Built with a counting sort: linear in the list size.
 */
final class TitleGroups {
  private final List<Item> items;
  private final int[] start;
  private final int[] order;

  TitleGroups(List<Item> items, int list, Resolution resolution, Feature feature) {
    this.items = items;
    int titles = resolution.titleCount();
    int n = items.size();
    order = new int[n];
    if (n == 0) {
      start = null; // every title has no item
      return;
    }
    // start[t] counts the title's items, then (summed) ends its group; placing the items from the
    // last backwards moves it to the group's beginning and keeps list order within each group.
    start = new int[titles + 1];
    for (int i = 0; i < n; i++) {
      start[resolution.title(list, i)]++;
    }
    for (int t = 1; t < titles; t++) {
      start[t] += start[t - 1];
    }
    for (int i = n - 1; i >= 0; i--) {
      order[--start[resolution.title(list, i)]] = i;
    }
    start[titles] = n;
    for (int t = 0; t < titles; t++) {
      if (start[t + 1] - start[t] > 1) {
        sortByTime(start[t], start[t + 1], feature);
      }
    }
  }

  private void sortByTime(int from, int to, Feature feature) {
    for (int i = from + 1; i < to; i++) {
      int current = order[i];
      long time = epoch(items.get(current).timeFor(feature));
      int j = i - 1;
      while (j >= from && epoch(items.get(order[j]).timeFor(feature)) > time) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = current;
    }
  }

  private static long epoch(Instant t) {
    return t == null ? Long.MIN_VALUE : t.getEpochSecond();
  }

  /** How many items the list holds for a title. */
  int count(int title) {
    return start == null ? 0 : start[title + 1] - start[title];
  }

  /** The {@code k}-th item (by time) of a title. */
  Item get(int title, int k) {
    return items.get(order[start[title] + k]);
  }

  /** The list position of the {@code k}-th item of a title. */
  int position(int title, int k) {
    return order[start[title] + k];
  }

  /** The latest item of a title, or {@code null} when the list has none. */
  Item latest(int title) {
    int n = count(title);
    return n == 0 ? null : get(title, n - 1);
  }

  /** The first item of a title, or {@code null}. */
  Item first(int title) {
    return count(title) == 0 ? null : get(title, 0);
  }
}
