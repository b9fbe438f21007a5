package io.crosswatch.core.state;

import java.time.Instant;

/**
 * One run as recorded in the state database; {@code finishedAt} and {@code exitCode} may be null.
 */
public record RunRecord(
    String runId, Instant startedAt, Instant finishedAt, boolean dryRun, Integer exitCode) {}
