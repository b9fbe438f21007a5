package io.crosswatch.core.plan;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemKeys;
import io.crosswatch.core.state.JournalEntry;
import io.crosswatch.core.state.Side;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Plans the reversal of one pair and feature of a run from its journal: what it added is removed
 * (those exact plays, for history), what it removed is added back as journaled, a rating it changed
 * gets its previous value. An item a later run changed again is skipped with a warning; a reversal
 * the side already shows counts as done. Pure: no I/O.
 */
public final class UndoPlanner {
  private final Feature feature;
  private final Duration window;
  private final Map<String, String> laterRuns = new HashMap<>();
  private final PlanBuilder toApply = new PlanBuilder();
  private final PlanBuilder done = new PlanBuilder();
  private final List<String> warnings = new ArrayList<>();

  private UndoPlanner(Feature feature, Duration window, List<JournalEntry> later) {
    this.feature = feature;
    this.window = window;
    for (JournalEntry e : later) {
      laterRuns.putIfAbsent(slot(e.side(), e.item()), e.runId());
    }
  }

  /**
   * Plans the reversal.
   *
   * @param entries the run's journal entries of this pair and feature, in journal order
   * @param later journal entries of this pair and feature written by later runs
   * @param present the sides' present items
   */
  public static Reconciled plan(
      Feature feature,
      List<JournalEntry> entries,
      List<JournalEntry> later,
      Map<Side, List<Item>> present,
      Duration window) {
    UndoPlanner planner = new UndoPlanner(feature, window, later);
    Map<Side, List<JournalEntry>> bySide = new EnumMap<>(Side.class);
    for (JournalEntry e : entries) {
      bySide.computeIfAbsent(e.side(), s -> new ArrayList<>()).add(e);
    }
    bySide.forEach((side, list) -> planner.side(side, list, present.get(side)));
    return new Reconciled(planner.toApply.build(), planner.done.build(), planner.warnings);
  }

  private void side(Side side, List<JournalEntry> entries, List<Item> present) {
    List<Item> items = entries.stream().map(JournalEntry::item).toList();
    List<Item> held = SnapshotMatch.of(feature, window, present, items).matches();
    for (int i = 0; i < entries.size(); i++) {
      JournalEntry e = entries.get(i);
      String laterRun = laterRuns.get(slot(side, e.item()));
      if (laterRun != null) {
        skip(e, "run " + laterRun + " changed it again since");
        continue;
      }
      switch (e.op()) {
        case ADD:
          reverseAdd(side, e.item(), held.get(i));
          break;
        case REMOVE:
          reverseRemove(side, e.item(), held.get(i));
          break;
        default:
          reverseUpdate(side, e, held.get(i));
      }
    }
  }

  private void reverseAdd(Side side, Item item, Item held) {
    if (held == null) {
      done.remove(side, item);
    } else {
      toApply.remove(side, held);
    }
  }

  private void reverseRemove(Side side, Item item, Item held) {
    if (held != null) {
      done.add(side, item);
    } else {
      toApply.add(side, item);
    }
  }

  private void reverseUpdate(Side side, JournalEntry e, Item held) {
    Item previous = e.previous();
    if (previous == null || previous.rating() == null) {
      skip(e, "the journal does not hold its previous rating (recorded by an older version)");
    } else if (held == null) {
      skip(e, "the " + side.key() + " no longer rates it");
    } else if (Objects.equals(held.rating(), previous.rating())) {
      done.update(side, held);
    } else if (!Objects.equals(held.rating(), e.item().rating())) {
      skip(e, "the " + side.key() + " rates it " + held.rating() + " now");
    } else {
      toApply.update(side, held.withRating(previous.rating(), previous.ratedAt()));
    }
  }

  private String slot(Side side, Item item) {
    return side.key() + "|" + ItemKeys.key(item, feature);
  }

  private void skip(JournalEntry e, String why) {
    warnings.add(
        "undo of "
            + e.op().key()
            + " of "
            + e.item().label()
            + " on the "
            + e.side().key()
            + " skipped: "
            + why);
  }
}
