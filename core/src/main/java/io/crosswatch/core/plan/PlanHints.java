package io.crosswatch.core.plan;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.state.Side;
import java.util.List;
import java.util.Objects;

/**
 * What the planner needs beyond the two snapshots for playlists and progress, gathered by the run
 * before planning so that planning stays pure.
 *
 * @param sourceReorders whether the source can put playlist members in order (two-way writes)
 * @param targetReorders whether the target can put playlist members in order ({@code "order":
 *     "preserve"} reorders only such targets)
 * @param sourcePlays the source's history plays, for progress: a resume point is not written to a
 *     side that has a play of the title at or after its {@code paused_at}; empty when the side has
 *     no history
 * @param targetPlays the target's history plays, likewise
 * @param explain whether the plan lists every decision ({@code runtime.debug_mods})
 */
public record PlanHints(
    boolean sourceReorders,
    boolean targetReorders,
    List<Item> sourcePlays,
    List<Item> targetPlays,
    boolean explain) {
  /** No reordering, no plays, no explanations. */
  public static final PlanHints NONE = new PlanHints(false, false, List.of(), List.of(), false);

  public PlanHints {
    Objects.requireNonNull(sourcePlays, "sourcePlays");
    Objects.requireNonNull(targetPlays, "targetPlays");
  }

  /** Whether a side can reorder playlist members. */
  public boolean reorders(Side side) {
    return side == Side.SOURCE ? sourceReorders : targetReorders;
  }

  /** A side's history plays. */
  public List<Item> plays(Side side) {
    return side == Side.SOURCE ? sourcePlays : targetPlays;
  }
}
