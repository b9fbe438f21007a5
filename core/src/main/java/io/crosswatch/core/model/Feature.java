package io.crosswatch.core.model;

import java.util.Locale;
import java.util.Optional;

/** A kind of watch data that crosswatch keeps in sync. */
public enum Feature {
  WATCHLIST,
  HISTORY,
  RATINGS,
  /** Playlist members: one item per (playlist, title), see {@link PlaylistRef}. */
  PLAYLISTS,
  /**
   * Resume points of movies and episodes: {@code progress_ms}, {@code duration_ms}, {@code
   * paused_at}.
   */
  PROGRESS;

  private final String key = name().toLowerCase(Locale.ROOT);

  private static final java.util.Map<String, Feature> BY_KEY = new java.util.HashMap<>();

  static {
    for (Feature v : values()) {
      BY_KEY.put(v.key(), v);
    }
  }

  /** The lower-case name used in config, events and the summary. */
  public String key() {
    return key;
  }

  /** The feature with the given config key, if any. */
  public static Optional<Feature> fromKey(String key) {
    return Optional.ofNullable(key == null ? null : BY_KEY.get(key));
  }
}
