package io.crosswatch.providers.local;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.provider.WriteResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The write rules shared by the local providers, applied to an {@link ItemIndex}.
 *
 * <ul>
 *   <li>add: an item already held is {@code ALREADY_PRESENT}; otherwise appended and {@code
 *       CONFIRMED}. For ratings, a held title with a different rating gets the new rating.
 *   <li>remove: every matching entry is removed ({@code CONFIRMED}); none is {@code NOT_FOUND} with
 *       reason {@code not_found}.
 *   <li>update: for ratings, replaces the rating (and {@code rated_at}) of the same title, adding
 *       it when missing; an identical rating is {@code ALREADY_PRESENT}. Other features: as add.
 * </ul>
 *
 * <p>A rating item without a rating fails (not retriable) with reason {@code rating_missing}.
 */
public final class LocalWrites {
  /** The reason given for removes of entries the provider does not hold. */
  public static final String NOT_FOUND = "not_found";

  private LocalWrites() {}

  /** A write operation. */
  public enum Op {
    ADD,
    REMOVE,
    UPDATE
  }

  /** What a write call did: the outcomes to return and the entries to persist. */
  public record Outcome(WriteResult result, Changes changes) {}

  /**
   * The entries a write call touched, for persisting: added and replaced entries hold their new
   * items; removed entries are gone from the index.
   */
  public record Changes(
      List<ItemIndex.Entry> added, List<ItemIndex.Entry> replaced, List<ItemIndex.Entry> removed) {

    /** Whether the call changed nothing (then nothing needs to be written). */
    public boolean isEmpty() {
      return added.isEmpty() && replaced.isEmpty() && removed.isEmpty();
    }
  }

  /** Applies one write call to the index and returns one outcome per item, in input order. */
  public static Outcome apply(ItemIndex index, Op op, List<Item> items) {
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(items, "items");
    Changes changes = new Changes(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    List<ItemOutcome> outcomes = new ArrayList<>(items.size());
    for (Item item : items) {
      Objects.requireNonNull(item, "item");
      outcomes.add(applyOne(index, op, item, changes));
    }
    return new Outcome(new WriteResult(outcomes), changes);
  }

  private static ItemOutcome applyOne(ItemIndex index, Op op, Item item, Changes changes) {
    boolean ratings = index.feature() == Feature.RATINGS;
    if (ratings && op != Op.REMOVE && item.rating() == null) {
      return ItemOutcome.failed(item, "rating_missing: a rating needs a value 1-10", false);
    }
    List<ItemIndex.Entry> matches = index.matches(item);
    if (op == Op.REMOVE) {
      return remove(index, item, matches, changes);
    }
    if (matches.isEmpty()) {
      changes.added().add(index.add(item));
      return ItemOutcome.confirmed(item);
    }
    if (!ratings) {
      return ItemOutcome.alreadyPresent(item);
    }
    return rate(index, op, item, matches, changes);
  }

  private static ItemOutcome remove(
      ItemIndex index, Item item, List<ItemIndex.Entry> matches, Changes changes) {
    if (matches.isEmpty()) {
      return ItemOutcome.notFound(item, NOT_FOUND);
    }
    for (ItemIndex.Entry entry : matches) {
      index.remove(entry);
      changes.removed().add(entry);
    }
    return ItemOutcome.confirmed(item);
  }

  private static ItemOutcome rate(
      ItemIndex index, Op op, Item item, List<ItemIndex.Entry> matches, Changes changes) {
    boolean changed = false;
    for (ItemIndex.Entry entry : matches) {
      Item held = entry.item();
      boolean same =
          item.rating().equals(held.rating())
              && (op == Op.ADD || Objects.equals(item.ratedAt(), held.ratedAt()));
      if (!same) {
        index.replace(entry, held.withRating(item.rating(), item.ratedAt()));
        changes.replaced().add(entry);
        changed = true;
      }
    }
    return changed ? ItemOutcome.confirmed(item) : ItemOutcome.alreadyPresent(item);
  }
}
