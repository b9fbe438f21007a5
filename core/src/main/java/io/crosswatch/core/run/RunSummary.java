package io.crosswatch.core.run;

import io.crosswatch.core.provider.ApiUsage;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything a run did; rendered as the {@code --json} summary document. */
public record RunSummary(
    String runId,
    Instant startedAt,
    Instant finishedAt,
    long durationMs,
    boolean dryRun,
    int exitCode,
    List<PairSummary> pairs,
    Totals totals,
    Map<String, ApiUsage> api) {

  public RunSummary {
    pairs = List.copyOf(pairs);
    api = Map.copyOf(api);
  }
}
