package io.crosswatch.core.run;

import io.crosswatch.core.apply.ChunkResult;
import io.crosswatch.core.apply.WriteOp;
import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.plan.Plan;
import io.crosswatch.core.plan.PlannedUnresolved;
import io.crosswatch.core.provider.ItemOutcome;
import io.crosswatch.core.state.Baseline;
import io.crosswatch.core.state.Side;
import io.crosswatch.core.state.StateStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The state bookkeeping of one pair and feature: what is committed before any write, and what each
 * written chunk commits. Every method is one state transaction.
 */
final class FeatureLedger {
  static final Duration PARK_FOR = Duration.ofDays(30);
  static final int PARK_AFTER_FAILED_RUNS = 3;

  private final StateStore store;
  private final String runId;
  private final String pairId;
  private final Feature feature;

  /** The items of a chunk that arrived and those that did not. */
  record ChunkOutcome(List<Item> done, List<ItemOutcome> failed) {}

  FeatureLedger(StateStore store, String runId, String pairId, Feature feature) {
    this.store = store;
    this.runId = runId;
    this.pairId = pairId;
    this.feature = feature;
  }

  /**
   * Before any write: baselines become the present snapshots (except where a guard keeps them),
   * detected deletions become tombstones, and unmatched items are recorded. A crash after this
   * point forgets nothing: deletions live on as tombstones, and adds are planned again.
   */
  void commitPlan(
      Plan plan,
      Map<Side, List<Item>> present,
      Map<Side, Baseline> baselines,
      Set<Side> keepBaseline,
      Instant now) {
    store.transaction(
        tx -> {
          for (Side side : Side.values()) {
            if (!keepBaseline.contains(side)
                && !sameItems(baselines.get(side), present.get(side))) {
              tx.replaceBaseline(pairId, feature, side, present.get(side), now);
            }
            List<Item> deleted = plan.deletedOn(side);
            if (!deleted.isEmpty()) {
              tx.putTombstones(pairId, feature, deleted, now);
            }
          }
          for (PlannedUnresolved u : plan.unresolved()) {
            tx.putUnresolved(pairId, feature, u.side(), u.item(), u.reason(), now);
          }
        });
  }

  /** Whether a baseline already holds exactly these items (then it need not be rewritten). */
  private static boolean sameItems(Baseline baseline, List<Item> items) {
    if (baseline == null || baseline.items().size() != items.size()) {
      return false;
    }
    return new HashSet<>(baseline.items()).containsAll(items);
  }

  /**
   * Commits one written chunk: arrived items join (or leave) the baseline and the journal and stop
   * being unresolved; failed ones are recorded with their reason, and a permanent failure counts
   * towards parking. A removal of an item that is already gone counts as arrived.
   */
  ChunkOutcome commitChunk(
      Side side, WriteOp op, ChunkResult chunk, Function<Item, Item> previous, Instant now) {
    List<Item> done = new ArrayList<>();
    List<ItemOutcome> failed = new ArrayList<>();
    for (ItemOutcome o : chunk.outcomes()) {
      boolean goneAlready = op == WriteOp.REMOVE && o.status() == ItemOutcome.Status.NOT_FOUND;
      if (o.succeeded() || goneAlready) {
        done.add(o.item());
      } else {
        failed.add(o);
      }
    }
    store.transaction(
        tx -> {
          if (op == WriteOp.REMOVE) {
            tx.removeFromBaseline(pairId, feature, side, done, now);
          } else {
            tx.addToBaseline(pairId, feature, side, done, now);
          }
          tx.journal(runId, pairId, feature, side, op, done, previous, now);
          tx.removeUnresolved(pairId, feature, side, done);
          tx.clearFailures(pairId, feature, side, done);
          for (ItemOutcome o : failed) {
            String reason = reason(o);
            tx.putUnresolved(pairId, feature, side, o.item(), reason, now);
            if (!o.retriable()) {
              int runs = tx.recordFailure(runId, pairId, feature, side, o.item(), reason, now);
              if (runs >= PARK_AFTER_FAILED_RUNS) {
                tx.park(pairId, feature, side, o.item(), reason, now.plus(PARK_FOR));
              }
            }
          }
        });
    return new ChunkOutcome(done, failed);
  }

  static String reason(ItemOutcome o) {
    return o.reason() == null ? o.status().name().toLowerCase(Locale.ROOT) : o.reason();
  }
}
