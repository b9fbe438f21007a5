package io.crosswatch.core.state;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Times kept by the state store (removal, parking, run and journal times) are kept to the ms. */
final class StateTimes {
  private StateTimes() {}

  static Instant truncate(Instant at) {
    return at.truncatedTo(ChronoUnit.MILLIS);
  }

  static long millis(Instant at) {
    return at.toEpochMilli();
  }

  static Instant instant(long millis) {
    return Instant.ofEpochMilli(millis);
  }
}
