package io.crosswatch.core.state;

import io.crosswatch.core.model.Item;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one side of a pair held for a feature after the last successful apply.
 *
 * @param items the items, one per storage key
 * @param updatedAt when the baseline was last written; a lower bound for the time of any change
 *     detected against it
 */
public record Baseline(List<Item> items, Instant updatedAt) {
  public Baseline {
    items = List.copyOf(items);
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
