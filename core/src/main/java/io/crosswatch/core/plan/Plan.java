package io.crosswatch.core.plan;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.state.Side;
import java.util.List;

/**
 * The result of planning one pair and feature.
 *
 * @param source changes to make on the source (two-way only; one-way never writes the source)
 * @param target changes to make on the target
 * @param deletedOnSource items the source removed since its baseline (they become tombstones)
 * @param deletedOnTarget items the target removed since its baseline (two-way only)
 * @param unresolved items that cannot be planned, with the reason
 */
public record Plan(
    SidePlan source,
    SidePlan target,
    List<Item> deletedOnSource,
    List<Item> deletedOnTarget,
    List<PlannedUnresolved> unresolved) {

  public Plan {
    deletedOnSource = List.copyOf(deletedOnSource);
    deletedOnTarget = List.copyOf(deletedOnTarget);
    unresolved = List.copyOf(unresolved);
  }

  /** The changes of one side. */
  public SidePlan side(Side side) {
    return side == Side.SOURCE ? source : target;
  }

  /** The deletions detected on one side. */
  public List<Item> deletedOn(Side side) {
    return side == Side.SOURCE ? deletedOnSource : deletedOnTarget;
  }

  /** Whether the plan changes nothing. */
  public boolean isEmpty() {
    return source.isEmpty() && target.isEmpty();
  }
}
