package io.crosswatch.core.plan;

import io.crosswatch.core.identity.IdentityResolver;
import io.crosswatch.core.identity.IdentityResolver.Resolution;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.state.Baseline;
import io.crosswatch.core.state.Tombstone;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans the changes of one pair and feature: a pure function of the two present snapshots, their
 * baselines, the tombstones and the settings (README, How the safety rules work). No I/O, no clock.
 */
public final class Planner {
  static final int SOURCE = 0;
  static final int TARGET = 1;
  static final int SOURCE_BASELINE = 2;
  static final int TARGET_BASELINE = 3;
  static final int TOMBSTONES = 4;

  private Planner() {}

  /** Plans one pair and feature. */
  public static Plan plan(PlanInput input) {
    List<Tombstone> live = liveTombstones(input);
    List<Item> tombstoneItems = new ArrayList<>(live.size());
    for (Tombstone t : live) {
      tombstoneItems.add(t.item());
    }
    Resolution resolution =
        IdentityResolver.resolve(
            List.of(
                input.source(),
                input.target(),
                items(input.sourceBaseline()),
                items(input.targetBaseline()),
                tombstoneItems));
    PlanContext context = new PlanContext(input, resolution, live);
    if (input.feature() == Feature.HISTORY) {
      return new HistoryPlanner(context).plan();
    }
    return new TitlePlanner(context).plan();
  }

  private static List<Tombstone> liveTombstones(PlanInput input) {
    Instant cutoff = input.now().minus(Duration.ofDays(input.sync().tombstoneTtlDays()));
    List<Tombstone> live = new ArrayList<>();
    for (Tombstone t : input.tombstones()) {
      if (t.removedAt().isAfter(cutoff)) {
        live.add(t);
      }
    }
    return live;
  }

  private static List<Item> items(Baseline baseline) {
    return baseline == null ? List.of() : baseline.items();
  }
}
