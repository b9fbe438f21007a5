package io.crosswatch.core.scrobble;

/**
 * How a sink took one scrobble call: it recorded it, or it already had it (Trakt answers 409 to a
 * scrobble it just recorded), which counts as done too.
 */
public enum ScrobbleOutcome {
  SENT,
  ALREADY_RECORDED
}
