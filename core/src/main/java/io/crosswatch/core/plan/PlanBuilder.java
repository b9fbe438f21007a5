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
  private final List<String> warnings = new ArrayList<>();
  private final List<String> decisions = new ArrayList<>();

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

  void warn(String message) {
    warnings.add(message);
  }

  void decide(String decision) {
    decisions.add(decision);
  }

  /** Takes over everything another plan holds (one playlist's plan into the feature's). */
  void addAll(Plan plan) {
    sourceAdds.addAll(plan.source().adds());
    sourceRemoves.addAll(plan.source().removes());
    sourceUpdates.addAll(plan.source().updates());
    targetAdds.addAll(plan.target().adds());
    targetRemoves.addAll(plan.target().removes());
    targetUpdates.addAll(plan.target().updates());
    deletedOnSource.addAll(plan.deletedOnSource());
    deletedOnTarget.addAll(plan.deletedOnTarget());
    unresolved.addAll(plan.unresolved());
    warnings.addAll(plan.warnings());
    decisions.addAll(plan.decisions());
  }

  /** The planned adds and updates of one side, for reordering them before the plan is built. */
  List<Item> adds(Side side) {
    return side == Side.SOURCE ? sourceAdds : targetAdds;
  }

  List<Item> updates(Side side) {
    return side == Side.SOURCE ? sourceUpdates : targetUpdates;
  }

  Plan build() {
    return new Plan(
        new SidePlan(sourceAdds, sourceRemoves, sourceUpdates),
        new SidePlan(targetAdds, targetRemoves, targetUpdates),
        deletedOnSource,
        deletedOnTarget,
        unresolved,
        warnings,
        decisions);
  }
}
