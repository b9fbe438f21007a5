package io.crosswatch.core.run;

import java.util.List;

/**
 * Outcome of one pair.
 *
 * @param status {@code ok | skipped | failed}
 * @param reason why the pair was skipped or failed; {@code null} when ok
 */
public record PairSummary(
    String id,
    String mode,
    String status,
    String reason,
    String source,
    String target,
    List<FeatureSummary> features) {

  public PairSummary {
    features = List.copyOf(features);
  }
}
