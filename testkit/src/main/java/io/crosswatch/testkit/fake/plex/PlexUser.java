package io.crosswatch.testkit.fake.plex;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One account on the fake Plex: its view state on the server (per title one play count and last
 * viewed date, one rating) and its Discover watchlist. Tests seed and inspect it directly; the
 * endpoints change it the same way. Thread-safe.
 */
public final class PlexUser {

  /**
   * The view state of one title; {@code viewOffset} is the resume position in milliseconds (0:
   * none).
   */
  public record ViewState(
      int viewCount, Instant lastViewedAt, Double userRating, Instant ratedAt, long viewOffset) {
    static final ViewState NONE = new ViewState(0, null, null, null, 0);
  }

  /** One watchlist entry. */
  public record WatchlistEntry(PlexTitle title, Instant watchlistedAt) {}

  private final String username;
  private final long accountId;
  private final Map<String, ViewState> states = new LinkedHashMap<>();
  private final Map<String, WatchlistEntry> watchlist = new LinkedHashMap<>();
  private final PlexPlaylists playlists = new PlexPlaylists();

  PlexUser(String username, long accountId) {
    this.username = Objects.requireNonNull(username, "username");
    this.accountId = accountId;
  }

  /** The account's playlists on the server. */
  public PlexPlaylists playlists() {
    return playlists;
  }

  public String username() {
    return username;
  }

  /** The server-local account id. */
  public long accountId() {
    return accountId;
  }

  /** The view state of a library title (unplayed and unrated when never touched). */
  public synchronized ViewState state(PlexTitle title) {
    return states.getOrDefault(title.ratingKey(), ViewState.NONE);
  }

  /** Marks a title played once more, last viewed at {@code at}. */
  public synchronized void play(PlexTitle title, Instant at) {
    ViewState s = state(title);
    states.put(
        title.ratingKey(), new ViewState(s.viewCount() + 1, at, s.userRating(), s.ratedAt(), 0));
  }

  /** Marks a title unplayed. */
  public synchronized void unplay(PlexTitle title) {
    ViewState s = state(title);
    states.put(title.ratingKey(), new ViewState(0, null, s.userRating(), s.ratedAt(), 0));
  }

  /** Rates a title 0–10; {@code null} clears the rating. */
  public synchronized void rate(PlexTitle title, Double rating, Instant at) {
    ViewState s = state(title);
    states.put(
        title.ratingKey(),
        new ViewState(
            s.viewCount(), s.lastViewedAt(), rating, rating == null ? null : at, s.viewOffset()));
  }

  /**
   * Records a stopped or paused playback at {@code offsetMs}, as a client's timeline report does:
   * the position becomes the resume point and the title's last viewed date moves to {@code at}.
   */
  public synchronized void stopAt(PlexTitle title, long offsetMs, Instant at) {
    ViewState s = state(title);
    states.put(
        title.ratingKey(), new ViewState(s.viewCount(), at, s.userRating(), s.ratedAt(), offsetMs));
  }

  /** The watchlist in the order added. */
  public synchronized List<WatchlistEntry> watchlist() {
    return List.copyOf(watchlist.values());
  }

  /** Puts a Discover title on the watchlist; false when it was there already. */
  public synchronized boolean addToWatchlist(PlexTitle title, Instant at) {
    if (watchlist.containsKey(title.discoverKey())) {
      return false;
    }
    watchlist.put(title.discoverKey(), new WatchlistEntry(title, at));
    return true;
  }

  /** Takes a title off the watchlist; false when it was not there. */
  public synchronized boolean removeFromWatchlist(PlexTitle title) {
    return watchlist.remove(title.discoverKey()) != null;
  }
}
