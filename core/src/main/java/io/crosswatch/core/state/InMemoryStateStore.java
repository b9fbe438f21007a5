package io.crosswatch.core.state;

import static io.crosswatch.core.state.StateTimes.truncate;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.model.Item;
import io.crosswatch.core.state.MemoryTable.Scope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A state store held in memory, for tests and dry runs; it behaves like {@link SqliteStateStore}
 * (same ordering, times kept to the millisecond) but forgets everything when dropped.
 */
public final class InMemoryStateStore implements StateStore {
  /** Consecutive failed runs of one item. */
  record Failure(int runs, String lastRunId, String reason, Instant at) {}

  private record Run(RunRecord record, long seq, String summaryJson) {}

  final UndoLog undo = new UndoLog();
  final MemoryTable<Item> baselineItems = new MemoryTable<>(undo);
  final Map<Scope, Instant> baselineUpdated = new HashMap<>();
  final MemoryTable<Tombstone> tombstones = new MemoryTable<>(undo);
  final MemoryTable<UnresolvedItem> unresolved = new MemoryTable<>(undo);
  final MemoryTable<Failure> failures = new MemoryTable<>(undo);
  final MemoryTable<ParkedItem> parked = new MemoryTable<>(undo);
  final List<JournalEntry> journal = new ArrayList<>();
  private final Map<String, Run> runs = new LinkedHashMap<>();
  private long runSeq;
  private boolean closed;

  /** An empty store. */
  public InMemoryStateStore() {}

  @Override
  public synchronized Optional<Baseline> baseline(String pairId, Feature feature, Side side) {
    ensureOpen();
    Scope scope = new Scope(pairId, feature, side);
    Instant updated = baselineUpdated.get(scope);
    return updated == null
        ? Optional.empty()
        : Optional.of(new Baseline(baselineItems.in(scope), updated));
  }

  @Override
  public synchronized List<Tombstone> tombstones(String pairId, Feature feature) {
    ensureOpen();
    return tombstones.in(new Scope(pairId, feature, null));
  }

  @Override
  public synchronized List<Tombstone> allTombstones(String pairId) {
    ensureOpen();
    return tombstones.all(pairId);
  }

  @Override
  public synchronized int pruneTombstones(Instant cutoff) {
    ensureOpen();
    Instant limit = truncate(cutoff);
    return tombstones.removeIf(
        null, (scope, key) -> tombstones.get(scope, key).removedAt().isBefore(limit));
  }

  @Override
  public synchronized List<ParkedItem> parked(
      String pairId, Feature feature, Side side, Instant now) {
    ensureOpen();
    Instant at = truncate(now);
    return parked.in(new Scope(pairId, feature, side)).stream()
        .filter(p -> p.until().isAfter(at))
        .toList();
  }

  @Override
  public synchronized List<ParkedItem> allParked(String pairId) {
    ensureOpen();
    return parked.all(pairId);
  }

  @Override
  public synchronized int clearParked(String pairId) {
    ensureOpen();
    failures.removeIf(pairId, (scope, key) -> parked.get(scope, key) != null);
    return parked.removeIf(pairId, (scope, key) -> true);
  }

  @Override
  public synchronized List<UnresolvedItem> unresolved(String pairId) {
    ensureOpen();
    return unresolved.all(pairId);
  }

  @Override
  public synchronized int clearUnresolved(String pairId) {
    ensureOpen();
    return unresolved.removeIf(pairId, (scope, key) -> true);
  }

  @Override
  public synchronized List<JournalEntry> journal(String runId) {
    ensureOpen();
    return journal.stream().filter(e -> e.runId().equals(runId)).toList();
  }

  @Override
  public synchronized List<JournalEntry> journalAfter(String runId) {
    ensureOpen();
    int last = -1;
    for (int i = 0; i < journal.size(); i++) {
      if (journal.get(i).runId().equals(runId)) {
        last = i;
      }
    }
    return journal.subList(last + 1, journal.size()).stream()
        .filter(e -> !e.runId().equals(runId))
        .toList();
  }

  @Override
  public synchronized void runStarted(String runId, Instant at, boolean dryRun) {
    Objects.requireNonNull(runId, "runId");
    ensureOpen();
    Run old = runs.get(runId);
    RunRecord base = old == null ? null : old.record();
    RunRecord record =
        new RunRecord(
            runId,
            truncate(at),
            base == null ? null : base.finishedAt(),
            dryRun,
            base == null ? null : base.exitCode());
    undo.put(
        runs,
        runId,
        new Run(
            record, old == null ? ++runSeq : old.seq(), old == null ? null : old.summaryJson()));
  }

  @Override
  public synchronized void runFinished(String runId, Instant at, int exitCode, String summaryJson) {
    Objects.requireNonNull(runId, "runId");
    ensureOpen();
    Instant finished = truncate(at);
    Run old = runs.get(runId);
    RunRecord record =
        old == null
            ? new RunRecord(runId, finished, finished, false, exitCode)
            : new RunRecord(
                runId, old.record().startedAt(), finished, old.record().dryRun(), exitCode);
    undo.put(runs, runId, new Run(record, old == null ? ++runSeq : old.seq(), summaryJson));
  }

  @Override
  public synchronized List<RunRecord> recentRuns(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, got " + limit);
    }
    ensureOpen();
    return runs.values().stream()
        .sorted(
            Comparator.comparing((Run r) -> r.record().startedAt())
                .thenComparingLong(Run::seq)
                .reversed())
        .limit(limit)
        .map(Run::record)
        .toList();
  }

  @Override
  public synchronized void transaction(Consumer<StateTransaction> work) {
    Objects.requireNonNull(work, "work");
    ensureOpen();
    if (undo.active()) {
      throw new IllegalStateException("state transactions do not nest");
    }
    InMemoryTransaction tx = new InMemoryTransaction(this);
    undo.begin();
    try {
      work.accept(tx);
      undo.commit();
    } catch (RuntimeException | Error e) {
      undo.rollback();
      throw e;
    } finally {
      tx.end();
    }
  }

  @Override
  public synchronized int resetPair(String pairId) {
    Objects.requireNonNull(pairId, "pairId");
    ensureOpen();
    int removed = 0;
    for (MemoryTable<?> table : List.of(baselineItems, tombstones, unresolved, parked, failures)) {
      removed += table.removeIf(pairId, (scope, key) -> true);
    }
    for (Scope scope : List.copyOf(baselineUpdated.keySet())) {
      if (scope.pairId().equals(pairId)) {
        undo.remove(baselineUpdated, scope);
      }
    }
    return removed;
  }

  @Override
  public synchronized void close() {
    closed = true;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("in-memory state store is closed");
    }
  }
}
