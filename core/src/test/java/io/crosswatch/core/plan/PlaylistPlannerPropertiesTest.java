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
import io.crosswatch.core.model.PlaylistRef;
import io.crosswatch.core.state.Baseline;
import io.crosswatch.core.state.Side;
import io.crosswatch.core.state.Tombstone;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Properties of playlist planning over seeded random worlds: two sides of playlists, a simulated
 * provider that places members as the contract says, baselines and tombstones kept as a run keeps
 * them. Each failure names its seed.
 */
class PlaylistPlannerPropertiesTest {
  static final String[] NAMES = {"Road trip", "Kids", "Noir", "Later"};

  static long seed(RepetitionInfo info) {
    return 0x9_1A71_0000L + info.getCurrentRepetition();
  }

  /** Two sides of playlists and what a run remembers. */
  static final class World {
    final SyncMode mode;
    final FeatureSettings settings;
    final SyncSettings sync;
    final boolean targetReorders;
    final Random random;
    final SyncWorld titles;
    final Map<Side, List<Item>> present = new EnumMap<>(Side.class);
    final Map<Side, Baseline> baselines = new EnumMap<>(Side.class);
    final List<Tombstone> tombstones = new ArrayList<>();
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    World(
        SyncMode mode,
        FeatureSettings settings,
        SyncSettings sync,
        boolean targetReorders,
        long seed) {
      this.mode = mode;
      this.settings = settings;
      this.sync = sync;
      this.targetReorders = targetReorders;
      this.random = new Random(seed);
      this.titles = new SyncWorld(Feature.WATCHLIST, mode, settings, sync, random.nextLong());
      present.put(Side.SOURCE, new ArrayList<>());
      present.put(Side.TARGET, new ArrayList<>());
    }

    /** Random playlists on both sides sharing some titles; names differ in case across sides. */
    World populate() {
      List<Item> pool = new ArrayList<>();
      int n = 20 + random.nextInt(40);
      for (int i = 0; i < n; i++) {
        pool.add(titles.newTitle(random.nextInt(4) == 0).withListedAt(null));
      }
      for (Side side : Side.values()) {
        for (String name : NAMES) {
          if (random.nextInt(4) == 0) {
            continue;
          }
          String shown = side == Side.TARGET && random.nextBoolean() ? name.toLowerCase() : name;
          List<Item> chosen = new ArrayList<>(pool);
          java.util.Collections.shuffle(chosen, random);
          int size = random.nextInt(Math.min(15, chosen.size()));
          for (Item t : chosen.subList(0, size)) {
            Item known = side == Side.TARGET && random.nextBoolean() ? SyncWorld.fullIds(t) : t;
            insert(side, known.withPlaylist(PlaylistRef.named(shown)));
          }
        }
      }
      return this;
    }

    /** Plans, guards and applies one run with every write succeeding. */
    GuardedPlan run() {
      now = now.plus(Duration.ofHours(1));
      Plan plan =
          Planner.plan(
              new PlanInput(
                  Feature.PLAYLISTS,
                  mode,
                  settings,
                  sync,
                  List.copyOf(present.get(Side.SOURCE)),
                  List.copyOf(present.get(Side.TARGET)),
                  baselines.get(Side.SOURCE),
                  baselines.get(Side.TARGET),
                  List.copyOf(tombstones),
                  now,
                  new PlanHints(true, targetReorders, List.of(), List.of(), false)));
      GuardedPlan guarded = Guards.apply(plan, guardInput());
      Plan safe = guarded.plan();
      for (Side side : Side.values()) {
        for (Item deleted : safe.deletedOn(side)) {
          tombstones.add(new Tombstone(ItemKeys.key(deleted, Feature.PLAYLISTS), deleted, now));
        }
        SidePlan sp = safe.side(side);
        sp.removes().forEach(r -> remove(side, r));
        sp.updates().forEach(u -> move(side, u));
        sp.adds().forEach(a -> insert(side, a));
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
          Feature.PLAYLISTS,
          Map.of(Side.SOURCE, "A", Side.TARGET, "B"),
          counts,
          base,
          Map.of(),
          20,
          0.10,
          sync.maxRemoveRatio());
    }

    /** The members of one playlist of a side, in position order. */
    List<Item> members(Side side, String key) {
      List<Item> list = new ArrayList<>();
      for (Item m : present.get(side)) {
        if (m.playlist().key().equals(key)) {
          list.add(m);
        }
      }
      list.sort(java.util.Comparator.comparingInt(m -> m.playlist().position()));
      return list;
    }

    /** A simulated provider's add: insert at the position (or append), renumber. */
    void insert(Side side, Item member) {
      String key = member.playlist().key();
      List<Item> list = members(side, key);
      if (list.stream().anyMatch(m -> SyncWorld.titleOf(m) == SyncWorld.titleOf(member))) {
        return;
      }
      Integer p = member.playlist().position();
      int at = p == null || p > list.size() ? list.size() : p;
      list.add(at, member);
      replace(side, key, list);
    }

    void remove(Side side, Item member) {
      String key = member.playlist().key();
      List<Item> list = members(side, key);
      list.removeIf(m -> SyncWorld.titleOf(m) == SyncWorld.titleOf(member));
      replace(side, key, list);
    }

    void move(Side side, Item member) {
      String key = member.playlist().key();
      List<Item> list = members(side, key);
      Item held = null;
      for (Item m : list) {
        if (SyncWorld.titleOf(m) == SyncWorld.titleOf(member)) {
          held = m;
        }
      }
      list.remove(held);
      int p = member.playlist().position();
      list.add(Math.min(p, list.size()), held);
      replace(side, key, list);
    }

    private void replace(Side side, String key, List<Item> ordered) {
      present.get(side).removeIf(m -> m.playlist().key().equals(key));
      for (int i = 0; i < ordered.size(); i++) {
        Item m = ordered.get(i);
        present.get(side).add(m.withPlaylist(m.playlist().withPosition(i)));
      }
    }

    /** Playlist key → ordered hidden titles of one side. */
    Map<String, List<Integer>> view(Side side) {
      Map<String, List<Integer>> view = new LinkedHashMap<>();
      for (String key : keys(side)) {
        view.put(key, members(side, key).stream().map(SyncWorld::titleOf).toList());
      }
      return view;
    }

    Set<String> keys(Side side) {
      Set<String> keys = new TreeSet<>();
      present.get(side).forEach(m -> keys.add(m.playlist().key()));
      return keys;
    }

    /** (playlist, title) pairs of a side. */
    Set<String> pairs(Side side) {
      Set<String> set = new TreeSet<>();
      present.get(side).forEach(m -> set.add(m.playlist().key() + "|" + SyncWorld.titleOf(m)));
      return set;
    }

    void dropRandomMembers(Side side, int n) {
      for (int i = 0; i < n && !present.get(side).isEmpty(); i++) {
        remove(side, present.get(side).get(random.nextInt(present.get(side).size())));
      }
    }
  }

  static final FeatureSettings ADD_REMOVE = new FeatureSettings(true, true, true, false, false);
  static final FeatureSettings PRESERVE = new FeatureSettings(true, true, true, false, true);

  @RepeatedTest(60)
  void oneWayTargetsHoldTheSourcesMembersInItsOrderAndTheSecondRunPlansNothing(
      RepetitionInfo info) {
    long seed = seed(info);
    for (RemoveMode rm : RemoveMode.values()) {
      SyncSettings sync = new SyncSettings(rm, 30, 1.0, 60);
      World w = new World(SyncMode.ONE_WAY, PRESERVE, sync, true, seed).populate();
      w.run();
      Map<String, List<Integer>> source = w.view(Side.SOURCE);
      Map<String, List<Integer>> target = w.view(Side.TARGET);
      source.forEach(
          (key, titles) -> {
            List<Integer> held = target.getOrDefault(key, List.of());
            List<Integer> common = held.stream().filter(titles::contains).toList();
            assertThat(common).as("seed %d %s playlist %s order", seed, rm, key).isEqualTo(titles);
          });
      GuardedPlan second = w.run();
      assertThat(second.plan().isEmpty())
          .as("seed %d %s second run: %s", seed, rm, second.plan())
          .isTrue();
    }
  }

  @RepeatedTest(60)
  void twoWayConvergesToTheSameMembersAndStaysQuiet(RepetitionInfo info) {
    long seed = seed(info);
    World w = new World(SyncMode.TWO_WAY, ADD_REMOVE, SyncSettings.DEFAULTS, true, seed);
    w.populate().run();
    assertThat(w.pairs(Side.SOURCE)).as("seed %d", seed).isEqualTo(w.pairs(Side.TARGET));
    assertThat(w.run().plan().isEmpty()).as("seed %d second run", seed).isTrue();

    w.dropRandomMembers(Side.TARGET, 1 + w.random.nextInt(3));
    w.run();
    assertThat(w.pairs(Side.SOURCE))
        .as("seed %d after removals", seed)
        .isEqualTo(w.pairs(Side.TARGET));
    assertThat(w.run().plan().isEmpty()).as("seed %d quiet after removals", seed).isTrue();
  }

  @RepeatedTest(60)
  void membersRemovedFromTheSourceLeaveTheTargetAndAreNotAddedBack(RepetitionInfo info) {
    long seed = seed(info);
    World w =
        new World(
            SyncMode.ONE_WAY,
            ADD_REMOVE,
            new SyncSettings(RemoveMode.SOURCE_DELETES, 30, 1.0, 60),
            false,
            seed);
    w.populate().run();
    Set<String> before = w.pairs(Side.SOURCE);
    w.dropRandomMembers(Side.SOURCE, 1 + w.random.nextInt(4));
    Set<String> removed = new TreeSet<>(before);
    removed.removeAll(w.pairs(Side.SOURCE));
    w.run();
    for (String gone : removed) {
      assertThat(w.pairs(Side.TARGET)).as("seed %d %s", seed, gone).doesNotContain(gone);
    }
    assertThat(w.tombstones)
        .as("seed %d tombstones", seed)
        .hasSizeGreaterThanOrEqualTo(removed.size());
    assertThat(w.run().plan().isEmpty()).as("seed %d quiet", seed).isTrue();
  }

  @RepeatedTest(30)
  void anEmptiedSourceIsSuspectAndRemovesNothing(RepetitionInfo info) {
    long seed = seed(info);
    World w =
        new World(
            SyncMode.ONE_WAY,
            ADD_REMOVE,
            new SyncSettings(RemoveMode.SOURCE_DELETES, 30, 1.0, 60),
            false,
            seed);
    w.populate().present.get(Side.TARGET).clear();
    while (w.present.get(Side.SOURCE).size() < 25) {
      w.insert(
          Side.SOURCE,
          w.titles.newTitle(false).withListedAt(null).withPlaylist(PlaylistRef.named("Extra")));
    }
    w.run();
    int held = w.present.get(Side.TARGET).size();
    w.present.get(Side.SOURCE).clear();
    GuardedPlan guarded = w.run();
    assertThat(guarded.guarded()).as("seed %d", seed).isTrue();
    assertThat(guarded.plan().target().removes()).isEmpty();
    assertThat(w.present.get(Side.TARGET)).hasSize(held);
  }

  @RepeatedTest(30)
  void aMassRemovalIsWithheld(RepetitionInfo info) {
    long seed = seed(info);
    World w =
        new World(
            SyncMode.ONE_WAY,
            ADD_REMOVE,
            new SyncSettings(RemoveMode.SOURCE_DELETES, 30, 0.5, 60),
            false,
            seed);
    w.populate().present.get(Side.TARGET).clear();
    while (w.present.get(Side.SOURCE).size() < 40) {
      w.insert(
          Side.SOURCE,
          w.titles.newTitle(false).withListedAt(null).withPlaylist(PlaylistRef.named("Extra")));
    }
    w.run();
    int held = w.present.get(Side.TARGET).size();
    List<Item> keep = new ArrayList<>(w.present.get(Side.SOURCE));
    w.present.get(Side.SOURCE).clear();
    w.present.get(Side.SOURCE).addAll(keep.subList(0, keep.size() * 3 / 10));
    GuardedPlan guarded = w.run();
    assertThat(guarded.notices())
        .as("seed %d", seed)
        .anyMatch(n -> n.guard().equals("mass_removal"));
    assertThat(w.present.get(Side.TARGET)).hasSize(held);
  }
}
