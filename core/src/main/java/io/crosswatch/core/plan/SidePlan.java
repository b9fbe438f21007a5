package io.crosswatch.core.plan;

import io.crosswatch.core.model.Item;
import java.util.List;

/** The changes planned for one side: items to add, to remove and to update (ratings). */
public record SidePlan(List<Item> adds, List<Item> removes, List<Item> updates) {
  public static final SidePlan EMPTY = new SidePlan(List.of(), List.of(), List.of());

  public SidePlan {
    adds = List.copyOf(adds);
    removes = List.copyOf(removes);
    updates = List.copyOf(updates);
  }

  /** How many changes in all. */
  public int size() {
    return adds.size() + removes.size() + updates.size();
  }

  public boolean isEmpty() {
    return size() == 0;
  }
}
