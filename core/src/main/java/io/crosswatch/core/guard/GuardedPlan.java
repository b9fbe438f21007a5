package io.crosswatch.core.guard;

import io.crosswatch.core.plan.Plan;
import io.crosswatch.core.state.Side;
import java.util.List;
import java.util.Set;

/**
 * A plan after the guards: what may be applied, how many changes were withheld and why.
 *
 * @param plan the changes that may be applied
 * @param blocked changes withheld, in all
 * @param warnings one sentence per guard that fired, naming pair, feature, provider and numbers
 * @param keepBaseline sides whose baseline must not be replaced by their present snapshot (their
 *     snapshot is suspect, or deletions detected on them were withheld)
 * @param guarded whether the suspect-snapshot or mass-removal guard fired
 */
public record GuardedPlan(
    Plan plan, int blocked, List<String> warnings, Set<Side> keepBaseline, boolean guarded) {
  public GuardedPlan {
    warnings = List.copyOf(warnings);
    keepBaseline = Set.copyOf(keepBaseline);
  }
}
