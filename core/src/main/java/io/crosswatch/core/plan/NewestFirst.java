package io.crosswatch.core.plan;

import io.crosswatch.core.model.Item;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Orders resume points newest {@code paused_at} first, points without one last, equal times in
 * their list order.
 *
 * <p>A plan can hold tens of thousands of writes; the sort compares copies of the times held side
 * by side, not the times behind each item (two memory lookups per comparison, spread over the whole
 * snapshot).
 */
final class NewestFirst {
  private static final Comparator<Keyed> NEWEST_FIRST =
      (x, y) ->
          x.second != y.second ? Long.compare(y.second, x.second) : Integer.compare(y.nano, x.nano);

  private NewestFirst() {}

  /** Sorts {@code points} in place (stable). */
  static void sort(List<Item> points) {
    int n = points.size();
    if (n < 2) {
      return;
    }
    Keyed[] keyed = new Keyed[n];
    for (int i = 0; i < n; i++) {
      keyed[i] = new Keyed(points.get(i));
    }
    Arrays.sort(keyed, NEWEST_FIRST);
    for (int i = 0; i < n; i++) {
      points.set(i, keyed[i].item);
    }
  }

  /** A point with its pause time; no time sorts below every instant. */
  private static final class Keyed {
    final long second;
    final int nano;
    final Item item;

    Keyed(Item item) {
      Instant at = item.pausedAt();
      this.second = at == null ? Long.MIN_VALUE : at.getEpochSecond();
      this.nano = at == null ? 0 : at.getNano();
      this.item = item;
    }
  }
}
