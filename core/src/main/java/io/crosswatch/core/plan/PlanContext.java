package io.crosswatch.core.plan;

import io.crosswatch.core.config.SyncMode;
import io.crosswatch.core.identity.IdentityResolver.Resolution;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.state.Baseline;
import io.crosswatch.core.state.Side;
import io.crosswatch.core.state.Tombstone;
import java.time.Instant;
import java.util.List;

/** The resolved input shared by the feature planners: titles grouped per list. */
final class PlanContext {
  final PlanInput input;
  final Resolution resolution;
  final List<Tombstone> tombstones;
  final TitleGroups source;
  final TitleGroups target;
  final TitleGroups sourceBaseline;
  final TitleGroups targetBaseline;
  final TitleGroups tombstoneGroups;
  final TitleGroups sourcePlays;
  final TitleGroups targetPlays;

  PlanContext(PlanInput input, Resolution resolution, List<Tombstone> tombstones) {
    this.input = input;
    this.resolution = resolution;
    this.tombstones = tombstones;
    this.source = new TitleGroups(input.source(), Planner.SOURCE, resolution, input.feature());
    this.target = new TitleGroups(input.target(), Planner.TARGET, resolution, input.feature());
    this.sourceBaseline =
        new TitleGroups(
            baselineItems(input.sourceBaseline()),
            Planner.SOURCE_BASELINE,
            resolution,
            input.feature());
    this.targetBaseline =
        new TitleGroups(
            baselineItems(input.targetBaseline()),
            Planner.TARGET_BASELINE,
            resolution,
            input.feature());
    this.tombstoneGroups =
        new TitleGroups(
            tombstones.stream().map(Tombstone::item).toList(),
            Planner.TOMBSTONES,
            resolution,
            input.feature());
    boolean progress = input.feature() == Feature.PROGRESS;
    this.sourcePlays =
        new TitleGroups(
            progress ? input.hints().sourcePlays() : List.of(),
            Planner.SOURCE_PLAYS,
            resolution,
            Feature.HISTORY);
    this.targetPlays =
        new TitleGroups(
            progress ? input.hints().targetPlays() : List.of(),
            Planner.TARGET_PLAYS,
            resolution,
            Feature.HISTORY);
  }

  /** A side's history plays grouped by title (progress only; empty otherwise). */
  TitleGroups plays(Side side) {
    return side == Side.SOURCE ? sourcePlays : targetPlays;
  }

  /** Whether decisions are to be listed. */
  boolean explain() {
    return input.hints().explain();
  }

  private static List<Item> baselineItems(Baseline b) {
    return b == null ? List.of() : b.items();
  }

  boolean twoWay() {
    return input.mode() == SyncMode.TWO_WAY;
  }

  int titleCount() {
    return resolution.titleCount();
  }

  TitleGroups present(Side side) {
    return side == Side.SOURCE ? source : target;
  }

  TitleGroups baseline(Side side) {
    return side == Side.SOURCE ? sourceBaseline : targetBaseline;
  }

  /** When a side's baseline was recorded: any deletion detected against it happened later. */
  Instant baselineTime(Side side) {
    Baseline b = side == Side.SOURCE ? input.sourceBaseline() : input.targetBaseline();
    return b == null ? null : b.updatedAt();
  }

  /** The tombstone of the {@code k}-th tombstoned item of a title. */
  Tombstone tombstone(int title, int k) {
    return tombstones.get(tombstoneGroups.position(title, k));
  }

  /** The latest removal time among a title's live tombstones, or {@code null}. */
  Instant latestTombstone(int title) {
    Instant latest = null;
    for (int k = 0; k < tombstoneGroups.count(title); k++) {
      Instant at = tombstone(title, k).removedAt();
      if (latest == null || at.isAfter(latest)) {
        latest = at;
      }
    }
    return latest;
  }

  /** Whether an item's own time is after {@code reference} (re-added on purpose). */
  boolean newerThan(Item item, Instant reference) {
    Instant own = item.timeFor(input.feature());
    return own != null && reference != null && own.isAfter(reference);
  }
}
