package io.crosswatch.core.plan;

import io.crosswatch.core.config.SyncMode;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.state.Side;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks a reviewed plan against the present snapshots before it is applied: an add the side
 * already holds, or a remove already gone, counts as done; an entry whose basis changed since the
 * plan was made (the side it came from no longer holds the item, holds it again, or rates it
 * differently) is skipped with a warning. Pure: no I/O.
 */
public final class PlanRecheck {
  private final Feature feature;
  private final Duration window;
  private final PlanBuilder toApply = new PlanBuilder();
  private final PlanBuilder done = new PlanBuilder();
  private final List<String> warnings = new ArrayList<>();

  private PlanRecheck(Feature feature, Duration window) {
    this.feature = feature;
    this.window = window;
  }

  /**
   * Rechecks {@code stored} against the sides' present items.
   *
   * @param window how far apart two plays of a title may be and still be the same play
   */
  public static Reconciled recheck(
      Feature feature,
      SyncMode mode,
      Plan stored,
      List<Item> source,
      List<Item> target,
      Duration window) {
    PlanRecheck check = new PlanRecheck(feature, window);
    check.side(Side.TARGET, stored.target(), target, source);
    if (mode == SyncMode.TWO_WAY) {
      check.side(Side.SOURCE, stored.source(), source, target);
    } else if (!stored.source().isEmpty()) {
      check.warnings.add(
          stored.source().size()
              + " changes to the source skipped: the pair is one-way and never writes its source");
    }
    return new Reconciled(check.toApply.build(), check.done.build(), check.warnings);
  }

  private void side(Side side, SidePlan plan, List<Item> own, List<Item> other) {
    List<Item> entries = new ArrayList<>(plan.size());
    entries.addAll(plan.adds());
    entries.addAll(plan.removes());
    entries.addAll(plan.updates());
    List<Item> onSide = SnapshotMatch.of(feature, window, own, entries).matches();
    List<Item> onOther = SnapshotMatch.of(feature, window, other, entries).matches();
    int i = 0;
    for (Item add : plan.adds()) {
      add(side, add, onSide.get(i), onOther.get(i));
      i++;
    }
    for (Item remove : plan.removes()) {
      remove(side, remove, onSide.get(i), onOther.get(i));
      i++;
    }
    for (Item update : plan.updates()) {
      update(side, update, onSide.get(i), onOther.get(i));
      i++;
    }
  }

  private void add(Side side, Item item, Item held, Item basis) {
    if (basis == null) {
      skip("add", side, item, "the " + side.other().key() + " no longer holds it");
    } else if (held != null) {
      done.add(side, item);
    } else {
      toApply.add(side, item);
    }
  }

  private void remove(Side side, Item item, Item held, Item basis) {
    if (held == null) {
      done.remove(side, item);
    } else if (basis != null) {
      skip("remove", side, item, "the " + side.other().key() + " holds it again");
    } else {
      toApply.remove(side, held);
    }
  }

  private void update(Side side, Item item, Item held, Item basis) {
    if (basis == null || !Objects.equals(basis.rating(), item.rating())) {
      skip(
          "update",
          side,
          item,
          basis == null
              ? "the " + side.other().key() + " no longer rates it"
              : "the " + side.other().key() + " rates it " + basis.rating() + " now");
    } else if (held == null) {
      skip("update", side, item, "the " + side.key() + " no longer rates it");
    } else if (Objects.equals(held.rating(), item.rating())) {
      done.update(side, item);
    } else {
      toApply.update(side, item);
    }
  }

  private void skip(String op, Side side, Item item, String why) {
    warnings.add(
        op
            + " of "
            + item.label()
            + " on the "
            + side.key()
            + " skipped: "
            + why
            + " since the plan was made");
  }
}
