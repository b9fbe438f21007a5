package io.crosswatch.core.state;

import static io.crosswatch.core.state.StateTimes.truncate;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.model.ItemKeys;
import io.crosswatch.core.state.InMemoryStateStore.Failure;
import io.crosswatch.core.state.MemoryTable.Scope;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** The writes of one in-memory transaction, undone together if the transaction fails. */
final class InMemoryTransaction extends OpenTransaction {
  private final InMemoryStateStore store;

  InMemoryTransaction(InMemoryStateStore store) {
    this.store = store;
  }

  @Override
  public void replaceBaseline(
      String pairId, Feature feature, Side side, Collection<Item> items, Instant at) {
    Scope scope = scope(pairId, feature, side);
    Map<String, Item> wanted = byKey(items, feature);
    store.baselineItems.removeIf(pairId, (s, key) -> s.equals(scope) && !wanted.containsKey(key));
    wanted.forEach((key, item) -> putIfChanged(scope, key, item));
    stamp(scope, at);
  }

  @Override
  public void addToBaseline(
      String pairId, Feature feature, Side side, Collection<Item> items, Instant at) {
    Scope scope = scope(pairId, feature, side);
    byKey(items, feature).forEach((key, item) -> putIfChanged(scope, key, item));
    stamp(scope, at);
  }

  @Override
  public void removeFromBaseline(
      String pairId, Feature feature, Side side, Collection<Item> items, Instant at) {
    Scope scope = scope(pairId, feature, side);
    if (!store.baselineUpdated.containsKey(scope)) {
      return; // nothing to remove from, and no baseline to create
    }
    for (Item item : items) {
      store.baselineItems.remove(scope, ItemKeys.key(item, feature));
    }
    stamp(scope, at);
  }

  @Override
  public void putTombstones(
      String pairId, Feature feature, Collection<Item> items, Instant removedAt) {
    Scope scope = scope(pairId, feature, null);
    Instant at = truncate(removedAt);
    byKey(items, feature)
        .forEach((key, item) -> store.tombstones.put(scope, key, new Tombstone(key, item, at)));
  }

  @Override
  public void removeTombstones(String pairId, Feature feature, Collection<Item> items) {
    Scope scope = scope(pairId, feature, null);
    for (Item item : items) {
      store.tombstones.remove(scope, ItemKeys.key(item, feature));
    }
  }

  @Override
  public void journal(
      String runId,
      String pairId,
      Feature feature,
      Side side,
      String op,
      Collection<Item> items,
      Function<Item, Item> previous,
      Instant at) {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(op, "op");
    scope(pairId, feature, side);
    for (Item item : items) {
      store.undo.add(
          store.journal,
          new JournalEntry(
              runId,
              pairId,
              feature,
              side,
              op,
              Objects.requireNonNull(item, "item"),
              truncate(at),
              previous.apply(item)));
    }
  }

  @Override
  public void putUnresolved(
      String pairId, Feature feature, Side side, Item item, String reason, Instant at) {
    Scope scope = scope(pairId, feature, side);
    String key = ItemKeys.key(item, feature);
    store.unresolved.put(
        scope,
        key,
        new UnresolvedItem(
            pairId,
            feature,
            side,
            key,
            item,
            Objects.requireNonNull(reason, "reason"),
            truncate(at)));
  }

  @Override
  public void removeUnresolved(String pairId, Feature feature, Side side, Collection<Item> items) {
    Scope scope = scope(pairId, feature, side);
    for (Item item : items) {
      store.unresolved.remove(scope, ItemKeys.key(item, feature));
    }
  }

  @Override
  public int recordFailure(
      String runId,
      String pairId,
      Feature feature,
      Side side,
      Item item,
      String reason,
      Instant at) {
    Objects.requireNonNull(runId, "runId");
    Scope scope = scope(pairId, feature, side);
    String key = ItemKeys.key(item, feature);
    Failure previous = store.failures.get(scope, key);
    int runs = 1;
    if (previous != null) {
      runs = runId.equals(previous.lastRunId()) ? previous.runs() : previous.runs() + 1;
    }
    store.failures.put(
        scope,
        key,
        new Failure(runs, runId, Objects.requireNonNull(reason, "reason"), truncate(at)));
    return runs;
  }

  @Override
  public void clearFailures(String pairId, Feature feature, Side side, Collection<Item> items) {
    Scope scope = scope(pairId, feature, side);
    for (Item item : items) {
      store.failures.remove(scope, ItemKeys.key(item, feature));
    }
  }

  @Override
  public void park(
      String pairId, Feature feature, Side side, Item item, String reason, Instant until) {
    Scope scope = scope(pairId, feature, side);
    String key = ItemKeys.key(item, feature);
    store.parked.put(
        scope,
        key,
        new ParkedItem(
            pairId,
            feature,
            side,
            key,
            item,
            Objects.requireNonNull(reason, "reason"),
            truncate(until)));
  }

  private void putIfChanged(Scope scope, String key, Item item) {
    if (!item.equals(store.baselineItems.get(scope, key))) {
      store.baselineItems.put(scope, key, item);
    }
  }

  private void stamp(Scope scope, Instant at) {
    store.undo.put(store.baselineUpdated, scope, truncate(at));
  }

  private Map<String, Item> byKey(Collection<Item> items, Feature feature) {
    Map<String, Item> out = new LinkedHashMap<>();
    for (Item item : items) {
      out.put(ItemKeys.key(item, feature), item);
    }
    return out;
  }

  private Scope scope(String pairId, Feature feature, Side side) {
    ensureOpen();
    return new Scope(pairId, feature, side);
  }
}
