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
  private final boolean timedOut;

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
    this(kind, message, retriable, retryAfter, cause, false);
  }

  private ProviderException(
      Kind kind,
      String message,
      boolean retriable,
      Duration retryAfter,
      Throwable cause,
      boolean timedOut) {
    super(message, cause);
    this.kind = kind;
    this.retriable = retriable;
    this.retryAfter = retryAfter;
    this.timedOut = timedOut;
  }

  /** A failure that trying again will not fix. */
  public static ProviderException permanent(Kind kind, String message) {
    return new ProviderException(kind, message, false, null);
  }

  /**
   * A transient failure because the service did not answer in time after the request went out
   * ({@link #timedOut()}); the applier sends a timed-out chunk again in smaller parts.
   */
  public static ProviderException timeout(String message, Throwable cause) {
    return new ProviderException(Kind.UNAVAILABLE, message, true, null, cause, true);
  }

  /**
   * This failure made final (not retriable) with another message, keeping its kind and whether it
   * timed out; the cause is this failure.
   */
  public ProviderException asFinal(String message) {
    return new ProviderException(kind, message, false, null, this, timedOut);
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

  /**
   * Whether the call failed because the service did not answer in time after the request went out
   * (a connection that could not be opened in time does not count): a large body may be the reason,
   * so a smaller one may pass.
   */
  public boolean timedOut() {
    return timedOut;
  }
}
