package io.crosswatch.server.web;

import java.util.List;

/**
 * What the state page shows: unresolved and parked items with their reasons, and tombstones.
 *
 * @param notice what the last action did, or empty
 */
public record StateView(
    List<ItemRow> unresolved,
    List<ItemRow> parked,
    List<TombstoneRow> tombstones,
    List<String> pairsWithItems,
    int tombstoneTtlDays,
    String notice) {
  public StateView {
    unresolved = List.copyOf(unresolved);
    parked = List.copyOf(parked);
    tombstones = List.copyOf(tombstones);
    pairsWithItems = List.copyOf(pairsWithItems);
  }

  /**
   * An unresolved or parked item; {@code when} is since when (unresolved) or until when (parked).
   */
  public record ItemRow(
      String pair, String feature, String side, String item, String reason, String when) {}

  /** A remembered removal. */
  public record TombstoneRow(String pair, String item, String removedAt) {}
}
