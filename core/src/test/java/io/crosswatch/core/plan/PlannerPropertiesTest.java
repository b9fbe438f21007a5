package io.crosswatch.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.config.FeatureSettings;
import io.crosswatch.core.config.RemoveMode;
import io.crosswatch.core.config.SyncMode;
import io.crosswatch.core.config.SyncSettings;
import io.crosswatch.core.guard.GuardedPlan;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.state.Side;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Properties of the planner over hundreds of seeded random worlds. Each failure message names the
 * seed; rerun a case by fixing {@code seed(info)} to it.
 */
class PlannerPropertiesTest {
  static final FeatureSettings ADD_REMOVE = new FeatureSettings(true, true, true, false);
  static final SyncSettings SYNC = SyncSettings.DEFAULTS;

  /** The features planned per title; playlists and progress have property tests of their own. */
  static final List<Feature> TITLE_FEATURES =
      List.of(Feature.WATCHLIST, Feature.HISTORY, Feature.RATINGS);

  static long seed(RepetitionInfo info) {
    return 0x5EED_0000L + info.getCurrentRepetition();
  }

  private static SyncWorld populated(Feature f, SyncMode mode, SyncSettings sync, long seed) {
    SyncWorld w = new SyncWorld(f, mode, ADD_REMOVE, sync, seed);
    int n = 30 + w.random.nextInt(60);
    for (int i = 0; i < n; i++) {
      Item item = w.newTitle(w.random.nextInt(4) == 0);
      int where = w.random.nextInt(3);
      if (where != 1) {
        w.present.get(Side.SOURCE).add(item);
      }
      if (where != 0) {
        Item other = w.random.nextBoolean() ? SyncWorld.fullIds(item) : item;
        w.present.get(Side.TARGET).add(f == Feature.RATINGS ? w.stamp(other) : other);
      }
    }
    return w;
  }

  @RepeatedTest(100)
  void oneWayResultContainsTheSourceAndTheSecondRunPlansNothing(RepetitionInfo info) {
    long seed = seed(info);
    for (Feature f : TITLE_FEATURES) {
      for (RemoveMode rm : RemoveMode.values()) {
        SyncSettings sync = new SyncSettings(rm, 30, 1.0, 60);
        SyncWorld w = populated(f, SyncMode.ONE_WAY, sync, seed);
        w.run();
        assertThat(w.titles(Side.TARGET))
            .as("seed %d %s %s", seed, f, rm)
            .containsAll(w.titles(Side.SOURCE));
        if (f == Feature.RATINGS) {
          w.ratings(Side.SOURCE)
              .forEach(
                  (t, r) ->
                      assertThat(w.ratings(Side.TARGET).get(t))
                          .as("seed %d rating of %d", seed, t)
                          .isEqualTo(r));
        }
        GuardedPlan second = w.run();
        assertThat(second.plan().isEmpty())
            .as("seed %d %s %s second run: %s", seed, f, rm, second.plan())
            .isTrue();
      }
    }
  }

  @RepeatedTest(100)
  void twoWayConvergesToEqualSides(RepetitionInfo info) {
    long seed = seed(info);
    for (Feature f : TITLE_FEATURES) {
      SyncWorld w = populated(f, SyncMode.TWO_WAY, SYNC, seed);
      w.run();
      assertThat(w.titles(Side.SOURCE)).as("seed %d %s", seed, f).isEqualTo(w.titles(Side.TARGET));
      if (f == Feature.RATINGS) {
        assertThat(w.ratings(Side.SOURCE)).as("seed %d", seed).isEqualTo(w.ratings(Side.TARGET));
      }
      assertThat(w.run().plan().isEmpty()).as("seed %d %s second run", seed, f).isTrue();
    }
  }

  @RepeatedTest(100)
  void aDeletionOnEitherSidePropagatesAndIsNeverResurrected(RepetitionInfo info) {
    long seed = seed(info);
    for (Feature f : List.of(Feature.WATCHLIST, Feature.RATINGS, Feature.HISTORY)) {
      SyncWorld w = populated(f, SyncMode.TWO_WAY, SYNC, seed);
      w.run();
      Set<Integer> deleted = new HashSet<>();
      for (Side side : Side.values()) {
        List<Item> items = w.present.get(side);
        int k = Math.max(1, items.size() / 10);
        for (int i = 0; i < k && !items.isEmpty(); i++) {
          Item gone = items.remove(w.random.nextInt(items.size()));
          deleted.add(SyncWorld.titleOf(gone));
          items.removeIf(x -> SyncWorld.titleOf(x) == SyncWorld.titleOf(gone));
        }
      }
      for (int run = 0; run < 4; run++) {
        if (run == 2) {
          addFreshTitles(w);
        }
        w.run();
        for (Side side : Side.values()) {
          Set<Integer> held = new HashSet<>(w.titles(side));
          held.retainAll(deleted);
          assertThat(held).as("seed %d %s run %d %s resurrected", seed, f, run, side).isEmpty();
        }
      }
      assertThat(w.titles(Side.SOURCE)).as("seed %d %s", seed, f).isEqualTo(w.titles(Side.TARGET));
    }
  }

  private static void addFreshTitles(SyncWorld w) {
    for (int i = 0; i < 3; i++) {
      w.present
          .get(w.random.nextBoolean() ? Side.SOURCE : Side.TARGET)
          .add(w.stamp(w.newTitle(false)));
    }
  }

  @RepeatedTest(100)
  void noPlanRemovesMoreThanTheGuardsAllow(RepetitionInfo info) {
    long seed = seed(info);
    SyncSettings sync = new SyncSettings(RemoveMode.MIRROR, 30, 0.3, 60);
    for (SyncMode mode : SyncMode.values()) {
      SyncWorld w = populated(Feature.WATCHLIST, mode, sync, seed);
      w.run();
      for (Side side : Side.values()) {
        List<Item> items = w.present.get(side);
        int drop = w.random.nextInt(items.size() + 1);
        for (int i = 0; i < drop; i++) {
          items.remove(w.random.nextInt(items.size()));
        }
      }
      List<Integer> holds = new ArrayList<>();
      for (Side side : Side.values()) {
        holds.add(w.present.get(side).size());
      }
      GuardedPlan plan = w.run();
      for (Side side : Side.values()) {
        int held = holds.get(side.ordinal());
        int removes = plan.plan().side(side).removes().size();
        if (held >= 20) {
          assertThat(removes)
              .as("seed %d %s %s holds %d", seed, mode, side, held)
              .isLessThanOrEqualTo((int) Math.floor(0.3 * held));
        }
      }
    }
  }
}
