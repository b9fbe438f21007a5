package io.crosswatch.testkit.fake;

import io.crosswatch.core.apply.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A clock that only moves when told to, with a {@link Sleeper} that moves it instead of waiting and
 * records every sleep. Share one between a client and a fake server and rate limits work without
 * real time passing. Thread-safe.
 */
public final class FakeTime extends Clock {
  private final Object lock = new Object();
  private final List<Duration> sleeps = new ArrayList<>();
  private Instant now;

  public FakeTime(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  /** A fake time starting at 2026-01-01T00:00:00Z. */
  public static FakeTime standard() {
    return new FakeTime(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Override
  public Instant instant() {
    synchronized (lock) {
      return now;
    }
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("FakeTime is always UTC");
  }

  /** Moves the clock forward. */
  public void advance(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("time does not go back: " + d);
    }
    synchronized (lock) {
      now = now.plus(d);
    }
  }

  /** A sleeper that records the wait and advances this clock by it. */
  public Sleeper sleeper() {
    return d -> {
      synchronized (lock) {
        sleeps.add(d);
        now = now.plus(d);
      }
    };
  }

  /** Every sleep so far, in order. */
  public List<Duration> sleeps() {
    synchronized (lock) {
      return List.copyOf(sleeps);
    }
  }

  /** The total of all sleeps so far. */
  public Duration slept() {
    synchronized (lock) {
      return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
  }

  /** Forgets the recorded sleeps (the clock keeps its time). */
  public void clearSleeps() {
    synchronized (lock) {
      sleeps.clear();
    }
  }
}
