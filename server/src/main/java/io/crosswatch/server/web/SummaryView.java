package io.crosswatch.server.web;

import java.util.List;

/**
 * A finished run as a table: a row per pair and feature, the totals, and every warning.
 *
 * @param outcome a sentence for the exit code
 * @param tone {@code ok}, {@code warn} or {@code bad}
 */
public record SummaryView(
    String runId,
    int exitCode,
    String outcome,
    String tone,
    boolean dryRun,
    long durationMs,
    String startedAt,
    String finishedAt,
    List<Row> rows,
    List<String> pairProblems,
    List<String> warnings,
    long added,
    long removed,
    long updated,
    long unresolved,
    long blocked) {
  public SummaryView {
    rows = List.copyOf(rows);
    pairProblems = List.copyOf(pairProblems);
    warnings = List.copyOf(warnings);
  }

  /** One pair and feature. */
  public record Row(
      String pair,
      String feature,
      String status,
      String tone,
      long sourceCount,
      long targetCount,
      String toTarget,
      String toSource,
      long unresolved,
      long blocked) {}
}
