package io.crosswatch.core.run;

import java.util.List;

/**
 * Outcome of one feature of one pair.
 *
 * @param status how the feature ended
 */
public record FeatureSummary(
    String feature,
    Status status,
    int sourceCount,
    int targetCount,
    SideCounts planned,
    SideCounts applied,
    int unresolved,
    int blocked,
    int chunks,
    List<String> warnings,
    long durationMs) {

  public FeatureSummary {
    warnings = List.copyOf(warnings);
  }
}
