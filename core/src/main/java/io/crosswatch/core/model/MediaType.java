package io.crosswatch.core.model;

import java.util.Locale;
import java.util.Optional;

/** The type of a normalized item. */
public enum MediaType {
  MOVIE,
  SHOW,
  SEASON,
  EPISODE;

  /** The lower-case name used in item JSON. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The type with the given JSON name, if any. */
  public static Optional<MediaType> fromKey(String key) {
    for (MediaType t : values()) {
      if (t.key().equals(key)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }
}
