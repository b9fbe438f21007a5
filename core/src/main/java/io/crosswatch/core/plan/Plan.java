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
 * @param warnings things the user should know that withhold nothing planned (a read-only playlist,
 *     an order that cannot be kept)
 * @param decisions one line per planning decision, when asked for ({@code debug_mods})
 */
public record Plan(
    SidePlan source,
    SidePlan target,
    List<Item> deletedOnSource,
    List<Item> deletedOnTarget,
    List<PlannedUnresolved> unresolved,
    List<String> warnings,
    List<String> decisions) {

  public Plan {
    deletedOnSource = List.copyOf(deletedOnSource);
    deletedOnTarget = List.copyOf(deletedOnTarget);
    unresolved = List.copyOf(unresolved);
    warnings = List.copyOf(warnings);
    decisions = List.copyOf(decisions);
  }

  /** A plan without warnings or decisions. */
  public Plan(
      SidePlan source,
      SidePlan target,
      List<Item> deletedOnSource,
      List<Item> deletedOnTarget,
      List<PlannedUnresolved> unresolved) {
    this(source, target, deletedOnSource, deletedOnTarget, unresolved, List.of(), List.of());
  }

  /**
   * This plan with other side plans and deletions, its unresolved items, warnings and decisions
   * kept.
   */
  public Plan with(
      SidePlan newSource,
      SidePlan newTarget,
      List<Item> newDeletedOnSource,
      List<Item> newDeletedOnTarget) {
    return new Plan(
        newSource,
        newTarget,
        newDeletedOnSource,
        newDeletedOnTarget,
        unresolved,
        warnings,
        decisions);
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
