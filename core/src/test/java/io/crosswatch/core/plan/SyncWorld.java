package io.crosswatch.core.plan;

import io.crosswatch.core.config.FeatureSettings;
import io.crosswatch.core.config.SyncMode;
import io.crosswatch.core.config.SyncSettings;
import io.crosswatch.core.guard.GuardInput;
import io.crosswatch.core.guard.GuardedPlan;
import io.crosswatch.core.guard.Guards;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.IdKind;
import io.crosswatch.core.model.Ids;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemKeys;
import io.crosswatch.core.model.ShowRef;
import io.crosswatch.core.state.Baseline;
import io.crosswatch.core.state.Side;
import io.crosswatch.core.state.Tombstone;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Two simulated providers plus the bookkeeping the orchestrator keeps (baselines, tombstones), for
 * property tests of the planner. Every title has a hidden number, encoded in each of its ids, so
 * tests can tell which title an item is without using the identity resolver under test.
 */
final class SyncWorld {
  final Feature feature;
  final SyncMode mode;
  final FeatureSettings settings;
  final SyncSettings sync;
  final Random random;
  final Map<Side, List<Item>> present = new EnumMap<>(Side.class);
  final Map<Side, Baseline> baselines = new EnumMap<>(Side.class);
  final List<Tombstone> tombstones = new ArrayList<>();

  /** Title numbers of episodes start here, apart from movies'. */
  static final int EPISODES = 10_000_000;

  Instant now = Instant.parse("2026-01-01T00:00:00Z");
  private int nextTitle;

  SyncWorld(
      Feature feature, SyncMode mode, FeatureSettings settings, SyncSettings sync, long seed) {
    this.feature = feature;
    this.mode = mode;
    this.settings = settings;
    this.sync = sync;
    this.random = new Random(seed);
    present.put(Side.SOURCE, new ArrayList<>());
    present.put(Side.TARGET, new ArrayList<>());
  }

  /** The hidden title number of an item. */
  static int titleOf(Item item) {
    String tmdb = item.ids().value(IdKind.TMDB);
    if (tmdb != null) {
      return Integer.parseInt(tmdb) - 1;
    }
    String imdb = item.ids().value(IdKind.IMDB);
    if (imdb != null) {
      return Integer.parseInt(imdb.substring(2)) - 1_000_000;
    }
    String tvdb = item.ids().value(IdKind.TVDB);
    if (tvdb != null) {
      return Integer.parseInt(tvdb) - 5_000_000;
    }
    String show = item.show().ids().value(IdKind.TVDB);
    return EPISODES + (Integer.parseInt(show) - 100) * 100 + item.season() * 10 + item.number();
  }

  /** A new title's item as one side knows it: a random, non-empty subset of its ids. */
  Item newTitle(boolean episode) {
    int n = nextTitle++;
    if (episode) {
      int title = EPISODES + n * 100 + 11; // show n, season 1, number 1
      ShowRef show = new ShowRef("Show " + n, 2000, Ids.of(IdKind.TVDB, 100 + n));
      Item e = Item.episode(show, 1, 1, "Ep", Ids.empty());
      return stamp(random.nextBoolean() ? e : e.withIds(Ids.of(IdKind.TVDB, 5_000_000 + title)));
    }
    Map<IdKind, Object> ids = new HashMap<>();
    int pick = 1 + random.nextInt(3);
    if ((pick & 1) != 0) {
      ids.put(IdKind.TMDB, n + 1);
    }
    if ((pick & 2) != 0) {
      ids.put(IdKind.IMDB, "tt" + (1_000_000 + n));
    }
    return stamp(Item.movie("Movie " + n, 1990 + n % 30, Ids.of(ids)));
  }

  /** The same title as another side might know it: the full id set. */
  static Item fullIds(Item item) {
    if (item.show() != null) {
      return item;
    }
    int n = titleOf(item);
    return item.withIds(Ids.of(Map.of(IdKind.TMDB, n + 1, IdKind.IMDB, "tt" + (1_000_000 + n))));
  }

  Item stamp(Item item) {
    Instant at = now.minusSeconds(random.nextInt(86_400 * 30));
    switch (feature) {
      case WATCHLIST:
        return item.withListedAt(at);
      case HISTORY:
        return item.withWatchedAt(at);
      default:
        return item.withRating(1 + random.nextInt(10), at);
    }
  }

  /** Plans, guards and applies one run with every write succeeding; returns the guarded plan. */
  GuardedPlan run() {
    now = now.plus(Duration.ofHours(1));
    Plan plan =
        Planner.plan(
            new PlanInput(
                feature,
                mode,
                settings,
                sync,
                List.copyOf(present.get(Side.SOURCE)),
                List.copyOf(present.get(Side.TARGET)),
                baselines.get(Side.SOURCE),
                baselines.get(Side.TARGET),
                List.copyOf(tombstones),
                now));
    GuardedPlan guarded = Guards.apply(plan, guardInput());
    Plan safe = guarded.plan();
    for (Side side : Side.values()) {
      for (Item deleted : safe.deletedOn(side)) {
        tombstones.add(new Tombstone(ItemKeys.key(deleted, feature), deleted, now));
      }
      apply(side, safe.side(side));
    }
    for (Side side : Side.values()) {
      if (!guarded.keepBaseline().contains(side)) {
        baselines.put(side, new Baseline(present.get(side), now));
      }
    }
    return guarded;
  }

  private GuardInput guardInput() {
    Map<Side, Integer> counts = new EnumMap<>(Side.class);
    Map<Side, Integer> base = new EnumMap<>(Side.class);
    for (Side side : Side.values()) {
      counts.put(side, present.get(side).size());
      if (baselines.containsKey(side)) {
        base.put(side, baselines.get(side).items().size());
      }
    }
    return new GuardInput(
        "p",
        feature,
        Map.of(Side.SOURCE, "A", Side.TARGET, "B"),
        counts,
        base,
        Map.of(),
        20,
        0.10,
        sync.maxRemoveRatio());
  }

  private void apply(Side side, SidePlan plan) {
    List<Item> items = present.get(side);
    for (Item u : plan.updates()) {
      items.removeIf(i -> titleOf(i) == titleOf(u));
      items.add(u);
    }
    items.addAll(plan.adds());
    for (Item r : plan.removes()) {
      items.remove(r);
    }
  }

  /** Hidden title numbers a side holds. */
  Set<Integer> titles(Side side) {
    Set<Integer> titles = new HashSet<>();
    for (Item i : present.get(side)) {
      titles.add(titleOf(i));
    }
    return titles;
  }

  /** Rating per hidden title number on one side. */
  Map<Integer, Integer> ratings(Side side) {
    Map<Integer, Integer> r = new HashMap<>();
    for (Item i : present.get(side)) {
      r.put(titleOf(i), i.rating());
    }
    return r;
  }
}
