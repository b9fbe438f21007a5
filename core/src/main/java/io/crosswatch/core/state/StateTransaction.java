package io.crosswatch.core.state;

import io.crosswatch.core.apply.WriteOp;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import java.time.Instant;
import java.util.Collection;
import java.util.function.Function;

/**
 * Writes made inside one {@link StateStore#transaction}: all of them are committed together or none
 * is. Items are stored under {@link io.crosswatch.core.model.ItemKeys#key(Item, Feature)}.
 */
public interface StateTransaction {

  /** Sets a side's baseline to exactly these items (unchanged rows are not rewritten). */
  void replaceBaseline(
      String pairId, Feature feature, Side side, Collection<Item> items, Instant at);

  /**
   * Stores a digest beside an existing baseline (nothing happens when the side has none). Any later
   * change of that baseline forgets the digest.
   */
  void setBaselineDigest(String pairId, Feature feature, Side side, String digest);

  /** Adds or replaces items in a side's baseline (creating it if missing). */
  void addToBaseline(String pairId, Feature feature, Side side, Collection<Item> items, Instant at);

  /** Removes items (by their keys) from a side's baseline. */
  void removeFromBaseline(
      String pairId, Feature feature, Side side, Collection<Item> items, Instant at);

  /** Records removals; an existing tombstone for the same key is replaced. */
  void putTombstones(String pairId, Feature feature, Collection<Item> items, Instant removedAt);

  /** Forgets tombstones of these items (by their keys). */
  void removeTombstones(String pairId, Feature feature, Collection<Item> items);

  /** Appends applied changes to the journal. */
  default void journal(
      String runId,
      String pairId,
      Feature feature,
      Side side,
      WriteOp op,
      Collection<Item> items,
      Instant at) {
    journal(runId, pairId, feature, side, op, items, item -> null, at);
  }

  /**
   * Appends applied changes to the journal, each with what the side held before it ({@code
   * previous} answers {@code null} when nothing is known), so that an update can be undone.
   */
  void journal(
      String runId,
      String pairId,
      Feature feature,
      Side side,
      WriteOp op,
      Collection<Item> items,
      Function<Item, Item> previous,
      Instant at);

  /** Records (or refreshes) an unresolved item. */
  void putUnresolved(
      String pairId, Feature feature, Side side, Item item, String reason, Instant at);

  /** Forgets unresolved entries of these items (they arrived). */
  void removeUnresolved(String pairId, Feature feature, Side side, Collection<Item> items);

  /**
   * Counts a permanent write failure of an item in run {@code runId} and returns how many runs in a
   * row it has failed (a second failure in the same run does not count again).
   */
  int recordFailure(
      String runId,
      String pairId,
      Feature feature,
      Side side,
      Item item,
      String reason,
      Instant at);

  /** Forgets failure counts of these items (their write succeeded). */
  void clearFailures(String pairId, Feature feature, Side side, Collection<Item> items);

  /** Parks an item until {@code until}. */
  void park(String pairId, Feature feature, Side side, Item item, String reason, Instant until);
}
