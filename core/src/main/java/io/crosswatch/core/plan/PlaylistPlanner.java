package io.crosswatch.core.plan;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.PlaylistRef;
import io.crosswatch.core.state.Baseline;
import io.crosswatch.core.state.Side;
import io.crosswatch.core.state.Tombstone;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Plans playlists on their members: each playlist (identified by its name, trimmed and
 * case-insensitive) is planned like a watchlist of its own, with the same one-way, two-way and
 * tombstone rules. Members added to a side carry that side's playlist reference (a playlist it
 * lacks is created by the write); read-only playlists are never written; with {@code "order":
 * "preserve"} on a one-way pair the target's members are put in the source's order when the target
 * can reorder.
 */
final class PlaylistPlanner {
  private final PlanInput input;
  private final List<Tombstone> live;
  private final PlanBuilder out = new PlanBuilder();

  PlaylistPlanner(PlanInput input, List<Tombstone> live) {
    this.input = input;
    this.live = live;
  }

  /** The lists of one playlist. */
  private static final class Bucket {
    final String name;
    final List<Item> source = new ArrayList<>();
    final List<Item> target = new ArrayList<>();
    final List<Item> sourceBaseline = new ArrayList<>();
    final List<Item> targetBaseline = new ArrayList<>();
    final List<Tombstone> tombstones = new ArrayList<>();

    Bucket(String name) {
      this.name = name;
    }

    List<Item> present(Side side) {
      return side == Side.SOURCE ? source : target;
    }
  }

  Plan plan() {
    Map<String, Bucket> buckets = new LinkedHashMap<>();
    int unnamed = 0;
    unnamed += split(input.source(), buckets, b -> b.source);
    unnamed += split(input.target(), buckets, b -> b.target);
    unnamed += split(items(input.sourceBaseline()), buckets, b -> b.sourceBaseline);
    unnamed += split(items(input.targetBaseline()), buckets, b -> b.targetBaseline);
    for (Tombstone t : live) {
      PlaylistRef ref = t.item().playlist();
      if (ref != null) {
        bucket(buckets, ref).tombstones.add(t);
      }
    }
    if (unnamed > 0) {
      out.warn(unnamed + " playlist members without a playlist name were ignored");
    }
    boolean preserve = input.settings().preserveOrder() && !buckets.isEmpty();
    boolean twoWay = input.mode() == io.crosswatch.core.config.SyncMode.TWO_WAY;
    if (preserve && twoWay) {
      out.warn(
          "order: preserve applies to one-way pairs; on this two-way pair each side keeps its own"
              + " order");
    } else if (preserve && !input.hints().targetReorders()) {
      out.warn(
          "order: preserve: the target cannot reorder playlist members; new members are appended");
    }
    boolean reorder = preserve && !twoWay && input.hints().targetReorders();
    for (Bucket bucket : buckets.values()) {
      planPlaylist(bucket, reorder);
    }
    return out.build();
  }

  private void planPlaylist(Bucket b, boolean reorder) {
    PlanInput sub =
        new PlanInput(
            Feature.PLAYLISTS,
            input.mode(),
            input.settings(),
            input.sync(),
            b.source,
            b.target,
            baseline(b.sourceBaseline, input.sourceBaseline()),
            baseline(b.targetBaseline, input.targetBaseline()),
            List.of(),
            input.now(),
            input.hints());
    PlanContext ctx = Planner.context(sub, b.tombstones);
    Plan plan = new TitlePlanner(ctx).plan();
    List<Item> targetUpdates = new ArrayList<>();
    List<Item> targetAdds = reorder ? ordered(b, ctx, plan, targetUpdates) : plan.target().adds();
    SidePlan target =
        writable(
            b,
            Side.TARGET,
            new SidePlan(
                placed(b, Side.TARGET, targetAdds, reorder),
                plan.target().removes(),
                targetUpdates));
    SidePlan source =
        writable(
            b,
            Side.SOURCE,
            new SidePlan(
                placed(b, Side.SOURCE, plan.source().adds(), false),
                plan.source().removes(),
                List.of()));
    Plan result = plan.with(source, target, plan.deletedOnSource(), plan.deletedOnTarget());
    if (input.hints().explain()) {
      explain(b, result);
    }
    out.addAll(result);
  }

  /**
   * The target's adds with their wanted positions, and (into {@code updates}) the moves that put
   * the members it keeps in the source's order, when that order differs. Members only the target
   * holds end after the source's members, in their own order.
   *
   * <p>Writes go removes, then updates, then adds. A move's position is the member's index among
   * the kept members (the adds are not there yet); an add's is its index in the final playlist.
   * Moving in ascending position leaves the kept members first, in order, and the members only the
   * target holds after them; inserting the adds in ascending position then gives the final order.
   */
  private List<Item> ordered(Bucket b, PlanContext ctx, Plan plan, List<Item> updates) {
    List<Integer> sourceTitles = titlesInOrder(b.source, ctx, Planner.SOURCE, Set.of());
    Set<Item> removed = identitySet(plan.target().removes());
    List<Integer> keptOrder = titlesInOrder(b.target, ctx, Planner.TARGET, removed);
    Map<Integer, Item> keptItem = firstItems(b.target, ctx, Planner.TARGET, removed);
    Map<Item, Integer> sourceIndex = new IdentityHashMap<>();
    for (int i = 0; i < b.source.size(); i++) {
      sourceIndex.put(b.source.get(i), i);
    }
    Map<Item, Integer> addTitle = new IdentityHashMap<>();
    Map<Integer, Boolean> added = new java.util.HashMap<>();
    for (Item add : plan.target().adds()) {
      int t = ctx.resolution.title(Planner.SOURCE, sourceIndex.get(add));
      addTitle.put(add, t);
      added.put(t, Boolean.TRUE);
    }
    Map<Integer, Integer> finalIndex = new LinkedHashMap<>();
    for (int t : sourceTitles) {
      if (keptItem.containsKey(t) || added.containsKey(t)) {
        finalIndex.put(t, finalIndex.size());
      }
    }
    List<Integer> desired = new ArrayList<>();
    for (int t : finalIndex.keySet()) {
      if (keptItem.containsKey(t)) {
        desired.add(t);
      }
    }
    for (int t : keptOrder) {
      if (!finalIndex.containsKey(t)) {
        desired.add(t); // only on the target: after the source's members
      }
    }
    if (!desired.equals(keptOrder)) {
      // Moves come before adds: a kept member's position counts only the kept members before it.
      int at = 0;
      for (int t : finalIndex.keySet()) {
        Item member = keptItem.get(t);
        if (member != null) {
          updates.add(member.withPlaylist(member.playlist().withPosition(at++)));
        }
      }
    }
    List<Item> adds = new ArrayList<>(plan.target().adds().size());
    for (Item add : plan.target().adds()) {
      adds.add(add.withPlaylist(add.playlist().withPosition(finalIndex.get(addTitle.get(add)))));
    }
    adds.sort(Comparator.comparing(i -> i.playlist().position()));
    return adds;
  }

  /** The distinct titles of a playlist's members in playlist order, skipping {@code skip}. */
  private static List<Integer> titlesInOrder(
      List<Item> members, PlanContext ctx, int list, Set<Item> skip) {
    List<Integer> order = byPosition(members);
    List<Integer> titles = new ArrayList<>(order.size());
    Set<Integer> seen = new java.util.HashSet<>();
    for (int i : order) {
      int t = ctx.resolution.title(list, i);
      if (!skip.contains(members.get(i)) && seen.add(t)) {
        titles.add(t);
      }
    }
    return titles;
  }

  private static Map<Integer, Item> firstItems(
      List<Item> members, PlanContext ctx, int list, Set<Item> skip) {
    Map<Integer, Item> first = new java.util.HashMap<>();
    for (int i : byPosition(members)) {
      if (!skip.contains(members.get(i))) {
        first.putIfAbsent(ctx.resolution.title(list, i), members.get(i));
      }
    }
    return first;
  }

  /** Member indices by position (members without one keep their list order). */
  private static List<Integer> byPosition(List<Item> members) {
    List<Integer> order = new ArrayList<>(members.size());
    for (int i = 0; i < members.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparingInt(i -> position(members.get(i), i)));
    return order;
  }

  private static int position(Item member, int index) {
    Integer p = member.playlist().position();
    return p == null ? index : p;
  }

  /**
   * Members added to {@code side} carry that side's playlist: its name and id when it has the
   * playlist, the other side's name and description otherwise; never read-only. Without ordering
   * they are appended (no position).
   */
  private static List<Item> placed(Bucket b, Side side, List<Item> adds, boolean keepPositions) {
    if (adds.isEmpty()) {
      return adds;
    }
    PlaylistRef own = b.present(side).isEmpty() ? null : b.present(side).get(0).playlist();
    List<Item> placed = new ArrayList<>(adds.size());
    for (Item add : adds) {
      PlaylistRef from = add.playlist();
      Integer position = keepPositions ? from.position() : null;
      PlaylistRef ref =
          own == null
              ? new PlaylistRef(from.name(), from.description(), position, null, false)
              : new PlaylistRef(own.name(), own.description(), position, own.id(), false);
      placed.add(add.withPlaylist(ref));
    }
    return placed;
  }

  /** A side's plan, or nothing with a warning when the side's playlist is read-only. */
  private SidePlan writable(Bucket b, Side side, SidePlan plan) {
    if (plan.isEmpty() || !readOnly(b.present(side))) {
      return plan;
    }
    out.warn(
        String.format(
            "playlist \"%s\" on the %s is read-only (a smart playlist): read, never written;"
                + " %d changes not made",
            b.name, side == Side.SOURCE ? "source" : "target", plan.size()));
    return SidePlan.EMPTY;
  }

  private static boolean readOnly(List<Item> members) {
    for (Item m : members) {
      if (m.playlist().readOnly()) {
        return true;
      }
    }
    return false;
  }

  private void explain(Bucket b, Plan plan) {
    for (Side side : Side.values()) {
      String where = side == Side.SOURCE ? "source" : "target";
      SidePlan sp = plan.side(side);
      sp.removes().forEach(i -> decide(b, i, "remove from " + where));
      sp.updates()
          .forEach(
              i -> decide(b, i, "move on " + where + " to position " + i.playlist().position()));
      sp.adds()
          .forEach(
              i ->
                  decide(
                      b,
                      i,
                      "add to "
                          + where
                          + (i.playlist().position() == null
                              ? ""
                              : " at position " + i.playlist().position())));
    }
  }

  private void decide(Bucket b, Item member, String what) {
    out.decide(String.format("playlist \"%s\" %s: %s", b.name, member.label(), what));
  }

  /** Sorts members into buckets by playlist; returns how many had no playlist. */
  private static int split(
      List<Item> items, Map<String, Bucket> buckets, Function<Bucket, List<Item>> list) {
    int unnamed = 0;
    for (Item item : items) {
      if (item.playlist() == null) {
        unnamed++;
      } else {
        list.apply(bucket(buckets, item.playlist())).add(item);
      }
    }
    return unnamed;
  }

  private static Bucket bucket(Map<String, Bucket> buckets, PlaylistRef ref) {
    return buckets.computeIfAbsent(ref.key(), k -> new Bucket(ref.name().strip()));
  }

  private static Baseline baseline(List<Item> members, Baseline whole) {
    return whole == null ? null : new Baseline(members, whole.updatedAt());
  }

  private static List<Item> items(Baseline baseline) {
    return baseline == null ? List.of() : baseline.items();
  }

  private static Set<Item> identitySet(List<Item> items) {
    Set<Item> set = Collections.newSetFromMap(new IdentityHashMap<>());
    set.addAll(items);
    return set;
  }
}
