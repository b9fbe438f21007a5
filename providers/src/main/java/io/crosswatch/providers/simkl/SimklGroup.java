package io.crosswatch.providers.simkl;

import io.crosswatch.core.model.MediaType;

/** SIMKL's three libraries; anime are shows to crosswatch. */
enum SimklGroup {
  MOVIES("movies", "movie", MediaType.MOVIE),
  SHOWS("shows", "show", MediaType.SHOW),
  ANIME("anime", "show", MediaType.SHOW);

  private final String key;
  private final String mediaKey;
  private final MediaType type;

  SimklGroup(String key, String mediaKey, MediaType type) {
    this.key = key;
    this.mediaKey = mediaKey;
    this.type = type;
  }

  /** The path segment and answer key, e.g. {@code movies}. */
  String key() {
    return key;
  }

  /** The key of a row's media object. */
  String mediaKey() {
    return mediaKey;
  }

  /** The normalized type of its titles. */
  MediaType type() {
    return type;
  }

  /**
   * The body key writes use: anime go under {@code shows}, which SIMKL documents as resolving anime
   * too (and it reports unresolved anime under {@code not_found.shows} anyway).
   */
  String writeKey() {
    return this == MOVIES ? "movies" : "shows";
  }
}
