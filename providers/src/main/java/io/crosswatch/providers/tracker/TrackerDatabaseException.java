package io.crosswatch.providers.tracker;

import java.io.IOException;

/**
 * The tracker database cannot be used (damaged, foreign or from a newer version); it is left
 * untouched.
 */
public final class TrackerDatabaseException extends IOException {
  private static final long serialVersionUID = 1L;

  TrackerDatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
