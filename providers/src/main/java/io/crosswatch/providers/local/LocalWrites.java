package io.crosswatch.providers.local;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.PlaylistRef;
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
 *   <li>progress: add and update set the held title's resume point ({@code ALREADY_PRESENT} when it
 *       is the same); remove clears it.
 *   <li>playlists: see {@link PlaylistWrites} (members by playlist, positions kept 0..n-1).
 * </ul>
 *
 * <p>A rating item without a rating fails (not retriable) with reason {@code rating_missing}; a
 * resume point without {@code progress_ms}, {@code progress_missing}.
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
      List<ItemIndex.Entry> added,
      List<ItemIndex.Entry> replaced,
      List<ItemIndex.Entry> removed,
      List<PlaylistRef> createdPlaylists) {

    /** Whether the call changed nothing (then nothing needs to be written). */
    public boolean isEmpty() {
      return added.isEmpty()
          && replaced.isEmpty()
          && removed.isEmpty()
          && createdPlaylists.isEmpty();
    }
  }

  /** Applies one write call to the index and returns one outcome per item, in input order. */
  public static Outcome apply(ItemIndex index, Op op, List<Item> items) {
    return apply(index, op, items, new PlaylistBook());
  }

  /**
   * Applies one write call to the index (for playlists, also to {@code playlists}, which gains the
   * playlists the call creates) and returns one outcome per item, in input order.
   */
  public static Outcome apply(ItemIndex index, Op op, List<Item> items, PlaylistBook playlists) {
    Objects.requireNonNull(index, "index");
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(items, "items");
    Changes changes =
        new Changes(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    List<ItemOutcome> outcomes = new ArrayList<>(items.size());
    PlaylistWrites members =
        index.feature() == Feature.PLAYLISTS ? new PlaylistWrites(index, playlists, changes) : null;
    for (Item item : items) {
      Objects.requireNonNull(item, "item");
      outcomes.add(members != null ? members.apply(op, item) : applyOne(index, op, item, changes));
    }
    if (members != null) {
      members.finish();
    }
    return new Outcome(new WriteResult(outcomes), changes);
  }

  private static ItemOutcome applyOne(ItemIndex index, Op op, Item item, Changes changes) {
    boolean ratings = index.feature() == Feature.RATINGS;
    boolean progress = index.feature() == Feature.PROGRESS;
    if (ratings && op != Op.REMOVE && item.rating() == null) {
      return ItemOutcome.failed(item, "rating_missing: a rating needs a value 1-10", false);
    }
    if (progress && op != Op.REMOVE && item.progressMs() == null) {
      return ItemOutcome.failed(item, "progress_missing: a resume point needs progress_ms", false);
    }
    List<ItemIndex.Entry> matches = index.matches(item);
    if (op == Op.REMOVE) {
      return remove(index, item, matches, changes);
    }
    if (matches.isEmpty()) {
      changes.added().add(index.add(item));
      return ItemOutcome.confirmed(item);
    }
    if (progress) {
      return resume(index, item, matches, changes);
    }
    if (!ratings) {
      return ItemOutcome.alreadyPresent(item);
    }
    return rate(index, op, item, matches, changes);
  }

  /** Sets the resume point of a held title; the same point is {@code ALREADY_PRESENT}. */
  private static ItemOutcome resume(
      ItemIndex index, Item item, List<ItemIndex.Entry> matches, Changes changes) {
    boolean changed = false;
    for (ItemIndex.Entry entry : matches) {
      Item held = entry.item();
      boolean same =
          Objects.equals(item.progressMs(), held.progressMs())
              && Objects.equals(item.pausedAt(), held.pausedAt())
              && (item.durationMs() == null || item.durationMs().equals(held.durationMs()));
      if (!same) {
        Long duration = item.durationMs() != null ? item.durationMs() : held.durationMs();
        index.replace(entry, held.withProgress(item.progressMs(), duration, item.pausedAt()));
        changes.replaced().add(entry);
        changed = true;
      }
    }
    return changed ? ItemOutcome.confirmed(item) : ItemOutcome.alreadyPresent(item);
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
