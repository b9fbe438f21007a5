package io.crosswatch.providers.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * Hands out send slots that respect a {@link RatePolicy}. A slot is reserved under the lock and
 * waited for outside it, so concurrent callers queue up in order without holding the lock.
 *
 * <p>A service counts a request when it arrives, which is some time after the slot began. So that a
 * slow first request and a fast second one never look too close together to the service, each slot
 * is also marked {@link #done} when its answer arrived (the service has counted it by then): the
 * next write waits the full interval from that moment, and the GET window counts the slot from
 * then.
 */
final class Pacer {
  private final RatePolicy policy;
  private final Clock clock;
  private final ArrayDeque<Slot> getSlots = new ArrayDeque<>();
  private Instant nextWrite = Instant.EPOCH;
  private Instant pausedUntil = Instant.EPOCH;

  /** One reserved slot: when it starts and how long to wait for it. */
  static final class Slot {
    private final boolean write;
    private final Duration wait;
    private Instant at;

    private Slot(boolean write, Instant at, Duration wait) {
      this.write = write;
      this.at = at;
      this.wait = wait;
    }

    /** How long to wait before sending. */
    Duration waitTime() {
      return wait;
    }
  }

  Pacer(RatePolicy policy, Clock clock) {
    this.policy = policy;
    this.clock = clock;
  }

  /** Reserves the earliest allowed slot for one request. */
  synchronized Slot reserve(boolean write) {
    Instant now = clock.instant();
    Instant at = later(now, pausedUntil);
    if (write) {
      at = later(at, nextWrite);
      nextWrite = at.plus(policy.minWriteInterval());
    } else if (policy.limitsGets() && getSlots.size() >= policy.getBudget()) {
      at = later(at, getSlots.peekFirst().at.plus(policy.getWindow()));
    }
    Slot slot = new Slot(write, at, Duration.between(now, at));
    if (!write && policy.limitsGets()) {
      getSlots.addLast(slot);
      while (getSlots.size() > policy.getBudget()) {
        getSlots.pollFirst();
      }
    }
    return slot;
  }

  /** Marks a slot's request answered (or failed): limits count from now on. */
  synchronized void done(Slot slot) {
    Instant now = clock.instant();
    slot.at = later(slot.at, now);
    if (slot.write) {
      nextWrite = later(nextWrite, now.plus(policy.minWriteInterval()));
    }
  }

  /** How many GETs may start now without waiting (the budget when GETs are not paced). */
  synchronized int getsLeft() {
    Instant since = clock.instant().minus(policy.getWindow());
    long used = getSlots.stream().filter(slot -> slot.at.isAfter(since)).count();
    return (int) Math.max(0, policy.getBudget() - used);
  }

  /** Holds every request until {@code until} (the service asked us to wait). */
  synchronized void pauseUntil(Instant until) {
    pausedUntil = later(pausedUntil, until);
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
