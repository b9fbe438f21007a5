package io.crosswatch.core.provider;

import java.time.Duration;
import java.util.Optional;

/**
 * A provider call that failed as a whole. {@link #retriable()} says whether trying again may help
 * (rate limits, 5xx, timeouts); {@link #retryAfter()} carries the wait the service asked for.
 */
public class ProviderException extends Exception {
  private final boolean retriable;
  private final Duration retryAfter;
  private final Kind kind;

  /** What went wrong, as far as the orchestrator needs to know. */
  public enum Kind {
    /** Could not reach the service or it failed (5xx, timeout, broken file). */
    UNAVAILABLE,
    /** Credentials missing, invalid or revoked. */
    AUTH,
    /** The service refused the request as invalid. */
    REJECTED,
    /** The service asked us to slow down. */
    RATE_LIMITED,
    /** An account limit was reached (e.g. list size). */
    LIMIT
  }

  public ProviderException(Kind kind, String message, boolean retriable, Duration retryAfter) {
    this(kind, message, retriable, retryAfter, null);
  }

  public ProviderException(
      Kind kind, String message, boolean retriable, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.retriable = retriable;
    this.retryAfter = retryAfter;
  }

  /** A failure that trying again will not fix. */
  public static ProviderException permanent(Kind kind, String message) {
    return new ProviderException(kind, message, false, null);
  }

  /** A transient failure worth retrying. */
  public static ProviderException transientFailure(String message, Throwable cause) {
    return new ProviderException(Kind.UNAVAILABLE, message, true, null, cause);
  }

  public Kind kind() {
    return kind;
  }

  public boolean retriable() {
    return retriable;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
