package io.crosswatch.core.plan;

import io.crosswatch.core.config.RatingsFilter;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.state.Side;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Holds back the planned ratings changes that a pair's ratings filter excludes: a pure transform of
 * a plan, applied after planning and before the guards.
 *
 * <p>A change is held back when the rating's item type is not among {@code types}, or when {@code
 * from_date} is set and the rating was made (UTC) before that day. A rating without a time is kept,
 * as CrossWatch keeps it. Adds, updates and removes on either side are judged by the item they
 * write or remove; what the sides removed (future tombstones) is left as it is.
 */
public final class RatingsScope {
  private RatingsScope() {}

  /** One change the filter held back, and why. */
  public record HeldBack(Side side, String op, Item item, String reason) {}

  /** The plan without the held-back changes, and those changes. */
  public record Scoped(Plan plan, List<HeldBack> heldBack) {
    public Scoped {
      heldBack = List.copyOf(heldBack);
    }
  }

  /** Applies {@code filter} to a ratings plan. */
  public static Scoped apply(Plan plan, RatingsFilter filter) {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(filter, "filter");
    if (filter.isAll()) {
      return new Scoped(plan, List.of());
    }
    List<HeldBack> held = new ArrayList<>();
    SidePlan source = scope(plan.source(), Side.SOURCE, filter, held);
    SidePlan target = scope(plan.target(), Side.TARGET, filter, held);
    Plan scoped =
        new Plan(source, target, plan.deletedOnSource(), plan.deletedOnTarget(), plan.unresolved());
    return new Scoped(scoped, held);
  }

  /** Why {@code filter} holds back a rating of {@code item}, or empty when it lets it through. */
  public static Optional<String> reason(Item item, RatingsFilter filter) {
    if (!filter.types().contains(item.type())) {
      return Optional.of("its type " + item.type().key() + " is not in ratings.types");
    }
    LocalDate from = filter.fromDate();
    if (from != null && item.ratedAt() != null) {
      LocalDate rated = LocalDate.ofInstant(item.ratedAt(), ZoneOffset.UTC);
      if (rated.isBefore(from)) {
        return Optional.of("rated " + rated + ", before ratings.from_date " + from);
      }
    }
    return Optional.empty();
  }

  private static SidePlan scope(
      SidePlan plan, Side side, RatingsFilter filter, List<HeldBack> held) {
    return new SidePlan(
        keep(plan.adds(), side, "add", filter, held),
        keep(plan.removes(), side, "remove", filter, held),
        keep(plan.updates(), side, "update", filter, held));
  }

  private static List<Item> keep(
      List<Item> items, Side side, String op, RatingsFilter filter, List<HeldBack> held) {
    List<Item> kept = new ArrayList<>(items.size());
    for (Item item : items) {
      Optional<String> why = reason(item, filter);
      if (why.isPresent()) {
        held.add(new HeldBack(side, op, item, why.get()));
      } else {
        kept.add(item);
      }
    }
    return kept;
  }
}
