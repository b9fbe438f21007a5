package io.crosswatch.providers.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How fast one provider instance may send: a minimum interval between writes (POST, PUT, PATCH,
 * DELETE, measured between send times) and a GET budget per sliding window.
 *
 * @param minWriteInterval the least time between two writes; zero for no write pacing
 * @param getBudget how many GETs may start within {@code getWindow}; 0 for no GET pacing
 * @param getWindow the GET budget's sliding window
 */
public record RatePolicy(Duration minWriteInterval, int getBudget, Duration getWindow) {

  public RatePolicy {
    Objects.requireNonNull(minWriteInterval, "minWriteInterval");
    Objects.requireNonNull(getWindow, "getWindow");
    if (minWriteInterval.isNegative()) {
      throw new IllegalArgumentException("minWriteInterval must not be negative");
    }
    if (getBudget < 0 || getWindow.isNegative()) {
      throw new IllegalArgumentException("getBudget and getWindow must not be negative");
    }
    if (getBudget > 0 && getWindow.isZero()) {
      throw new IllegalArgumentException("a GET budget needs a window longer than zero");
    }
  }

  /** No pacing at all. */
  public static RatePolicy unlimited() {
    return new RatePolicy(Duration.ZERO, 0, Duration.ZERO);
  }

  /** Writes spaced by {@code minWriteInterval}, at most {@code getBudget} GETs per window. */
  public static RatePolicy of(Duration minWriteInterval, int getBudget, Duration getWindow) {
    return new RatePolicy(minWriteInterval, getBudget, getWindow);
  }

  /** Whether GETs are budgeted. */
  public boolean limitsGets() {
    return getBudget > 0;
  }
}
