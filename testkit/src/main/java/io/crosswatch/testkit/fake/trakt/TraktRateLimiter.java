package io.crosswatch.testkit.fake.trakt;

import io.crosswatch.testkit.fake.FakeResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Trakt's per-user limits: writes spaced by an interval, GETs within a budget per sliding window.
 * Requests over a limit get 429 with {@code Retry-After} and {@code X-Ratelimit}.
 */
final class TraktRateLimiter {
  private final Duration writeInterval;
  private final int getLimit;
  private final Duration getWindow;
  private final Clock clock;
  private final Map<String, Instant> lastWrite = new HashMap<>();
  private final Map<String, ArrayDeque<Instant>> gets = new HashMap<>();
  private long rejected;

  TraktRateLimiter(Duration writeInterval, int getLimit, Duration getWindow, Clock clock) {
    this.writeInterval = writeInterval;
    this.getLimit = getLimit;
    this.getWindow = getWindow;
    this.clock = clock;
  }

  /** Counts the request, or answers 429 when it is over a limit (then it does not count). */
  synchronized Optional<FakeResponse> admit(String user, boolean write) {
    Instant now = clock.instant();
    if (write) {
      Instant last = lastWrite.get(user);
      if (last != null && now.isBefore(last.plus(writeInterval))) {
        return Optional.of(
            tooMany("AUTHED_API_POST_LIMIT", writeInterval, 1, last.plus(writeInterval), now));
      }
      lastWrite.put(user, now);
      return Optional.empty();
    }
    ArrayDeque<Instant> window = gets.computeIfAbsent(user, u -> new ArrayDeque<>());
    while (!window.isEmpty() && !window.peekFirst().isAfter(now.minus(getWindow))) {
      window.pollFirst();
    }
    if (window.size() >= getLimit) {
      return Optional.of(
          tooMany(
              "AUTHED_API_GET_LIMIT",
              getWindow,
              getLimit,
              window.peekFirst().plus(getWindow),
              now));
    }
    window.addLast(now);
    return Optional.empty();
  }

  /** How many requests were refused with 429. */
  synchronized long rejected() {
    return rejected;
  }

  private FakeResponse tooMany(
      String name, Duration period, int limit, Instant until, Instant now) {
    rejected++;
    long millis = Duration.between(now, until).toMillis();
    long seconds = Math.max(1, (millis + 999) / 1000);
    String info =
        String.format(
            "{\"name\":\"%s\",\"period\":%d,\"limit\":%d,\"remaining\":0,\"until\":\"%s\"}",
            name, Math.max(1, period.toSeconds()), limit, TraktJson.time(until));
    return FakeResponse.error(429, "rate limit exceeded")
        .withHeader("Retry-After", Long.toString(seconds))
        .withHeader("X-Ratelimit", info);
  }
}
