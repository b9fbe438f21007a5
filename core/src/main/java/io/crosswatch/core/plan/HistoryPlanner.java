package io.crosswatch.core.plan;

import io.crosswatch.core.config.RemoveMode;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.state.Side;
import io.crosswatch.core.state.Tombstone;
import java.time.Instant;

/**
 * Plans history, where each item is one play (title + {@code watched_at}) and plays on two sides
 * are the same viewing when their times lie within {@code history_match_window_sec}.
 *
 * <p>With rewatches off only the latest play of a title is sent, and only when the other side has
 * no play within the window of it or later than it. With rewatches on every play is sent unless the
 * other side has one within the window. A play with an unknown time matches any play of its title.
 */
final class HistoryPlanner {
  private final PlanContext ctx;
  private final PlanBuilder out = new PlanBuilder();
  private final long window;
  private final boolean rewatches;

  HistoryPlanner(PlanContext ctx) {
    this.ctx = ctx;
    this.window = ctx.input.sync().historyMatchWindowSec();
    this.rewatches = ctx.input.settings().rewatches();
  }

  Plan plan() {
    for (int t = 0; t < ctx.titleCount(); t++) {
      if (ctx.source.count(t) == 0 && ctx.target.count(t) == 0) {
        continue;
      }
      if (ctx.twoWay()) {
        twoWay(t);
      } else {
        oneWay(t);
      }
    }
    return out.build();
  }

  private void oneWay(int t) {
    TitleGroups a = ctx.source;
    TitleGroups b = ctx.target;
    boolean[] removed = new boolean[b.count(t)];
    boolean remove = ctx.input.settings().remove();
    for (int k = 0; k < ctx.sourceBaseline.count(t); k++) {
      Item gone = ctx.sourceBaseline.get(t, k);
      if (!hasPlayNear(a, t, gone.watchedAt()) && hasPlayNear(b, t, gone.watchedAt())) {
        out.deletedOn(Side.SOURCE, gone);
        if (remove) {
          markNear(b, t, gone.watchedAt(), removed);
        }
      }
    }
    for (int k = 0; k < ctx.tombstoneGroups.count(t) && remove; k++) {
      Instant at = ctx.tombstone(t, k).item().watchedAt();
      if (!hasPlayNear(a, t, at)) {
        markNear(b, t, at, removed);
      }
    }
    if (remove && ctx.input.sync().oneWayRemoveMode() == RemoveMode.MIRROR) {
      for (int k = 0; k < b.count(t); k++) {
        removed[k] |= !hasPlayNear(a, t, b.get(t, k).watchedAt());
      }
    }
    emitRemovals(Side.TARGET, b, t, removed);
    if (ctx.input.settings().add()) {
      sendPlays(a, b, Side.TARGET, t, new boolean[a.count(t)], removed);
    }
  }

  private void twoWay(int t) {
    boolean[] deletedOnA = detectDeletions(Side.TARGET, t);
    boolean[] deletedOnB = detectDeletions(Side.SOURCE, t);
    if (ctx.input.settings().remove()) {
      emitRemovals(Side.SOURCE, ctx.source, t, deletedOnA);
      emitRemovals(Side.TARGET, ctx.target, t, deletedOnB);
    }
    if (ctx.input.settings().add()) {
      boolean remove = ctx.input.settings().remove();
      boolean[] goneFromA = remove ? deletedOnA : new boolean[deletedOnA.length];
      boolean[] goneFromB = remove ? deletedOnB : new boolean[deletedOnB.length];
      sendPlays(ctx.source, ctx.target, Side.TARGET, t, deletedOnA, goneFromB);
      sendPlays(ctx.target, ctx.source, Side.SOURCE, t, deletedOnB, goneFromA);
    }
  }

  /**
   * Finds plays that {@code missing} removed (its baseline or a live tombstone had them, it has
   * them no more) and marks the other side's matching plays, which are to be removed.
   */
  private boolean[] detectDeletions(Side missing, int t) {
    TitleGroups gone = ctx.present(missing);
    TitleGroups holder = ctx.present(missing.other());
    boolean[] marked = new boolean[holder.count(t)];
    TitleGroups baseline = ctx.baseline(missing);
    Instant since = ctx.baselineTime(missing);
    for (int k = 0; k < baseline.count(t); k++) {
      Item play = baseline.get(t, k);
      if (!hasPlayNear(gone, t, play.watchedAt())
          && markNear(holder, t, play.watchedAt(), marked, since)) {
        out.deletedOn(missing, play);
      }
    }
    for (int k = 0; k < ctx.tombstoneGroups.count(t); k++) {
      Tombstone tomb = ctx.tombstone(t, k);
      Instant at = tomb.item().watchedAt();
      if (!hasPlayNear(gone, t, at)) {
        markNear(holder, t, at, marked, tomb.removedAt());
      }
    }
    return marked;
  }

  /**
   * Sends plays of {@code from} that {@code to} lacks. Plays of {@code from} marked as deleted are
   * not sent; plays of {@code to} that this plan removes do not count as known there.
   */
  private void sendPlays(
      TitleGroups from, TitleGroups to, Side toSide, int t, boolean[] deleted, boolean[] removed) {
    if (!rewatches) {
      // Only the latest viewing that is not being removed counts.
      for (int k = from.count(t) - 1; k >= 0; k--) {
        if (!deleted[k]) {
          sendPlay(from.get(t, k), to, toSide, t, removed);
          return;
        }
      }
      return;
    }
    for (int k = 0; k < from.count(t); k++) {
      if (!deleted[k]) {
        sendPlay(from.get(t, k), to, toSide, t, removed);
      }
    }
  }

  private void sendPlay(Item play, TitleGroups to, Side toSide, int t, boolean[] removed) {
    boolean known =
        rewatches
            ? hasPlayNear(to, t, play.watchedAt(), removed)
            : hasPlayNearOrLater(to, t, play, removed);
    if (known || tombstoned(t, play)) {
      return;
    }
    out.add(toSide, play);
  }

  private boolean tombstoned(int t, Item play) {
    for (int k = 0; k < ctx.tombstoneGroups.count(t); k++) {
      Tombstone tomb = ctx.tombstone(t, k);
      if (near(tomb.item().watchedAt(), play.watchedAt())
          && !ctx.newerThan(play, tomb.removedAt())) {
        return true;
      }
    }
    return false;
  }

  private void emitRemovals(Side side, TitleGroups plays, int t, boolean[] removed) {
    for (int k = 0; k < removed.length; k++) {
      if (removed[k]) {
        out.remove(side, plays.get(t, k));
      }
    }
  }

  private boolean markNear(TitleGroups g, int t, Instant at, boolean[] marks) {
    return markNear(g, t, at, marks, null);
  }

  /** Marks plays near {@code at} that are not newer than {@code removedAfter}; true if any. */
  private boolean markNear(
      TitleGroups g, int t, Instant at, boolean[] marks, Instant removedAfter) {
    boolean any = false;
    for (int k = 0; k < g.count(t); k++) {
      Item play = g.get(t, k);
      if (near(play.watchedAt(), at) && !ctx.newerThan(play, removedAfter)) {
        marks[k] = true;
        any = true;
      }
    }
    return any;
  }

  private boolean hasPlayNear(TitleGroups g, int t, Instant at) {
    return hasPlayNear(g, t, at, null);
  }

  /** Whether {@code g} holds a play of title {@code t} near {@code at}, ignoring skipped ones. */
  private boolean hasPlayNear(TitleGroups g, int t, Instant at, boolean[] skip) {
    for (int k = 0; k < g.count(t); k++) {
      if ((skip == null || !skip[k]) && near(g.get(t, k).watchedAt(), at)) {
        return true;
      }
    }
    return false;
  }

  private boolean hasPlayNearOrLater(TitleGroups g, int t, Item play, boolean[] skip) {
    Instant at = play.watchedAt();
    for (int k = 0; k < g.count(t); k++) {
      if (skip[k]) {
        continue;
      }
      Instant other = g.get(t, k).watchedAt();
      if (near(other, at) || other.isAfter(at)) {
        return true;
      }
    }
    return false;
  }

  private boolean near(Instant x, Instant y) {
    if (x == null || y == null) {
      return true;
    }
    return Math.abs(x.getEpochSecond() - y.getEpochSecond()) <= window;
  }
}
