package io.crosswatch.core.model;

import java.util.Locale;
import java.util.Optional;

/**
 * A kind of identifier an item may carry. Cross-provider kinds identify a title everywhere;
 * provider-local kinds (plex, jellyfin, emby) only mean something to their own server and never
 * match across providers.
 */
public enum IdKind {
  IMDB(false, true),
  TMDB(true, true),
  TVDB(true, true),
  TRAKT(true, true),
  SIMKL(true, true),
  MAL(true, true),
  ANIDB(true, true),
  ANILIST(true, true),
  KITSU(true, true),
  MDBLIST(false, true),
  SLUG(false, true),
  PLEX(false, false),
  JELLYFIN(false, false),
  EMBY(false, false);

  private final boolean numeric;
  private final boolean crossProvider;

  IdKind(boolean numeric, boolean crossProvider) {
    this.numeric = numeric;
    this.crossProvider = crossProvider;
  }

  /** Whether values of this kind are digit strings. */
  public boolean numeric() {
    return numeric;
  }

  /** Whether an id of this kind identifies the same title on every provider. */
  public boolean crossProvider() {
    return crossProvider;
  }

  private final String key = name().toLowerCase(Locale.ROOT);

  private static final java.util.Map<String, IdKind> BY_KEY = new java.util.HashMap<>();

  static {
    for (IdKind v : values()) {
      BY_KEY.put(v.key(), v);
    }
  }

  /** The lower-case name used in item JSON. */
  public String key() {
    return key;
  }

  /** The kind with the given JSON name, if any. */
  public static Optional<IdKind> fromKey(String key) {
    return Optional.ofNullable(key == null ? null : BY_KEY.get(key));
  }
}
