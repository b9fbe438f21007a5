package io.crosswatch.core.provider;

import io.crosswatch.core.model.Item;
import java.util.ArrayList;
import java.util.List;

/** The per-item outcomes of one write call, one per item passed, in any order. */
public record WriteResult(List<ItemOutcome> outcomes) {

  public WriteResult {
    outcomes = List.copyOf(outcomes);
  }

  /** Every item confirmed. */
  public static WriteResult allConfirmed(List<Item> items) {
    List<ItemOutcome> list = new ArrayList<>(items.size());
    for (Item item : items) {
      list.add(ItemOutcome.confirmed(item));
    }
    return new WriteResult(list);
  }
}
