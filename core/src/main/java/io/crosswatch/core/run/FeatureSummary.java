package io.crosswatch.core.run;

import java.util.List;

/**
 * Outcome of one feature of one pair.
 *
 * @param status how the feature ended
 * @param unchanged whether the feature was not planned because neither side changed since the last
 *     run that left both in step (its counts then come from the baselines)
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
    long durationMs,
    boolean unchanged) {

  public FeatureSummary {
    warnings = List.copyOf(warnings);
  }

  /** The summary of a feature that was read and planned. */
  public FeatureSummary(
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
    this(
        feature,
        status,
        sourceCount,
        targetCount,
        planned,
        applied,
        unresolved,
        blocked,
        chunks,
        warnings,
        durationMs,
        false);
  }
}
