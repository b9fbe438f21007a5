package io.crosswatch.testkit;

import io.crosswatch.core.apply.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Sleeper} for background loops under test: each sleep is recorded and then blocks until
 * the test lets one round pass ({@link #step()}), so that a test decides when a watcher polls
 * again, without waiting for real time. {@link #awaitSleeping(int)} tells when the loop has
 * finished a round. Thread-safe.
 */
public final class SteppedSleeper implements Sleeper {
  private final List<Duration> sleeps = new ArrayList<>();
  private int permits;

  @Override
  public synchronized void sleep(Duration duration) throws InterruptedException {
    sleeps.add(duration);
    notifyAll();
    while (permits == 0) {
      wait();
    }
    permits--;
  }

  /** Lets one waiting (or the next) sleep return. */
  public synchronized void step() {
    permits++;
    notifyAll();
  }

  /**
   * Waits until the loop has gone to sleep {@code count} times in all (that is, finished that many
   * rounds); fails after 30 seconds, which only a broken loop takes.
   */
  public synchronized void awaitSleeping(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (sleeps.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError(
            "the loop slept " + sleeps.size() + " times, expected " + count + " within 30 s");
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  /** Every sleep asked for so far, in order. */
  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }
}
