package io.crosswatch.providers.playback;

import java.time.Duration;

/**
 * The growing wait between a watcher's failed attempts: doubling from {@code first} up to {@code
 * max}, back to {@code first} after a success. Not thread-safe; one per watcher thread.
 */
public final class Backoff {
  private final Duration first;
  private final Duration max;
  private Duration next;

  public Backoff(Duration first, Duration max) {
    this.first = first;
    this.max = max;
    this.next = first;
  }

  /** The wait after one more failure. */
  public Duration next() {
    Duration wait = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(max) > 0 ? max : doubled;
    return wait;
  }

  /** Starts over after a success. */
  public void reset() {
    next = first;
  }
}
