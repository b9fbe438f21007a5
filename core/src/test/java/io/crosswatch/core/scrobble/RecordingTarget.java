package io.crosswatch.core.scrobble;

import io.crosswatch.core.model.Item;
import io.crosswatch.core.provider.ProviderException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A sink for engine tests: records every call it takes, and can be made to fail the next calls
 * (each queued failure is thrown by one call).
 */
final class RecordingTarget implements ScrobbleTarget {
  /** One call the sink took. */
  record Taken(ScrobbleAction action, Item item, double progressPercent, Instant at) {}

  private final List<Taken> taken = new ArrayList<>();
  private final Deque<ProviderException> failures = new ArrayDeque<>();
  private ProviderException down;
  private int attempts;

  @Override
  public synchronized ScrobbleOutcome scrobble(
      ScrobbleAction action, Item item, double progressPercent, Instant at)
      throws ProviderException {
    attempts++;
    notifyAll();
    if (down != null) {
      throw down;
    }
    if (!failures.isEmpty()) {
      throw failures.poll();
    }
    taken.add(new Taken(action, item, progressPercent, at));
    notifyAll();
    return ScrobbleOutcome.SENT;
  }

  /** Every call fails with {@code failure} until {@link #recover}. */
  synchronized RecordingTarget down(ProviderException failure) {
    this.down = failure;
    return this;
  }

  synchronized void recover() {
    this.down = null;
  }

  /** The next call fails with {@code failure}. */
  synchronized RecordingTarget failNext(ProviderException failure) {
    failures.add(failure);
    return this;
  }

  synchronized List<Taken> taken() {
    return List.copyOf(taken);
  }

  synchronized List<ScrobbleAction> actions() {
    return taken.stream().map(Taken::action).toList();
  }

  /** Calls made, failed ones included. */
  synchronized int attempts() {
    return attempts;
  }

  /**
   * Waits (up to {@code millis}) until at least {@code count} calls were made; returns the count.
   */
  synchronized int awaitAttempts(int count, long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (attempts < count && System.currentTimeMillis() < deadline) {
      wait(Math.max(1, deadline - System.currentTimeMillis()));
    }
    return attempts;
  }

  /** Waits (up to {@code millis}) until at least {@code count} calls were taken. */
  synchronized List<Taken> awaitTaken(int count, long millis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + millis;
    while (taken.size() < count && System.currentTimeMillis() < deadline) {
      wait(Math.max(1, deadline - System.currentTimeMillis()));
    }
    return List.copyOf(taken);
  }
}
