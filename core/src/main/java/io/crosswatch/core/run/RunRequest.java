package io.crosswatch.core.run;

import io.crosswatch.core.model.Feature;
import java.util.Objects;
import java.util.Set;

/**
 * What to run.
 *
 * @param runId unique id of this run (also names the event log)
 * @param pairIds pairs to run; empty means every enabled pair
 * @param features features to run; empty means every enabled feature
 * @param dryRun plan only, write nothing to providers or state
 */
public record RunRequest(String runId, Set<String> pairIds, Set<Feature> features, boolean dryRun) {
  public RunRequest {
    Objects.requireNonNull(runId, "runId");
    pairIds = Set.copyOf(pairIds);
    features = Set.copyOf(features);
  }
}
