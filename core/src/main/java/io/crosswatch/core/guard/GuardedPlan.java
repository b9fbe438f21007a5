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
 * @param notices one per guard that fired, in the order they fired
 * @param keepBaseline sides whose baseline must not be replaced by their present snapshot (their
 *     snapshot is suspect, or deletions detected on them were withheld)
 * @param guarded whether the suspect-snapshot or mass-removal guard held back changes (the feature
 *     is then {@code blocked})
 */
public record GuardedPlan(
    Plan plan, int blocked, List<GuardNotice> notices, Set<Side> keepBaseline, boolean guarded) {
  public GuardedPlan {
    notices = List.copyOf(notices);
    keepBaseline = Set.copyOf(keepBaseline);
  }

  /** The notices' sentences, one per guard that fired. */
  public List<String> warnings() {
    return notices.stream().map(GuardNotice::message).toList();
  }
}
