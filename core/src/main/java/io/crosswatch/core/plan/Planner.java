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
  static final int SOURCE_PLAYS = 5;
  static final int TARGET_PLAYS = 6;

  private Planner() {}

  /** Plans one pair and feature. */
  public static Plan plan(PlanInput input) {
    if (input.feature() == Feature.PLAYLISTS) {
      return new PlaylistPlanner(input, liveTombstones(input)).plan();
    }
    return planTitles(input, liveTombstones(input));
  }

  /** Plans one feature (or one playlist) whose live tombstones are known. */
  static Plan planTitles(PlanInput input, List<Tombstone> live) {
    if (input.feature() == Feature.PROGRESS) {
      input = ProgressInputs.trimmed(input);
    }
    PlanContext context = context(input, live);
    if (input.feature() == Feature.HISTORY) {
      return new HistoryPlanner(context).plan();
    }
    if (input.feature() == Feature.PROGRESS) {
      return new ProgressPlanner(context).plan();
    }
    return new TitlePlanner(context).plan();
  }

  /** Resolves identities over every list of the input and groups each list by title. */
  static PlanContext context(PlanInput input, List<Tombstone> live) {
    List<Item> tombstoneItems = new ArrayList<>(live.size());
    for (Tombstone t : live) {
      tombstoneItems.add(t.item());
    }
    List<List<Item>> lists = new ArrayList<>(7);
    lists.add(input.source());
    lists.add(input.target());
    lists.add(items(input.sourceBaseline()));
    lists.add(items(input.targetBaseline()));
    lists.add(tombstoneItems);
    if (input.feature() == Feature.PROGRESS) {
      lists.add(input.hints().sourcePlays());
      lists.add(input.hints().targetPlays());
    }
    Resolution resolution = IdentityResolver.resolve(lists);
    return new PlanContext(input, resolution, live);
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
