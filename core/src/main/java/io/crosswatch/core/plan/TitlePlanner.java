package io.crosswatch.core.plan;

import io.crosswatch.core.config.RemoveMode;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.state.Side;
import java.time.Instant;
import java.util.Objects;

/** Plans features that hold one entry per title: watchlist and ratings. */
final class TitlePlanner {
  private final PlanContext ctx;
  private final PlanBuilder out = new PlanBuilder();
  private final boolean ratings;

  TitlePlanner(PlanContext ctx) {
    this.ctx = ctx;
    this.ratings = ctx.input.feature() == Feature.RATINGS;
  }

  Plan plan() {
    for (int t = 0; t < ctx.titleCount(); t++) {
      Item a = ctx.source.latest(t);
      Item b = ctx.target.latest(t);
      if (a != null && b != null) {
        if (ratings) {
          reconcileRatings(t, a, b);
        }
      } else if (a != null) {
        missingOn(Side.TARGET, t, a);
      } else if (b != null) {
        missingOn(Side.SOURCE, t, b);
      }
    }
    return out.build();
  }

  /** A title one side holds ({@code item}) and {@code missing} does not. */
  private void missingOn(Side missing, int title, Item item) {
    if (ctx.twoWay()) {
      twoWayMissing(missing, title, item);
    } else if (missing == Side.TARGET) {
      oneWayAdd(title, item);
    } else {
      oneWayTargetOnly(title, item);
    }
  }

  private void oneWayAdd(int title, Item item) {
    Instant tombstone = ctx.latestTombstone(title);
    if (tombstone != null && !ctx.newerThan(item, tombstone)) {
      return; // removed on purpose within the TTL; only a newer entry brings it back
    }
    if (ctx.input.settings().add()) {
      out.add(Side.TARGET, item);
    }
  }

  private void oneWayTargetOnly(int title, Item item) {
    Item deleted = ctx.sourceBaseline.latest(title);
    boolean sourceDeleted = deleted != null || ctx.latestTombstone(title) != null;
    if (deleted != null) {
      out.deletedOn(Side.SOURCE, deleted);
    }
    if (!ctx.input.settings().remove()) {
      return;
    }
    boolean mirror = ctx.input.sync().oneWayRemoveMode() == RemoveMode.MIRROR;
    if (sourceDeleted || mirror) {
      out.remove(Side.TARGET, item);
    }
  }

  private void twoWayMissing(Side missing, int title, Item item) {
    Side holder = missing.other();
    Item deleted = ctx.baseline(missing).latest(title);
    Instant tombstone = ctx.latestTombstone(title);
    if (deleted == null && tombstone == null) {
      if (ctx.input.settings().add()) {
        out.add(missing, item);
      }
      return;
    }
    Instant removedAfter = later(deleted == null ? null : ctx.baselineTime(missing), tombstone);
    if (ctx.newerThan(item, removedAfter)) {
      if (ctx.input.settings().add()) {
        out.add(missing, item); // re-added on purpose after the removal
      }
      return;
    }
    if (deleted != null) {
      out.deletedOn(missing, deleted);
    }
    if (ctx.input.settings().remove()) {
      out.remove(holder, item);
    }
  }

  private void reconcileRatings(int title, Item a, Item b) {
    if (Objects.equals(a.rating(), b.rating()) || a.rating() == null || b.rating() == null) {
      return;
    }
    if (targetWins(title, a, b)) {
      out.update(Side.SOURCE, rated(a, b));
    } else {
      out.update(Side.TARGET, rated(b, a));
    }
  }

  /**
   * Two-way only: the newer {@code rated_at} wins. When a side does not report rating times (media
   * servers), the baselines tell the times apart: a rating that changed since the last run is newer
   * than one that did not, so a target that alone changed wins. Otherwise the source wins.
   */
  private boolean targetWins(int title, Item a, Item b) {
    if (!ctx.twoWay()) {
      return false;
    }
    if (a.ratedAt() != null && b.ratedAt() != null) {
      return b.ratedAt().isAfter(a.ratedAt());
    }
    return changedSinceBaseline(Side.TARGET, title, b)
        && !changedSinceBaseline(Side.SOURCE, title, a);
  }

  private boolean changedSinceBaseline(Side side, int title, Item now) {
    Item before = ctx.baseline(side).latest(title);
    return before == null || !Objects.equals(before.rating(), now.rating());
  }

  /** The loser's item carrying the winner's rating and every id either side knows. */
  private static Item rated(Item loser, Item winner) {
    return loser
        .withIds(loser.ids().merge(winner.ids()))
        .withRating(winner.rating(), winner.ratedAt());
  }

  private static Instant later(Instant x, Instant y) {
    if (x == null) {
      return y;
    }
    return y == null || x.isAfter(y) ? x : y;
  }
}
