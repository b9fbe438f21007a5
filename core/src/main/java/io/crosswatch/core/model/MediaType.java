package io.crosswatch.core.model;

import java.util.Locale;
import java.util.Optional;

/** The type of a normalized item. */
public enum MediaType {
  MOVIE,
  SHOW,
  SEASON,
  EPISODE;

  private final String key = name().toLowerCase(Locale.ROOT);

  private static final java.util.Map<String, MediaType> BY_KEY = new java.util.HashMap<>();

  static {
    for (MediaType v : values()) {
      BY_KEY.put(v.key(), v);
    }
  }

  /** The lower-case name used in item JSON. */
  public String key() {
    return key;
  }

  /** The type with the given JSON name, if any. */
  public static Optional<MediaType> fromKey(String key) {
    return Optional.ofNullable(key == null ? null : BY_KEY.get(key));
  }
}
