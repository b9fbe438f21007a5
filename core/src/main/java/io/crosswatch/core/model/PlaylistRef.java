package io.crosswatch.core.model;

import java.util.Locale;
import java.util.Objects;

/**
 * The playlist a playlist member belongs to, carried on an {@link Item} of the {@code playlists}
 * feature: a member is (playlist, item).
 *
 * <p>Across providers a playlist is identified by its name alone, trimmed and compared without
 * regard to case ({@link #key()}); a renamed playlist is therefore a new playlist. Providers match
 * playlist names the same way when they write.
 *
 * <p>{@code position} means, in a snapshot, the member's 0-based index in its playlist; in a
 * planned add, the index it should be inserted at ({@code null}: append at the end); in a planned
 * update (a reorder), the index to move it to. A provider receives the moves of a playlist in
 * ascending position and applies them in that order (positions past the end mean "at the end"); see
 * docs/playlists-and-progress.md for why that order yields the source's order.
 *
 * @param name the playlist's name as the provider shows it; required, not blank
 * @param description the playlist's description, or {@code null}; used when a write creates the
 *     playlist
 * @param position see above, or {@code null}
 * @param id the provider's own id of the playlist (a Plex rating key, a Trakt list id), or {@code
 *     null}; meaningful only to the provider that reported it, never used for matching
 * @param readOnly whether the provider cannot write this playlist (a smart playlist): it is read,
 *     never written
 */
public record PlaylistRef(
    String name, String description, Integer position, String id, boolean readOnly) {

  public PlaylistRef {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a playlist name must not be blank");
    }
  }

  /** A writable playlist known by its name only. */
  public static PlaylistRef named(String name) {
    return new PlaylistRef(name, null, null, null, false);
  }

  /** The identity of a playlist across providers: its name, trimmed, in lower case. */
  public String key() {
    return key(name);
  }

  /** The identity key of a playlist name: trimmed, lower case. */
  public static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  /** This playlist with another position. */
  public PlaylistRef withPosition(Integer newPosition) {
    return new PlaylistRef(name, description, newPosition, id, readOnly);
  }

  /** Whether both name the same playlist (same {@link #key()}). */
  public boolean samePlaylist(PlaylistRef other) {
    return other != null && key().equals(other.key());
  }
}
