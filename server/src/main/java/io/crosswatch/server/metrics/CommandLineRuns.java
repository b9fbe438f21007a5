package io.crosswatch.server.metrics;

import io.crosswatch.core.state.RunRecord;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Finds the command line's runs ({@code cw run} next to the service) that finished since the
 * service started, each once, in the runs table of the state database.
 *
 * <p>Reads the most recent runs on each call and remembers which of them it has reported; a run
 * that has left that window is never reported again. More command-line runs than the window holds
 * between two calls are reported only up to the window.
 */
public final class CommandLineRuns {
  /** How many of the most recent runs each call reads. */
  public static final int WINDOW = 200;

  private final Supplier<List<RunRecord>> recent;
  private final Instant since;
  private final Set<String> reported = new HashSet<>();

  /**
   * @param recent the {@link #WINDOW} most recent runs of the runs table
   * @param since when the service started; runs finished before are not reported
   */
  public CommandLineRuns(Supplier<List<RunRecord>> recent, Instant since) {
    this.recent = Objects.requireNonNull(recent, "recent");
    this.since = Objects.requireNonNull(since, "since");
  }

  /** The command line's runs finished since the last call (or since the service started). */
  public synchronized List<RunRecord> newlyFinished() {
    List<RunRecord> runs = recent.get();
    List<RunRecord> fresh =
        runs.stream()
            .filter(r -> RunRecord.CLI.equals(r.trigger()))
            .filter(r -> r.finishedAt() != null && r.exitCode() != null)
            .filter(r -> !r.finishedAt().isBefore(since))
            .filter(r -> !reported.contains(r.runId()))
            .toList();
    fresh.forEach(r -> reported.add(r.runId()));
    reported.retainAll(runs.stream().map(RunRecord::runId).toList());
    return fresh;
  }
}
