package io.crosswatch.core.plan;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.state.Side;
import java.util.ArrayList;
import java.util.List;

/** Collects planned changes per side while a planner walks the titles. */
final class PlanBuilder {
  private final List<Item> sourceAdds = new ArrayList<>();
  private final List<Item> sourceRemoves = new ArrayList<>();
  private final List<Item> sourceUpdates = new ArrayList<>();
  private final List<Item> targetAdds = new ArrayList<>();
  private final List<Item> targetRemoves = new ArrayList<>();
  private final List<Item> targetUpdates = new ArrayList<>();
  private final List<Item> deletedOnSource = new ArrayList<>();
  private final List<Item> deletedOnTarget = new ArrayList<>();
  private final List<PlannedUnresolved> unresolved = new ArrayList<>();

  /** Plans an add, or an unresolved {@code no_ids} entry when the item has no usable id. */
  void add(Side side, Item item) {
    if (!item.hasUsableIds()) {
      unresolved.add(new PlannedUnresolved(side, item, "no_ids"));
      return;
    }
    (side == Side.SOURCE ? sourceAdds : targetAdds).add(item);
  }

  void remove(Side side, Item item) {
    (side == Side.SOURCE ? sourceRemoves : targetRemoves).add(item);
  }

  void update(Side side, Item item) {
    (side == Side.SOURCE ? sourceUpdates : targetUpdates).add(item);
  }

  void deletedOn(Side side, Item item) {
    (side == Side.SOURCE ? deletedOnSource : deletedOnTarget).add(item);
  }

  Plan build() {
    return new Plan(
        new SidePlan(sourceAdds, sourceRemoves, sourceUpdates),
        new SidePlan(targetAdds, targetRemoves, targetUpdates),
        deletedOnSource,
        deletedOnTarget,
        unresolved);
  }
}
