package io.crosswatch.providers.mdblist;

import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import io.crosswatch.providers.http.HttpAnswer;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * MDBList's daily request quota as its answers report it ({@code X-RateLimit-Limit}, {@code
 * -Remaining}, {@code -Reset}). A run stops before spending the last {@link #RESERVE_SHARE} of the
 * day's calls, so that other tools (and tomorrow's first run) still have some.
 */
final class DailyQuota {
  /** The share of the daily quota never spent by one run. */
  static final double RESERVE_SHARE = 0.10;

  private final Clock clock;
  private int limit = -1;
  private int remaining = -1;
  private Instant resetAt;

  DailyQuota(Clock clock) {
    this.clock = clock;
  }

  /** Reads the quota headers of an answer; answers without them change nothing. */
  synchronized void observe(HttpAnswer answer) {
    Optional<Integer> l = answer.intHeader("X-RateLimit-Limit");
    Optional<Integer> r = answer.intHeader("X-RateLimit-Remaining");
    if (l.isEmpty() || r.isEmpty()) {
      return;
    }
    limit = l.get();
    remaining = r.get();
    resetAt = answer.header("X-RateLimit-Reset").flatMap(this::resetTime).orElse(null);
  }

  /**
   * Throws (LIMIT, not retriable) when the next call would dip into the reserve.
   *
   * @param what the call about to be made, for the message
   */
  synchronized void check(String what) throws ProviderException {
    if (limit <= 0 || remaining < 0) {
      return;
    }
    if (resetAt != null && !clock.instant().isBefore(resetAt)) {
      limit = -1;
      remaining = -1;
      return;
    }
    int reserve = (int) Math.ceil(limit * RESERVE_SHARE);
    if (remaining <= reserve) {
      throw new ProviderException(
          Kind.LIMIT,
          what
              + ": daily API quota nearly spent ("
              + remaining
              + " of "
              + limit
              + " calls left; the last "
              + reserve
              + " are kept in reserve)"
              + (resetAt == null ? "" : "; it resets at " + resetAt)
              + ". Run again after the reset",
          false,
          null);
    }
  }

  /** {@code "remaining/limit"}, or empty before any answer reported it. */
  synchronized Optional<String> describe() {
    return limit < 0 ? Optional.empty() : Optional.of(remaining + "/" + limit);
  }

  /** When the quota resets, when MDBList said so. */
  synchronized Optional<Instant> resetAt() {
    return limit < 0 ? Optional.empty() : Optional.ofNullable(resetAt);
  }

  /**
   * Assumed: the reset header is either epoch seconds or seconds from now (MDBList's format is
   * unconfirmed); values above a billion are taken as epoch seconds.
   */
  private Optional<Instant> resetTime(String header) {
    String s = header.strip();
    if (s.isEmpty() || s.length() > 12 || !s.chars().allMatch(Character::isDigit)) {
      return Optional.empty();
    }
    long value = Long.parseLong(s);
    return Optional.of(
        value > 1_000_000_000L ? Instant.ofEpochSecond(value) : clock.instant().plusSeconds(value));
  }
}
