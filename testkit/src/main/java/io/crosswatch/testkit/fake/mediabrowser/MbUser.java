package io.crosswatch.testkit.fake.mediabrowser;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One user of the fake server with their own data per item (played, last played date, favourite,
 * rating) and playlists. Tests seed and inspect it directly; the endpoints change it the same way.
 * Thread-safe.
 */
public final class MbUser {

  /** One playlist; {@code entries} are (entry id, item id) in order. */
  public static final class Playlist {
    private final String id;
    private final String name;
    private final Map<String, String> entries = new LinkedHashMap<>();

    Playlist(String id, String name) {
      this.id = id;
      this.name = name;
    }

    public String id() {
      return id;
    }

    public String name() {
      return name;
    }

    /** Item ids in playlist order. */
    public synchronized List<String> itemIds() {
      return List.copyOf(entries.values());
    }

    synchronized Map<String, String> entries() {
      return Map.copyOf(entries);
    }

    synchronized List<Map.Entry<String, String>> orderedEntries() {
      return List.copyOf(entries.entrySet());
    }

    /**
     * Appends an item as entry {@code entryId} (on Jellyfin an entry's id is its item's id, on Emby
     * an id of its own), as seeding a test would.
     */
    public void append(String entryId, MbItem item) {
      add(entryId, item.id());
    }

    synchronized void add(String entryId, String itemId) {
      entries.put(entryId, itemId);
    }

    /** Removes an item's entries, as a user would on the server; false when it had none. */
    public synchronized boolean removeItem(String itemId) {
      return entries.values().removeIf(itemId::equals);
    }

    synchronized boolean removeEntry(String entryId) {
      return entries.remove(entryId) != null;
    }

    /** Moves an entry to {@code index} (0-based, clamped); false when the entry is unknown. */
    synchronized boolean move(String entryId, int index) {
      String itemId = entries.remove(entryId);
      if (itemId == null) {
        return false;
      }
      List<Map.Entry<String, String>> order = new ArrayList<>(entries.entrySet());
      order.add(Math.max(0, Math.min(index, order.size())), Map.entry(entryId, itemId));
      entries.clear();
      order.forEach(e -> entries.put(e.getKey(), e.getValue()));
      return true;
    }
  }

  private final String id;
  private final String name;
  private final String password;
  private final Map<String, MbUserData> data = new HashMap<>();
  private final Map<String, Playlist> playlists = new LinkedHashMap<>();

  MbUser(String id, String name, String password) {
    this.id = Objects.requireNonNull(id, "id");
    this.name = Objects.requireNonNull(name, "name");
    this.password = Objects.requireNonNull(password, "password");
  }

  public String id() {
    return id;
  }

  public String name() {
    return name;
  }

  boolean passwordMatches(String candidate) {
    return password.equals(candidate);
  }

  /** This user's data for an item ({@link MbUserData#NONE} when untouched). */
  public synchronized MbUserData userData(MbItem item) {
    return data.getOrDefault(item.id(), MbUserData.NONE);
  }

  /**
   * Marks an item played at {@code at}, as the server does: the last played date becomes {@code at}
   * even when it is older than the one held.
   */
  public synchronized MbUserData markPlayed(MbItem item, Instant at) {
    return put(item, userData(item).withPlayed(at));
  }

  /** Marks an item unplayed (its last played date stays). */
  public synchronized MbUserData markUnplayed(MbItem item) {
    return put(item, userData(item).withUnplayed());
  }

  /** Sets or clears the favourite flag. */
  public synchronized MbUserData setFavorite(MbItem item, boolean favorite) {
    return put(item, userData(item).withFavorite(favorite));
  }

  /** Sets (0–10) or clears ({@code null}) the rating. */
  public synchronized MbUserData rate(MbItem item, Double rating) {
    return put(item, userData(item).withRating(rating));
  }

  /** Replaces an item's user data whole. */
  public synchronized MbUserData replace(MbItem item, MbUserData value) {
    return put(item, Objects.requireNonNull(value, "value"));
  }

  /**
   * Sets an item's resume position in ticks (0 clears it) and, when {@code at} is given, its last
   * played date, as a client's playback report does.
   */
  public synchronized MbUserData setPosition(MbItem item, long ticks, Instant at) {
    return put(item, userData(item).withPosition(ticks, at));
  }

  /** Creates a playlist. */
  public synchronized Playlist createPlaylist(String playlistId, String playlistName) {
    Playlist p = new Playlist(playlistId, playlistName);
    playlists.put(playlistId, p);
    return p;
  }

  /** A playlist by name. */
  public synchronized Optional<Playlist> playlistNamed(String playlistName) {
    return playlists.values().stream().filter(p -> p.name().equals(playlistName)).findFirst();
  }

  synchronized Optional<Playlist> playlist(String playlistId) {
    return Optional.ofNullable(playlists.get(playlistId));
  }

  synchronized List<Playlist> playlists() {
    return new ArrayList<>(playlists.values());
  }

  private MbUserData put(MbItem item, MbUserData value) {
    data.put(item.id(), value);
    return value;
  }
}
