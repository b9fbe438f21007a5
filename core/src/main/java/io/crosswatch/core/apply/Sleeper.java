package io.crosswatch.core.apply;

import java.time.Duration;

/** Waits; injected so that backoff and pauses are tested without real time passing. */
@FunctionalInterface
public interface Sleeper {

  /** Sleeps for {@code duration}. */
  void sleep(Duration duration) throws InterruptedException;

  /** Real sleeping. */
  Sleeper SYSTEM = d -> Thread.sleep(Math.max(0, d.toMillis()));
}
