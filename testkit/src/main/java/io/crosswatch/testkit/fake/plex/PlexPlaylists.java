package io.crosswatch.testkit.fake.plex;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * One account's playlists on the fake Plex server. A playlist holds entries (a playlist item id and
 * a library title, duplicates allowed as on Plex); a smart playlist is one whose contents come from
 * a filter and which cannot be edited. Thread-safe.
 */
public final class PlexPlaylists {

  /** One entry of a playlist. */
  public record Entry(long playlistItemId, PlexTitle title) {}

  /** One playlist. */
  public static final class Playlist {
    private final String ratingKey;
    private volatile String title;
    private final boolean smart;
    private final Instant addedAt;
    private final List<Entry> entries = new ArrayList<>();

    Playlist(String ratingKey, String title, boolean smart, Instant addedAt) {
      this.ratingKey = ratingKey;
      this.title = title;
      this.smart = smart;
      this.addedAt = addedAt;
    }

    public String ratingKey() {
      return ratingKey;
    }

    public String title() {
      return title;
    }

    public boolean smart() {
      return smart;
    }

    public Instant addedAt() {
      return addedAt;
    }

    /** The entries in order. */
    public synchronized List<Entry> entries() {
      return List.copyOf(entries);
    }

    /** The titles in order. */
    public synchronized List<PlexTitle> titles() {
      return entries.stream().map(Entry::title).toList();
    }
  }

  private final LinkedHashMap<String, Playlist> playlists = new LinkedHashMap<>();
  private long nextKey = 90_000;
  private long nextItemId = 1;

  /** Renames a playlist (its entries and rating key stay). */
  public synchronized void rename(Playlist p, String title) {
    p.title = title;
  }

  /** Every playlist, oldest first. */
  public synchronized List<Playlist> all() {
    return List.copyOf(playlists.values());
  }

  /** A playlist by exact title. */
  public synchronized Optional<Playlist> titled(String title) {
    return playlists.values().stream().filter(p -> p.title().equals(title)).findFirst();
  }

  synchronized Optional<Playlist> byKey(String ratingKey) {
    return Optional.ofNullable(playlists.get(ratingKey));
  }

  /** Creates a playlist (a smart one holds {@code titles} as its filter's current result). */
  public synchronized Playlist create(
      String title, boolean smart, List<PlexTitle> titles, Instant at) {
    Playlist p = new Playlist(Long.toString(nextKey++), title, smart, at);
    playlists.put(p.ratingKey(), p);
    titles.forEach(t -> p.entries.add(new Entry(nextItemId++, t)));
    return p;
  }

  /** Appends titles (also ones already held: Plex keeps duplicates). */
  public synchronized void append(Playlist p, List<PlexTitle> titles) {
    synchronized (p) {
      titles.forEach(t -> p.entries.add(new Entry(nextItemId++, t)));
    }
  }

  /** Removes one entry; false when there is none with that id. */
  public synchronized boolean removeEntry(Playlist p, long playlistItemId) {
    synchronized (p) {
      return p.entries.removeIf(e -> e.playlistItemId() == playlistItemId);
    }
  }

  /**
   * Moves an entry right after another one ({@code after} null: to the top); false when either is
   * unknown.
   */
  public synchronized boolean move(Playlist p, long playlistItemId, Long after) {
    synchronized (p) {
      Optional<Entry> moving =
          p.entries.stream().filter(e -> e.playlistItemId() == playlistItemId).findFirst();
      boolean anchorKnown =
          after == null || p.entries.stream().anyMatch(e -> e.playlistItemId() == after);
      if (moving.isEmpty() || !anchorKnown || (after != null && after == playlistItemId)) {
        return false;
      }
      p.entries.remove(moving.get());
      if (after == null) {
        p.entries.add(0, moving.get());
        return true;
      }
      for (int i = 0; i < p.entries.size(); i++) {
        if (p.entries.get(i).playlistItemId() == after) {
          p.entries.add(i + 1, moving.get());
          return true;
        }
      }
      throw new IllegalStateException("anchor vanished");
    }
  }
}
