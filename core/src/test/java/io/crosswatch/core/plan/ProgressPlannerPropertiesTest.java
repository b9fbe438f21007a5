package io.crosswatch.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.config.FeatureSettings;
import io.crosswatch.core.config.RemoveMode;
import io.crosswatch.core.config.SyncMode;
import io.crosswatch.core.config.SyncSettings;
import io.crosswatch.core.guard.GuardInput;
import io.crosswatch.core.guard.GuardedPlan;
import io.crosswatch.core.guard.Guards;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemKeys;
import io.crosswatch.core.state.Baseline;
import io.crosswatch.core.state.Side;
import io.crosswatch.core.state.Tombstone;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Properties of progress planning over seeded random worlds: resume points (some under a minute,
 * some finished), history plays on the receiving side, baselines and tombstones kept as a run keeps
 * them. Each failure names its seed.
 */
class ProgressPlannerPropertiesTest {
  static final FeatureSettings ADD_REMOVE = new FeatureSettings(true, true, true, false);
  static final long MIN = 60_000;

  static long seed(RepetitionInfo info) {
    return 0x9_9A0_0000L + info.getCurrentRepetition();
  }

  /** Two sides of resume points and plays, and what a run remembers. */
  static final class World {
    final SyncMode mode;
    final SyncSettings sync;
    final Random random;
    final SyncWorld titles;
    final Map<Side, Map<Integer, Item>> points = new EnumMap<>(Side.class);
    final Map<Side, List<Item>> plays = new EnumMap<>(Side.class);
    final Map<Side, Baseline> baselines = new EnumMap<>(Side.class);
    final List<Tombstone> tombstones = new ArrayList<>();
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    World(SyncMode mode, SyncSettings sync, long seed) {
      this.mode = mode;
      this.sync = sync;
      this.random = new Random(seed);
      this.titles = new SyncWorld(Feature.WATCHLIST, mode, ADD_REMOVE, sync, random.nextLong());
      for (Side side : Side.values()) {
        points.put(side, new HashMap<>());
        plays.put(side, new ArrayList<>());
      }
    }

    World populate() {
      int n = 30 + random.nextInt(60);
      for (int i = 0; i < n; i++) {
        Item title = titles.newTitle(random.nextInt(3) == 0).withListedAt(null);
        int where = random.nextInt(3);
        for (Side side : Side.values()) {
          if ((side == Side.SOURCE && where == 1) || (side == Side.TARGET && where == 0)) {
            continue;
          }
          Item known = random.nextBoolean() ? SyncWorld.fullIds(title) : title;
          points.get(side).put(SyncWorld.titleOf(title), point(known));
          if (random.nextInt(6) == 0) {
            plays.get(side).add(known.withWatchedAt(now.minusSeconds(random.nextInt(86_400 * 20))));
          }
        }
      }
      return this;
    }

    /** A random resume point: mostly real progress, sometimes under a minute or finished. */
    Item point(Item title) {
      long duration = (30 + random.nextInt(120)) * MIN;
      int kind = random.nextInt(10);
      long at =
          kind == 0
              ? random.nextInt(60_000)
              : kind == 1
                  ? (long) (duration * 0.96)
                  : MIN + (long) (random.nextDouble() * duration * 0.8);
      return title.withProgress(at, duration, now.minusSeconds(random.nextInt(86_400 * 30)));
    }

    GuardedPlan run() {
      now = now.plus(Duration.ofHours(1));
      Plan plan =
          Planner.plan(
              new PlanInput(
                  Feature.PROGRESS,
                  mode,
                  ADD_REMOVE,
                  sync,
                  list(Side.SOURCE),
                  list(Side.TARGET),
                  baselines.get(Side.SOURCE),
                  baselines.get(Side.TARGET),
                  List.copyOf(tombstones),
                  now,
                  new PlanHints(
                      false,
                      false,
                      List.copyOf(plays.get(Side.SOURCE)),
                      List.copyOf(plays.get(Side.TARGET)),
                      false)));
      GuardedPlan guarded = Guards.apply(plan, guardInput());
      Plan safe = guarded.plan();
      for (Side side : Side.values()) {
        for (Item deleted : safe.deletedOn(side)) {
          tombstones.add(new Tombstone(ItemKeys.key(deleted, Feature.PROGRESS), deleted, now));
        }
        SidePlan sp = safe.side(side);
        sp.removes().forEach(r -> points.get(side).remove(SyncWorld.titleOf(r)));
        sp.updates().forEach(u -> points.get(side).put(SyncWorld.titleOf(u), u));
        sp.adds().forEach(a -> points.get(side).put(SyncWorld.titleOf(a), a));
      }
      for (Side side : Side.values()) {
        if (!guarded.keepBaseline().contains(side)) {
          baselines.put(side, new Baseline(list(side), now));
        }
      }
      return guarded;
    }

    List<Item> list(Side side) {
      return List.copyOf(points.get(side).values());
    }

    private GuardInput guardInput() {
      Map<Side, Integer> counts = new EnumMap<>(Side.class);
      Map<Side, Integer> base = new EnumMap<>(Side.class);
      for (Side side : Side.values()) {
        counts.put(side, points.get(side).size());
        if (baselines.containsKey(side)) {
          base.put(side, baselines.get(side).items().size());
        }
      }
      return new GuardInput(
          "p",
          Feature.PROGRESS,
          Map.of(Side.SOURCE, "A", Side.TARGET, "B"),
          counts,
          base,
          Map.of(),
          20,
          0.10,
          sync.maxRemoveRatio());
    }

    /** Whether {@code side} played title {@code t} at or after {@code at}. */
    boolean playedSince(Side side, int t, Instant at) {
      for (Item p : plays.get(side)) {
        if (SyncWorld.titleOf(p) == t && !p.watchedAt().isBefore(at)) {
          return true;
        }
      }
      return false;
    }
  }

  static boolean same(Item a, Item b) {
    return a != null && b != null && !ProgressRules.differ(a, b);
  }

  @RepeatedTest(80)
  void oneWayTheTargetGetsEveryNewerSourcePointUnlessFinishedThereAndThenStaysQuiet(
      RepetitionInfo info) {
    long seed = seed(info);
    for (RemoveMode rm : RemoveMode.values()) {
      World w = new World(SyncMode.ONE_WAY, new SyncSettings(rm, 30, 1.0, 60), seed).populate();
      Map<Integer, Item> targetBefore = new HashMap<>(w.points.get(Side.TARGET));
      GuardedPlan first = w.run();
      List<Item> adds = first.plan().target().adds();
      for (int i = 1; i < adds.size(); i++) {
        assertThat(adds.get(i - 1).pausedAt())
            .as("seed %d newest first", seed)
            .isAfterOrEqualTo(adds.get(i).pausedAt());
      }
      w.points
          .get(Side.SOURCE)
          .forEach(
              (t, a) -> {
                Item before = targetBefore.get(t);
                Item after = w.points.get(Side.TARGET).get(t);
                boolean finished = w.playedSince(Side.TARGET, t, a.pausedAt());
                boolean older = before == null || before.pausedAt().isBefore(a.pausedAt());
                if (ProgressRules.isProgress(a) && older && !finished) {
                  assertThat(same(a, after))
                      .as("seed %d %s title %d written", seed, rm, t)
                      .isTrue();
                }
                if (finished && before == null) {
                  assertThat(after).as("seed %d %s title %d finished there", seed, rm, t).isNull();
                }
                if (!ProgressRules.isProgress(a) && before == null) {
                  assertThat(after).as("seed %d %s title %d not progress", seed, rm, t).isNull();
                }
              });
      assertThat(w.run().plan().isEmpty()).as("seed %d %s second run", seed, rm).isTrue();
    }
  }

  @RepeatedTest(80)
  void twoWayTheNewerPauseWinsAndTheSidesAgree(RepetitionInfo info) {
    long seed = seed(info);
    World w = new World(SyncMode.TWO_WAY, SyncSettings.DEFAULTS, seed).populate();
    w.plays.get(Side.SOURCE).clear();
    w.plays.get(Side.TARGET).clear();
    Map<Integer, Item> a0 = new HashMap<>(w.points.get(Side.SOURCE));
    Map<Integer, Item> b0 = new HashMap<>(w.points.get(Side.TARGET));
    w.run();
    for (Integer t : a0.keySet()) {
      Item a = a0.get(t);
      Item b = b0.get(t);
      if (b != null && ProgressRules.isProgress(a) && ProgressRules.isProgress(b)) {
        Item winner = b.pausedAt().isAfter(a.pausedAt()) ? b : a;
        assertThat(same(winner, w.points.get(Side.SOURCE).get(t)))
            .as("seed %d title %d source", seed, t)
            .isTrue();
        assertThat(same(winner, w.points.get(Side.TARGET).get(t)))
            .as("seed %d title %d target", seed, t)
            .isTrue();
      }
    }
    assertThat(w.run().plan().isEmpty()).as("seed %d second run", seed).isTrue();

    // A point cleared on one side is cleared on the other, and not brought back.
    Integer cleared = null;
    for (Map.Entry<Integer, Item> e : w.points.get(Side.TARGET).entrySet()) {
      if (ProgressRules.isProgress(e.getValue())) {
        cleared = e.getKey();
      }
    }
    if (cleared != null) {
      w.points.get(Side.TARGET).remove(cleared);
      w.run();
      Item left = w.points.get(Side.SOURCE).get(cleared);
      assertThat(left == null || !ProgressRules.isProgress(left))
          .as("seed %d cleared: %s", seed, left)
          .isTrue();
      assertThat(w.run().plan().isEmpty()).as("seed %d quiet after clear", seed).isTrue();
    }
  }

  @RepeatedTest(40)
  void anEmptiedSourceClearsNothing(RepetitionInfo info) {
    long seed = seed(info);
    World w =
        new World(SyncMode.ONE_WAY, new SyncSettings(RemoveMode.SOURCE_DELETES, 30, 1.0, 60), seed);
    w.populate();
    w.plays.get(Side.TARGET).clear();
    w.points.get(Side.TARGET).clear();
    while (w.points.get(Side.SOURCE).size() < 30) {
      Item t = w.titles.newTitle(false).withListedAt(null);
      w.points.get(Side.SOURCE).put(SyncWorld.titleOf(t), t.withProgress(40 * MIN, null, w.now));
    }
    w.run();
    int held = w.points.get(Side.TARGET).size();
    w.points.get(Side.SOURCE).clear();
    GuardedPlan guarded = w.run();
    assertThat(guarded.plan().target().removes()).as("seed %d", seed).isEmpty();
    assertThat(w.points.get(Side.TARGET)).hasSize(held);
  }
}
