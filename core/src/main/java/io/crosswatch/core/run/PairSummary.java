package io.crosswatch.core.run;

import java.util.List;

/**
 * Outcome of one pair.
 *
 * @param status {@code OK}, {@code SKIPPED} or {@code FAILED}
 * @param reason why the pair was skipped or failed; {@code null} when ok
 */
public record PairSummary(
    String id,
    String mode,
    Status status,
    String reason,
    String source,
    String target,
    List<FeatureSummary> features) {

  public PairSummary {
    features = List.copyOf(features);
  }
}
