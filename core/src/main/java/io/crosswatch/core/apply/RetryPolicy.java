package io.crosswatch.core.apply;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How transient write failures are retried: up to {@code maxAttempts} calls per chunk in all (the
 * default: the first send and 5 retries), waiting {@code baseDelay × 2^(attempt-1)} (at most {@code
 * maxDelay}) plus up to 50% random jitter, or exactly what the service asked for with {@code
 * Retry-After}.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(60));

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be ≥ 1, got " + maxAttempts);
    }
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
  }

  /** The wait before attempt {@code failedAttempt + 1}. */
  public Duration delay(int failedAttempt, Duration retryAfter, RandomGenerator random) {
    if (retryAfter != null && !retryAfter.isNegative()) {
      return retryAfter.compareTo(maxDelay) > 0 ? maxDelay : retryAfter;
    }
    long base = baseDelay.toMillis() << Math.min(20, failedAttempt - 1);
    long capped = Math.min(base, maxDelay.toMillis());
    long jitter = capped <= 1 ? 0 : random.nextLong(capped / 2 + 1);
    return Duration.ofMillis(capped + jitter);
  }
}
