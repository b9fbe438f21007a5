package io.crosswatch.providers.local;

import io.crosswatch.core.model.PlaylistRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The playlists a local provider holds, empty ones included, in the order they were created: name
 * and description by identity key (the name trimmed, in lower case). Not thread-safe.
 */
public final class PlaylistBook {
  private final Map<String, PlaylistRef> byKey = new LinkedHashMap<>();

  /** A book of the given playlists, in order; later duplicates of a name are ignored. */
  public static PlaylistBook of(Collection<PlaylistRef> playlists) {
    PlaylistBook book = new PlaylistBook();
    for (PlaylistRef ref : playlists) {
      book.ensure(ref);
    }
    return book;
  }

  /** The playlist of that identity key, or {@code null}. */
  public PlaylistRef get(String key) {
    return byKey.get(key);
  }

  /**
   * Registers a playlist under its trimmed name and description unless one of that name exists;
   * returns the registered playlist when it is new, else {@code null}.
   */
  public PlaylistRef ensure(PlaylistRef ref) {
    if (byKey.containsKey(ref.key())) {
      return null;
    }
    PlaylistRef kept = new PlaylistRef(ref.name().strip(), ref.description(), null, null, false);
    byKey.put(ref.key(), kept);
    return kept;
  }

  /** Every playlist, in order. */
  public List<PlaylistRef> all() {
    return new ArrayList<>(byKey.values());
  }

  public int size() {
    return byKey.size();
  }
}
