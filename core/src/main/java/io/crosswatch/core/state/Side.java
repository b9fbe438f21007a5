package io.crosswatch.core.state;

import java.util.Locale;

/** One side of a pair: the configured source or target. In two-way mode, A is the source. */
public enum Side {
  SOURCE,
  TARGET;

  /** The other side. */
  public Side other() {
    return this == SOURCE ? TARGET : SOURCE;
  }

  /** Lower-case name used in the summary, events and the database. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
