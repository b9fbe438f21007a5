package io.crosswatch.providers.auth;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.provider.ProviderException;
import io.crosswatch.core.provider.ProviderException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The waiting side of a sign-in in which the user enters a code on the service's site: waits the
 * interval the service asked for between polls, tells when the code has expired, and counts the
 * polls that failed in a row. Not thread-safe: one per sign-in.
 */
public final class CodePoll {
  private static final int MAX_FAILED_POLLS = 5;

  private final String provider;
  private final Sleeper sleeper;
  private final Clock clock;
  private final Instant deadline;
  private Duration interval;
  private int failures;

  private CodePoll(
      String provider, Sleeper sleeper, Clock clock, Duration interval, Instant deadline) {
    this.provider = provider;
    this.sleeper = sleeper;
    this.clock = clock;
    this.interval = interval;
    this.deadline = deadline;
  }

  /**
   * Starts polling for a code answer carrying {@code interval} and {@code expires_in} (seconds; 5
   * and {@code defaultExpiresIn} when missing, at least 1).
   */
  public static CodePoll start(
      String provider, JsonNode code, long defaultExpiresIn, Clock clock, Sleeper sleeper) {
    Objects.requireNonNull(code, "code");
    Duration interval = Duration.ofSeconds(Math.max(1, code.path("interval").asLong(5)));
    Instant deadline =
        clock.instant().plusSeconds(Math.max(1, code.path("expires_in").asLong(defaultExpiresIn)));
    return new CodePoll(
        Objects.requireNonNull(provider, "provider"),
        Objects.requireNonNull(sleeper, "sleeper"),
        clock,
        interval,
        deadline);
  }

  /**
   * Waits one interval; {@code false} when the code has expired meanwhile (poll no more).
   *
   * @throws ProviderException when the wait was interrupted
   */
  public boolean waitTurn() throws ProviderException {
    try {
      sleeper.sleep(interval);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderException(
          Kind.UNAVAILABLE, provider + ": authorization interrupted", false, null, e);
    }
    return clock.instant().isBefore(deadline);
  }

  /** Counts a failed poll; {@code true} when too many failed in a row to go on. */
  public boolean failedTooOften() {
    return ++failures >= MAX_FAILED_POLLS;
  }

  /** Notes that the service answered a poll, so the failures in a row start again from none. */
  public void answered() {
    failures = 0;
  }

  /** Polls less often from now on, as the service asked. */
  public void slowDown(Duration extra) {
    interval = interval.plus(extra);
  }
}
