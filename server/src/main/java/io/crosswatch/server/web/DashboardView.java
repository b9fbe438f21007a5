package io.crosswatch.server.web;

import java.util.List;

/**
 * What the dashboard shows: each pair with its last result, the schedule, recent runs.
 *
 * @param nextRunAt the next scheduled run, or empty when no schedule is set
 * @param runningRunId the run going on now, or empty
 * @param notice a message from the last action (e.g. a run that could not start), or empty
 */
public record DashboardView(
    List<PairCard> pairs, String nextRunAt, String runningRunId, List<RunRow> runs, String notice) {
  public DashboardView {
    pairs = List.copyOf(pairs);
    runs = List.copyOf(runs);
  }

  /** One pair: where it syncs from and to, how, and how its last run went. */
  public record PairCard(
      String id,
      boolean enabled,
      String source,
      String target,
      String mode,
      List<String> features,
      PairResult last) {
    public PairCard {
      features = List.copyOf(features);
    }

    public boolean twoWay() {
      return "two-way".equals(mode);
    }

    public boolean ran() {
      return last != null;
    }
  }

  /** One recorded run. */
  public record RunRow(
      String runId,
      String startedAt,
      String finishedAt,
      String outcome,
      String tone,
      boolean dryRun,
      String trigger) {}
}
