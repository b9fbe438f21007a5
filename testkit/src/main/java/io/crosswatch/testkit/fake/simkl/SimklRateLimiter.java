package io.crosswatch.testkit.fake.simkl;

import io.crosswatch.testkit.fake.FakeResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * SIMKL's per-token limits: GETs within a budget per sliding window, POSTs spaced by an interval.
 * Requests over a limit get 429 (with {@code Retry-After}, which SIMKL is assumed to send) and do
 * not count. Every 429 is counted, so tests can assert that a client never caused one.
 */
final class SimklRateLimiter {
  private final int getLimit;
  private final Duration getWindow;
  private final Duration postInterval;
  private final Clock clock;
  private final Map<String, ArrayDeque<Instant>> gets = new HashMap<>();
  private final Map<String, Instant> lastPost = new HashMap<>();
  private long rejected;

  SimklRateLimiter(int getLimit, Duration getWindow, Duration postInterval, Clock clock) {
    this.getLimit = getLimit;
    this.getWindow = getWindow;
    this.postInterval = postInterval;
    this.clock = clock;
  }

  /** Counts the request, or answers 429 when it is over a limit. */
  synchronized Optional<FakeResponse> admit(String token, boolean post) {
    Instant now = clock.instant();
    if (post) {
      Instant last = lastPost.get(token);
      if (last != null && now.isBefore(last.plus(postInterval))) {
        return Optional.of(tooMany(last.plus(postInterval), now));
      }
      lastPost.put(token, now);
      return Optional.empty();
    }
    ArrayDeque<Instant> window = gets.computeIfAbsent(token, t -> new ArrayDeque<>());
    while (!window.isEmpty() && !window.peekFirst().isAfter(now.minus(getWindow))) {
      window.pollFirst();
    }
    if (window.size() >= getLimit) {
      return Optional.of(tooMany(window.peekFirst().plus(getWindow), now));
    }
    window.addLast(now);
    return Optional.empty();
  }

  /** How many requests were refused with 429. */
  synchronized long rejected() {
    return rejected;
  }

  private FakeResponse tooMany(Instant until, Instant now) {
    rejected++;
    long millis = Duration.between(now, until).toMillis();
    long seconds = Math.max(1, (millis + 999) / 1000);
    return FakeResponse.error(429, "too_many_requests")
        .withHeader("Retry-After", Long.toString(seconds));
  }
}
