package io.crosswatch.core.state;

import java.time.Instant;
import java.util.Objects;

/**
 * One run as recorded in the state database; {@code finishedAt} and {@code exitCode} may be null.
 *
 * @param trigger what started the run: {@code cli}, {@code api} or {@code schedule}
 */
public record RunRecord(
    String runId,
    Instant startedAt,
    Instant finishedAt,
    boolean dryRun,
    Integer exitCode,
    String trigger) {
  public RunRecord {
    Objects.requireNonNull(trigger, "trigger");
  }

  /** A run started from the command line. */
  public RunRecord(
      String runId, Instant startedAt, Instant finishedAt, boolean dryRun, Integer exitCode) {
    this(runId, startedAt, finishedAt, dryRun, exitCode, RunRecord.CLI);
  }

  /** The trigger of runs started from the command line. */
  public static final String CLI = "cli";
}
