package io.crosswatch.core.run;

import java.util.Locale;

/**
 * How a pair or a feature of a run ended; the summary, the events and the console show {@link
 * #key()}. A pair is only ever {@code OK}, {@code SKIPPED} or {@code FAILED}.
 */
public enum Status {
  /** Everything planned was applied (or nothing was to do). */
  OK,
  /** Not run: the pair is disabled, or a provider of it is not available. */
  SKIPPED,
  /** A snapshot, a provider or writes failed. */
  FAILED,
  /** A provider of the pair does not serve the feature. */
  UNSUPPORTED,
  /** A guard withheld changes. */
  BLOCKED;

  private final String key = name().toLowerCase(Locale.ROOT);

  /** The lower-case name used in the summary, the events and the console. */
  public String key() {
    return key;
  }
}
