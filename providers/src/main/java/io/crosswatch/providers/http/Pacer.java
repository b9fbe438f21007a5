package io.crosswatch.providers.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * Hands out send slots that respect a {@link RatePolicy}. A slot is reserved under the lock and
 * waited for outside it, so concurrent callers queue up in order without holding the lock.
 */
final class Pacer {
  private final RatePolicy policy;
  private final Clock clock;
  private final ArrayDeque<Instant> getSlots = new ArrayDeque<>();
  private Instant nextWrite = Instant.EPOCH;
  private Instant pausedUntil = Instant.EPOCH;

  Pacer(RatePolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  /** Reserves the earliest allowed slot for one request and returns how long to wait for it. */
  synchronized Duration reserve(boolean write) {
    Instant now = clock.instant();
    Instant at = later(now, pausedUntil);
    if (write) {
      at = later(at, nextWrite);
      nextWrite = at.plus(policy.minWriteInterval());
    } else if (policy.limitsGets()) {
      if (getSlots.size() >= policy.getBudget()) {
        at = later(at, getSlots.peekFirst().plus(policy.getWindow()));
      }
      getSlots.addLast(at);
      while (getSlots.size() > policy.getBudget()) {
        getSlots.pollFirst();
      }
    }
    return Duration.between(now, at);
  }

  /** Holds every request until {@code until} (the service asked us to wait). */
  synchronized void pauseUntil(Instant until) {
    pausedUntil = later(pausedUntil, until);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
