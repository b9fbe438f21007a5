package io.crosswatch.testkit.fake.trakt;

import io.crosswatch.testkit.fake.FakeResponse;
import io.crosswatch.testkit.fake.RateWindows;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Trakt's per-user limits: writes spaced by an interval, GETs within a budget per sliding window.
 * Requests over a limit get 429 with {@code Retry-After} and {@code X-Ratelimit}.
 */
final class TraktRateLimiter {
  private final Duration writeInterval;
  private final int getLimit;
  private final Duration getWindow;
  private final RateWindows windows;

  TraktRateLimiter(Duration writeInterval, int getLimit, Duration getWindow, Clock clock) {
    this.writeInterval = writeInterval;
    this.getLimit = getLimit;
    this.getWindow = getWindow;
    this.windows = new RateWindows(getLimit, getWindow, writeInterval, clock);
  }

  /** Counts the request, or answers 429 when it is over a limit (then it does not count). */
  Optional<FakeResponse> admit(String user, boolean write) {
    return windows.admit(user, write).map(this::tooMany);
  }

  /** How many requests were refused with 429. */
  long rejected() {
    return windows.rejected();
  }

  private FakeResponse tooMany(RateWindows.Refusal refusal) {
    String name = refusal.write() ? "AUTHED_API_POST_LIMIT" : "AUTHED_API_GET_LIMIT";
    Duration period = refusal.write() ? writeInterval : getWindow;
    int limit = refusal.write() ? 1 : getLimit;
    String info =
        String.format(
            "{\"name\":\"%s\",\"period\":%d,\"limit\":%d,\"remaining\":0,\"until\":\"%s\"}",
            name, Math.max(1, period.toSeconds()), limit, TraktJson.time(refusal.until()));
    return FakeResponse.error(429, "rate limit exceeded")
        .withHeader("Retry-After", Long.toString(refusal.retryAfterSeconds()))
        .withHeader("X-Ratelimit", info);
  }
}
