package io.crosswatch.core.guard;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemKeys;
import io.crosswatch.core.plan.Plan;
import io.crosswatch.core.plan.SidePlan;
import io.crosswatch.core.state.Side;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Withholds planned changes that look unsafe (README, How the safety rules work): writes based on a
 * suspiciously shrunken snapshot, mass removals, and items parked after repeated failures. Pure: a
 * plan in, a smaller plan out.
 */
public final class Guards {
  /** The {@link GuardNotice#guard()} of a suspect snapshot. */
  public static final String SUSPECT_SNAPSHOT = "suspect_snapshot";

  private Guards() {}

  /** Applies every guard to a plan. */
  public static GuardedPlan apply(Plan plan, GuardInput in) {
    Map<Side, SidePlan> sides = new EnumMap<>(Side.class);
    sides.put(Side.SOURCE, plan.source());
    sides.put(Side.TARGET, plan.target());
    Map<Side, List<Item>> deleted = new EnumMap<>(Side.class);
    deleted.put(Side.SOURCE, plan.deletedOnSource());
    deleted.put(Side.TARGET, plan.deletedOnTarget());
    List<GuardNotice> notices = new ArrayList<>();
    Set<Side> keepBaseline = EnumSet.noneOf(Side.class);
    int blocked = 0;
    boolean guarded = false;

    for (Side side : Side.values()) {
      if (!suspect(in, side)) {
        continue;
      }
      keepBaseline.add(side);
      SidePlan own = sides.get(side);
      SidePlan other = sides.get(side.other());
      int withheld = own.size() + other.removes().size();
      // A suspect side is always reported, but the feature is blocked only when changes were held.
      guarded |= withheld > 0;
      blocked += withheld;
      sides.put(side, SidePlan.EMPTY);
      sides.put(side.other(), new SidePlan(other.adds(), List.of(), other.updates()));
      deleted.put(side, List.of());
      notices.add(
          notice(
              SUSPECT_SNAPSHOT,
              side,
              in,
              withheld,
              "pair=%s feature=%s provider=%s: suspect snapshot: %d items now, baseline had %d"
                  + " (below %.0f%%); nothing written to it and no removals derived from it"
                  + " (%d changes blocked)",
              in.present(side),
              in.baseline(side),
              in.suspectShrinkRatio() * 100,
              withheld));
    }

    for (Side side : Side.values()) {
      SidePlan own = sides.get(side);
      int holds = in.present(side);
      int removes = own.removes().size();
      if (removes == 0 || holds < in.suspectMinPrev() || removes <= in.maxRemoveRatio() * holds) {
        continue;
      }
      guarded = true;
      blocked += removes;
      sides.put(side, new SidePlan(own.adds(), List.of(), own.updates()));
      keepBaseline.add(side.other());
      deleted.put(side.other(), List.of());
      notices.add(
          notice(
              "mass_removal",
              side,
              in,
              removes,
              "pair=%s feature=%s provider=%s: mass removal: %d of %d items would be removed"
                  + " (more than max_remove_ratio %.2f); no removals applied (%d changes blocked)."
                  + " If this is intended, raise sync.max_remove_ratio for one run",
              removes,
              holds,
              in.maxRemoveRatio(),
              removes));
    }

    for (Side side : Side.values()) {
      Set<String> parked = in.parked(side);
      if (parked.isEmpty()) {
        continue;
      }
      SidePlan own = sides.get(side);
      List<Item> adds = withoutParked(own.adds(), parked, in);
      List<Item> removes = withoutParked(own.removes(), parked, in);
      List<Item> updates = withoutParked(own.updates(), parked, in);
      int withheld = own.size() - adds.size() - removes.size() - updates.size();
      if (withheld > 0) {
        blocked += withheld;
        sides.put(side, new SidePlan(adds, removes, updates));
        notices.add(
            notice(
                "parked",
                side,
                in,
                withheld,
                "pair=%s feature=%s provider=%s: %d parked items not retried (they failed 3 runs"
                    + " in a row; see `cw state unresolved`, clear with `cw state clear-unresolved`)",
                withheld));
      }
    }

    Plan guardedPlan =
        new Plan(
            sides.get(Side.SOURCE),
            sides.get(Side.TARGET),
            deleted.get(Side.SOURCE),
            deleted.get(Side.TARGET),
            plan.unresolved());
    return new GuardedPlan(guardedPlan, blocked, notices, keepBaseline, guarded);
  }

  /**
   * A notice whose sentence starts with the pair, feature and provider ({@code format} takes them
   * as its first three arguments, then {@code args}).
   */
  private static GuardNotice notice(
      String guard, Side side, GuardInput in, int blocked, String format, Object... args) {
    String provider = in.providers().get(side);
    Object[] all = new Object[args.length + 3];
    all[0] = in.pairId();
    all[1] = in.feature().key();
    all[2] = provider;
    System.arraycopy(args, 0, all, 3, args.length);
    return new GuardNotice(guard, side, provider, blocked, String.format(Locale.ROOT, format, all));
  }

  private static boolean suspect(GuardInput in, Side side) {
    Integer baseline = in.baseline(side);
    return baseline != null
        && baseline >= in.suspectMinPrev()
        && baseline > 0
        && in.present(side) < baseline * in.suspectShrinkRatio();
  }

  private static List<Item> withoutParked(List<Item> items, Set<String> parked, GuardInput in) {
    List<Item> kept = new ArrayList<>(items.size());
    for (Item item : items) {
      if (!parked.contains(ItemKeys.key(item, in.feature()))) {
        kept.add(item);
      }
    }
    return kept;
  }
}
