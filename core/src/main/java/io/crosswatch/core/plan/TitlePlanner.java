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
          reconcileRatings(a, b);
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

  private void reconcileRatings(Item a, Item b) {
    if (Objects.equals(a.rating(), b.rating()) || a.rating() == null || b.rating() == null) {
      return;
    }
    boolean targetWins =
        ctx.twoWay()
            && a.ratedAt() != null
            && b.ratedAt() != null
            && b.ratedAt().isAfter(a.ratedAt());
    if (targetWins) {
      out.update(Side.SOURCE, rated(a, b));
    } else {
      out.update(Side.TARGET, rated(b, a));
    }
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
