package io.crosswatch.core.provider;

import java.time.Duration;
import java.util.Objects;

/**
 * What a write costs on a service that takes one call per item: how many calls and how long they
 * take at the provider's pacing. Shown with the plan so that a long write is no surprise.
 *
 * @param calls the number of requests the write sends
 * @param duration how long those requests take at the pacing, at the least
 */
public record WriteCost(int calls, Duration duration) {

  public WriteCost {
    Objects.requireNonNull(duration, "duration");
    if (calls < 0) {
      throw new IllegalArgumentException("calls must be ≥ 0");
    }
  }

  /** The cost of {@code items} writes of one call each, sent {@code pacing} apart. */
  public static WriteCost perItem(int items, Duration pacing) {
    return new WriteCost(items, pacing.multipliedBy(items));
  }
}
