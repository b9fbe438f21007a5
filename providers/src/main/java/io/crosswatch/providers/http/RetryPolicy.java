package io.crosswatch.providers.http;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When and how long {@link HttpApiClient} waits before sending a failed read again (writes are sent
 * once per call; their caller retries them).
 *
 * <p>Retried: 429 (waiting {@code Retry-After} when the service sent one), 5xx (Cloudflare's
 * 520–522 included), I/O errors and timeouts. Never retried: other 4xx. The wait before retry
 * {@code n} (1-based) is {@code min(maxDelay, baseDelay × 2^(n−1))}, shortened by a random share of
 * up to {@code jitter} so that clients do not retry in lockstep.
 *
 * @param maxAttempts how many times a request is sent at most (1 = never retried)
 * @param baseDelay the wait before the first retry
 * @param maxDelay the longest backoff wait
 * @param jitter the random share (0–1) taken off each backoff wait
 * @param maxRetryAfter the longest {@code Retry-After} the client waits itself; a 429 asking for
 *     more is returned to the caller at once, which reports it as rate limited
 */
public record RetryPolicy(
    int maxAttempts, Duration baseDelay, Duration maxDelay, double jitter, Duration maxRetryAfter) {

  public RetryPolicy {
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (baseDelay.isNegative() || maxDelay.isNegative() || maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("delays must not be negative");
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter must be within 0..1, got " + jitter);
    }
  }

  /**
   * 6 attempts (the first send and 5 retries), 1 s doubling up to 30 s, 20 % jitter, waits of up to
   * 2 minutes honoured.
   */
  public static RetryPolicy defaults() {
    return new RetryPolicy(
        6, Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2, Duration.ofMinutes(2));
  }

  /** Send once, never retry. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0, Duration.ZERO);
  }

  /** The backoff wait before retry number {@code retry} (1-based). */
  public Duration backoff(int retry, RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    int shift = Math.min(Math.max(retry - 1, 0), 30);
    long millis = Math.min(maxDelay.toMillis(), saturatedShift(baseDelay.toMillis(), shift));
    long jitterMillis = jitter == 0 ? 0 : (long) (millis * jitter * random.nextDouble());
    return Duration.ofMillis(millis - jitterMillis);
  }

  private static long saturatedShift(long value, int shift) {
    return value > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : value << shift;
  }
}
