package io.crosswatch.testkit.fake.simkl;

import io.crosswatch.testkit.fake.FakeResponse;
import io.crosswatch.testkit.fake.RateWindows;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * SIMKL's per-token limits: GETs within a budget per sliding window, POSTs spaced by an interval.
 * Requests over a limit get 429 (with {@code Retry-After}, which SIMKL is assumed to send) and do
 * not count. Every 429 is counted, so tests can assert that a client never caused one.
 */
final class SimklRateLimiter {
  private final RateWindows windows;

  SimklRateLimiter(int getLimit, Duration getWindow, Duration postInterval, Clock clock) {
    this.windows = new RateWindows(getLimit, getWindow, postInterval, clock);
  }

  /** Counts the request, or answers 429 when it is over a limit. */
  Optional<FakeResponse> admit(String token, boolean post) {
    return windows
        .admit(token, post)
        .map(
            r ->
                FakeResponse.error(429, "too_many_requests")
                    .withHeader("Retry-After", Long.toString(r.retryAfterSeconds())));
  }

  /** How many requests were refused with 429. */
  long rejected() {
    return windows.rejected();
  }
}
