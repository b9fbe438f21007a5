package io.crosswatch.core.plan;

import io.crosswatch.core.config.RemoveMode;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.state.Side;
import java.time.Instant;
import java.util.Objects;

/**
 * Plans resume points, one per title and side (see {@link ProgressRules} for what counts).
 *
 * <p>A side's point is written to the other when the other has none or an older {@code paused_at}
 * and the positions differ by more than 30 s; never where the other side has a play of the title at
 * or after {@code paused_at} (finished since). Two-way, the newer {@code paused_at} wins. A point
 * cleared on a side since the last run is cleared on the other when {@code remove} is on. Writes
 * are planned newest {@code paused_at} first, so a run cut short has written the freshest points.
 */
final class ProgressPlanner {
  private final PlanContext ctx;
  private final boolean explain;
  private final PlanBuilder out = new PlanBuilder();

  ProgressPlanner(PlanContext ctx) {
    this.ctx = ctx;
    this.explain = ctx.explain();
  }

  Plan plan() {
    for (int t = 0; t < ctx.titleCount(); t++) {
      Item rawA = ctx.source.latest(t);
      Item rawB = ctx.target.latest(t);
      if (rawA == null && rawB == null && ctx.tombstoneGroups.count(t) == 0) {
        continue;
      }
      if (ctx.twoWay()) {
        twoWay(t, rawA, rawB);
      } else {
        oneWay(t, rawA, rawB);
      }
    }
    for (Side side : Side.values()) {
      NewestFirst.sort(out.adds(side));
      NewestFirst.sort(out.updates(side));
    }
    return out.build();
  }

  private void oneWay(int t, Item rawA, Item rawB) {
    Item a = valid(rawA);
    if (a != null) {
      if (ctx.input.settings().add()) {
        send(t, a, rawB, Side.TARGET);
      }
      return;
    }
    if (rawB == null) {
      return;
    }
    Item before = valid(ctx.sourceBaseline.latest(t));
    Instant tombstone = ctx.latestTombstone(t);
    boolean cleared = before != null || tombstone != null;
    if (before != null) {
      out.deletedOn(Side.SOURCE, before);
    }
    boolean mirror = ctx.input.sync().oneWayRemoveMode() == RemoveMode.MIRROR;
    if (!ctx.input.settings().remove() || !(cleared || mirror)) {
      return;
    }
    Instant clearedAfter = later(before == null ? null : ctx.baselineTime(Side.SOURCE), tombstone);
    if (!mirror && ctx.newerThan(rawB, clearedAfter)) {
      if (explain) {
        decide(rawB, "kept on target: paused there after the source cleared it");
      }
      return;
    }
    if (explain) {
      decide(rawB, "clear on target: the source cleared it");
    }
    out.remove(Side.TARGET, rawB);
  }

  private void twoWay(int t, Item rawA, Item rawB) {
    Item a = valid(rawA);
    Item b = valid(rawB);
    if (a != null && b != null) {
      if (!ProgressRules.differ(a, b)) {
        return;
      }
      if (targetNewer(t, a, b)) {
        send(t, b, rawA, Side.SOURCE);
      } else {
        send(t, a, rawB, Side.TARGET);
      }
    } else if (a != null) {
      missingOn(Side.TARGET, t, a, rawB);
    } else if (b != null) {
      missingOn(Side.SOURCE, t, b, rawA);
    }
  }

  /** Two-way: {@code holder} has point {@code item}, {@code missing} has none (or {@code raw}). */
  private void missingOn(Side missing, int t, Item item, Item raw) {
    Item before = valid(ctx.baseline(missing).latest(t));
    Instant tombstone = ctx.latestTombstone(t);
    if (before == null && tombstone == null) {
      if (ctx.input.settings().add()) {
        send(t, item, raw, missing);
      }
      return;
    }
    Instant clearedAfter = later(before == null ? null : ctx.baselineTime(missing), tombstone);
    if (ctx.newerThan(item, clearedAfter)) {
      if (ctx.input.settings().add()) {
        send(t, item, raw, missing); // paused again after the other side cleared it
      }
      return;
    }
    if (before != null) {
      out.deletedOn(missing, before);
    }
    if (ctx.input.settings().remove()) {
      if (explain) {
        decide(item, "clear on " + side(missing.other()) + ": " + side(missing) + " cleared it");
      }
      out.remove(missing.other(), item);
    }
  }

  /**
   * Writes {@code point} to side {@code to}, whose own entry is {@code existing} (any position, or
   * {@code null}), unless a rule says no.
   */
  private void send(int t, Item point, Item existing, Side to) {
    Instant tombstone = ctx.latestTombstone(t);
    if (tombstone != null && !ctx.newerThan(point, tombstone)) {
      if (explain) {
        decide(point, "not to " + side(to) + ": cleared on purpose at " + tombstone);
      }
      return;
    }
    if (existing != null && newerOrSame(existing, point)) {
      if (explain) {
        decide(point, "not to " + side(to) + ": its point is as new or newer");
      }
      return;
    }
    if (existing != null && !ProgressRules.differ(point, existing)) {
      if (explain) {
        decide(point, "not to " + side(to) + ": within 30 s of its point");
      }
      return;
    }
    Instant finished = finishedSince(to, t, point.pausedAt());
    if (finished != null) {
      if (explain) {
        decide(point, "not to " + side(to) + ": played there at " + finished + " (finished since)");
      }
      return;
    }
    if (existing == null) {
      if (explain) {
        decide(point, "add to " + side(to));
      }
      out.add(to, point);
    } else {
      if (explain) {
        decide(
            point, "update on " + side(to) + " from " + ProgressRules.clock(existing.progressMs()));
      }
      out.update(
          to,
          existing
              .withIds(existing.ids().merge(point.ids()))
              .withProgress(point.progressMs(), point.durationMs(), point.pausedAt()));
    }
  }

  /** Whether {@code existing} was paused at or after {@code point} (an unknown time is older). */
  private static boolean newerOrSame(Item existing, Item point) {
    if (existing.pausedAt() == null) {
      return false;
    }
    return point.pausedAt() == null || !existing.pausedAt().isBefore(point.pausedAt());
  }

  /** The time of a play of title {@code t} on {@code side} at or after {@code since}, or null. */
  private Instant finishedSince(Side side, int t, Instant since) {
    Item latest = ctx.plays(side).latest(t);
    if (latest == null) {
      return null;
    }
    Instant played = latest.watchedAt();
    if (played == null || since == null) {
      return played == null ? since : played;
    }
    return played.isBefore(since) ? null : played;
  }

  /**
   * Two-way: the newer {@code paused_at} wins. Without times the baselines decide as for ratings: a
   * point that moved since the last run beats one that did not; otherwise the source wins.
   */
  private boolean targetNewer(int t, Item a, Item b) {
    if (a.pausedAt() != null && b.pausedAt() != null) {
      return b.pausedAt().isAfter(a.pausedAt());
    }
    if (a.pausedAt() == null && b.pausedAt() != null) {
      return true;
    }
    if (a.pausedAt() != null) {
      return false;
    }
    return movedSinceBaseline(Side.TARGET, t, b) && !movedSinceBaseline(Side.SOURCE, t, a);
  }

  private boolean movedSinceBaseline(Side side, int t, Item now) {
    Item before = ctx.baseline(side).latest(t);
    return before == null || !Objects.equals(before.progressMs(), now.progressMs());
  }

  private static Item valid(Item raw) {
    return raw != null && ProgressRules.isProgress(raw) ? raw : null;
  }

  /**
   * Lists a decision ({@code runtime.debug_mods}). Callers build the message only when {@link
   * #explain} is set: a plan of 100,000 points would otherwise format as many strings for nothing.
   */
  private void decide(Item item, String what) {
    out.decide(
        "progress "
            + item.label()
            + " at "
            + ProgressRules.clock(item.progressMs())
            + " paused "
            + item.pausedAt()
            + ": "
            + what);
  }

  private static String side(Side side) {
    return side == Side.SOURCE ? "source" : "target";
  }

  private static Instant later(Instant x, Instant y) {
    if (x == null) {
      return y;
    }
    return y == null || x.isAfter(y) ? x : y;
  }
}
