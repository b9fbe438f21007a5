package io.crosswatch.core.run;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.state.RunRecord;
import java.util.Objects;
import java.util.Set;

/**
 * What to run.
 *
 * @param runId unique id of this run (also names the event log)
 * @param pairIds pairs to run; empty means every enabled pair
 * @param features features to run; empty means every enabled feature
 * @param dryRun plan only, write nothing to providers or state
 * @param trigger what started the run, recorded with it: {@code cli}, {@code api} or {@code
 *     schedule}
 */
public record RunRequest(
    String runId, Set<String> pairIds, Set<Feature> features, boolean dryRun, String trigger) {
  public RunRequest {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(trigger, "trigger");
    pairIds = Set.copyOf(pairIds);
    features = Set.copyOf(features);
  }

  /** A run started from the command line. */
  public RunRequest(String runId, Set<String> pairIds, Set<Feature> features, boolean dryRun) {
    this(runId, pairIds, features, dryRun, RunRecord.CLI);
  }
}
