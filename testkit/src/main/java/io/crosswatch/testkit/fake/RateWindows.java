package io.crosswatch.testkit.fake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-key rate limits of a fake service: reads within a budget per sliding window, writes spaced by
 * an interval. A refused request does not count; every refusal is counted, so tests can assert that
 * a client never caused one.
 */
public final class RateWindows {
  /**
   * A refused request.
   *
   * @param write whether the write interval (not the read window) refused it
   * @param until when the request would have been admitted
   * @param now when it was refused
   */
  public record Refusal(boolean write, Instant until, Instant now) {
    /** Seconds to wait, rounded up, at least 1: the {@code Retry-After} to send. */
    public long retryAfterSeconds() {
      long millis = Duration.between(now, until).toMillis();
      return Math.max(1, (millis + 999) / 1000);
    }
  }

  private final int readLimit;
  private final Duration readWindow;
  private final Duration writeInterval;
  private final Clock clock;
  private final Map<String, ArrayDeque<Instant>> reads = new HashMap<>();
  private final Map<String, Instant> lastWrite = new HashMap<>();
  private long rejected;

  /** Limits of {@code readLimit} reads per {@code readWindow} and one write per interval. */
  public RateWindows(int readLimit, Duration readWindow, Duration writeInterval, Clock clock) {
    this.readLimit = readLimit;
    this.readWindow = Objects.requireNonNull(readWindow, "readWindow");
    this.writeInterval = Objects.requireNonNull(writeInterval, "writeInterval");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Counts the request of {@code key}, or says why it is over a limit. */
  public synchronized Optional<Refusal> admit(String key, boolean write) {
    Instant now = clock.instant();
    if (write) {
      Instant last = lastWrite.get(key);
      if (last != null && now.isBefore(last.plus(writeInterval))) {
        return refuse(true, last.plus(writeInterval), now);
      }
      lastWrite.put(key, now);
      return Optional.empty();
    }
    ArrayDeque<Instant> window = reads.computeIfAbsent(key, k -> new ArrayDeque<>());
    while (!window.isEmpty() && !window.peekFirst().isAfter(now.minus(readWindow))) {
      window.pollFirst();
    }
    if (window.size() >= readLimit) {
      return refuse(false, window.peekFirst().plus(readWindow), now);
    }
    window.addLast(now);
    return Optional.empty();
  }

  /** How many requests were refused. */
  public synchronized long rejected() {
    return rejected;
  }

  private Optional<Refusal> refuse(boolean write, Instant until, Instant now) {
    rejected++;
    return Optional.of(new Refusal(write, until, now));
  }
}
