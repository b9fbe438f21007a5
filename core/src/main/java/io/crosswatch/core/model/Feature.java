package io.crosswatch.core.model;

import java.util.Locale;
import java.util.Optional;

/** A kind of watch data that crosswatch keeps in sync. */
public enum Feature {
  WATCHLIST,
  HISTORY,
  RATINGS;

  /** The lower-case name used in config, events and the summary. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The feature with the given config key, if any. */
  public static Optional<Feature> fromKey(String key) {
    for (Feature f : values()) {
      if (f.key().equals(key)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}
