package io.crosswatch.core.scrobble;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * When a call a sink failed to take is tried again: after the wait the sink asked for ({@code
 * Retry-After}) when it named one, else after an exponential backoff with jitter (half to all of
 * {@code base × 2^(attempt-1)}, capped). There is no last attempt: a call is retried until the sink
 * takes or refuses it.
 */
final class RetryPolicy {
  /** The first backoff. */
  static final Duration BASE = Duration.ofSeconds(5);

  /** The longest backoff between two attempts. */
  static final Duration CAP = Duration.ofMinutes(15);

  /** The longest {@code Retry-After} honoured as given; longer ones wait this long. */
  static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(6);

  private final Random random;

  RetryPolicy(Random random) {
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * The wait before the next attempt.
   *
   * @param failures how many attempts failed so far, counting the one that just did (≥ 1)
   * @param retryAfter the wait the sink asked for, if any
   */
  Duration delay(int failures, Optional<Duration> retryAfter) {
    if (retryAfter.isPresent() && !retryAfter.get().isNegative()) {
      Duration asked = retryAfter.get();
      return asked.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : asked;
    }
    int shift = Math.min(Math.max(failures, 1) - 1, 20);
    long ceiling = Math.min(CAP.toMillis(), BASE.toMillis() << shift);
    long half = ceiling / 2;
    return Duration.ofMillis(half + (long) (random.nextDouble() * (ceiling - half)));
  }
}
