package io.crosswatch.core.state;

import io.crosswatch.core.model.Feature;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Durable state of crosswatch: baselines, tombstones, unresolved and parked items, runs and the
 * journal. One interface, an in-memory and a SQLite implementation, held to one contract test.
 *
 * <p>Reads see committed data. All writes go through {@link #transaction}. Calls come from one
 * thread at a time.
 */
public interface StateStore extends AutoCloseable {

  /** The side's baseline, or empty when none was ever recorded. */
  Optional<Baseline> baseline(String pairId, Feature feature, Side side);

  /**
   * The digest stored beside a side's baseline by {@link StateTransaction#setBaselineDigest}; empty
   * when there is no baseline, no digest, or the baseline changed since the digest was stored.
   */
  Optional<String> baselineDigest(String pairId, Feature feature, Side side);

  /**
   * How many items each recorded baseline holds, ordered by pair, feature and side; {@code pairId}
   * null means every pair.
   */
  List<BaselineCount> baselineCounts(String pairId);

  /** Tombstones of a pair and feature, expired ones included (the planner checks the TTL). */
  List<Tombstone> tombstones(String pairId, Feature feature);

  /** All tombstones, for {@code cw state tombstones}; {@code pairId} null means every pair. */
  List<Tombstone> allTombstones(String pairId);

  /** Deletes tombstones removed before {@code cutoff}; returns how many. */
  int pruneTombstones(Instant cutoff);

  /** Items parked at {@code now} for a pair, feature and side. */
  List<ParkedItem> parked(String pairId, Feature feature, Side side, Instant now);

  /** All parked items (expired or not); {@code pairId} null means every pair. */
  List<ParkedItem> allParked(String pairId);

  /** Unparks items and resets their failure counts; {@code pairId} null means every pair. */
  int clearParked(String pairId);

  /** Unresolved items; {@code pairId} null means every pair. */
  List<UnresolvedItem> unresolved(String pairId);

  /** Forgets unresolved items; {@code pairId} null means every pair. Returns how many. */
  int clearUnresolved(String pairId);

  /** The journal of one run, in order. */
  List<JournalEntry> journal(String runId);

  /**
   * The journal entries of other runs written after the last entry of {@code runId}, in order
   * (everything of other runs when {@code runId} wrote nothing).
   */
  List<JournalEntry> journalAfter(String runId);

  /** Records the start of a run started from the command line. */
  default void runStarted(String runId, Instant at, boolean dryRun) {
    runStarted(runId, at, dryRun, RunRecord.CLI);
  }

  /**
   * Records the start of a run and what started it ({@code cli}, {@code api}, {@code schedule}).
   */
  void runStarted(String runId, Instant at, boolean dryRun, String trigger);

  /** Records the end of a run with its exit code and JSON summary. */
  void runFinished(String runId, Instant at, int exitCode, String summaryJson);

  /** The most recent runs, newest first. */
  List<RunRecord> recentRuns(int limit);

  /** The JSON summary recorded when a run finished; empty for unknown or unfinished runs. */
  Optional<String> runSummary(String runId);

  /** Runs {@code work} in one transaction: committed when it returns, rolled back if it throws. */
  void transaction(Consumer<StateTransaction> work);

  /**
   * Forgets everything about one pair: baselines, tombstones, unresolved, parked and failure counts
   * (the journal is kept). Returns how many rows were removed.
   */
  int resetPair(String pairId);

  @Override
  void close();
}
