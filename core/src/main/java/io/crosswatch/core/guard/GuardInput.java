package io.crosswatch.core.guard;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.state.Side;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the guards need besides the plan.
 *
 * @param providers provider label per side, for messages
 * @param presentCounts items each side holds now
 * @param baselineCounts items each side's baseline held ({@code null} entries: no baseline yet)
 * @param parkedKeys storage keys parked per side (writes to them are withheld)
 * @param suspectMinPrev {@code runtime.suspect_min_prev}
 * @param suspectShrinkRatio {@code runtime.suspect_shrink_ratio}
 * @param maxRemoveRatio {@code sync.max_remove_ratio}
 */
public record GuardInput(
    String pairId,
    Feature feature,
    Map<Side, String> providers,
    Map<Side, Integer> presentCounts,
    Map<Side, Integer> baselineCounts,
    Map<Side, Set<String>> parkedKeys,
    int suspectMinPrev,
    double suspectShrinkRatio,
    double maxRemoveRatio) {

  public GuardInput {
    Objects.requireNonNull(pairId, "pairId");
    Objects.requireNonNull(feature, "feature");
    providers = Map.copyOf(providers);
    presentCounts = Map.copyOf(presentCounts);
    baselineCounts = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(baselineCounts));
    parkedKeys = Map.copyOf(parkedKeys);
  }

  int present(Side side) {
    return presentCounts.getOrDefault(side, 0);
  }

  Integer baseline(Side side) {
    return baselineCounts.get(side);
  }

  Set<String> parked(Side side) {
    return parkedKeys.getOrDefault(side, Set.of());
  }
}
