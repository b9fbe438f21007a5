package io.crosswatch.testkit.fake.trakt;

import io.crosswatch.core.model.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One account's library on the fake Trakt: watchlist, history plays and ratings, its watchlist
 * limit and its last-activity times. Tests seed and inspect it directly; the server's endpoints
 * change it the same way. Thread-safe (the server holds the user's lock for a whole request).
 */
public final class TraktUser {

  /** One watchlist entry; {@code id} is the list item id. */
  public record WatchlistEntry(long id, TraktTitle title, Instant listedAt) {}

  /** One play; history does not de-duplicate, so one title may have many plays at one time. */
  public record Play(long id, TraktTitle title, Instant watchedAt, String action) {}

  /** One rating (1–10). */
  public record Rating(TraktTitle title, int rating, Instant ratedAt) {}

  private final String username;
  private final Clock clock;
  private final Map<String, WatchlistEntry> watchlist = new LinkedHashMap<>();
  private final List<Play> plays = new ArrayList<>();
  private final Map<String, Rating> ratings = new LinkedHashMap<>();
  private final Map<String, Instant> activities = new TreeMap<>();
  private long nextId = 1;
  private int watchlistLimit;
  private Instant lastChange;
  private final TraktLists lists;
  private final TraktPlayback playback;

  TraktUser(String username, Clock clock, int watchlistLimit) {
    this.username = Objects.requireNonNull(username, "username");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.watchlistLimit = watchlistLimit;
    this.lastChange = clock.instant();
    // A free account's caps: 2 personal lists of at most 100 items each.
    this.lists = new TraktLists(this::nextId, 2, 100);
    this.playback = new TraktPlayback(this::nextId);
  }

  /**
   * The personal lists. Change them through this user's methods ({@link #createList}, {@link
   * #addToList}, …) so that the last-activity times move as on Trakt.
   */
  public TraktLists lists() {
    return lists;
  }

  /** The resume points; change them through {@link #pause} and {@link #deletePlayback}. */
  public TraktPlayback playback() {
    return playback;
  }

  /** Creates a personal list (whatever the cap). */
  public synchronized TraktLists.PersonalList createList(String name, String description) {
    TraktLists.PersonalList l = lists.create(name, description, clock.instant());
    touch("lists.updated_at");
    return l;
  }

  /** Appends a title to a list; false when it was there already. */
  public synchronized boolean addToList(TraktLists.PersonalList list, TraktTitle title) {
    boolean added = lists.add(list, title, clock.instant());
    if (added) {
      touch("lists.updated_at");
    }
    return added;
  }

  /** Removes a title from a list; false when it was not there. */
  public synchronized boolean removeFromList(TraktLists.PersonalList list, TraktTitle title) {
    boolean gone = lists.remove(list, title, clock.instant());
    if (gone) {
      touch("lists.updated_at");
    }
    return gone;
  }

  /** Reorders a list by list item ids; returns the ids skipped. */
  synchronized List<Long> reorderList(TraktLists.PersonalList list, List<Long> rank) {
    List<Long> skipped = lists.reorder(list, rank, clock.instant());
    touch("lists.updated_at");
    return skipped;
  }

  /** Creates or replaces a movie's or episode's resume point (progress in percent). */
  public synchronized TraktPlayback.Paused pause(TraktTitle title, double progress, Instant at) {
    TraktPlayback.Paused p = playback.pause(title, progress, at);
    touch(title.group() + ".paused_at");
    return p;
  }

  /** Removes a resume point by playback id; false when there is none. */
  public synchronized boolean deletePlayback(long playbackId) {
    Optional<TraktTitle> gone = playback.delete(playbackId);
    gone.ifPresent(t -> touch(t.group() + ".paused_at"));
    return gone.isPresent();
  }

  /** Clears a title's resume point (a started or finished scrobble does); false when none. */
  public synchronized boolean clearPlayback(TraktTitle title) {
    boolean cleared = playback.clear(title);
    if (cleared) {
      touch(title.group() + ".paused_at");
    }
    return cleared;
  }

  /** A fresh id for a scrobble answer that records nothing (a start). */
  synchronized long nextScrobbleId() {
    return nextId++;
  }

  private long nextId() {
    return nextId++;
  }

  public String username() {
    return username;
  }

  /** The most titles the watchlist may hold; adds beyond it answer 420. */
  public synchronized int watchlistLimit() {
    return watchlistLimit;
  }

  public synchronized void setWatchlistLimit(int limit) {
    this.watchlistLimit = limit;
  }

  /** The watchlist in rank order. */
  public synchronized List<WatchlistEntry> watchlist() {
    return List.copyOf(watchlist.values());
  }

  /** Every play in the order added. */
  public synchronized List<Play> plays() {
    return List.copyOf(plays);
  }

  /** Every rating in the order added. */
  public synchronized List<Rating> ratings() {
    return List.copyOf(ratings.values());
  }

  /** A last-activity time, e.g. {@code movies.watched_at}; {@code null} before any change. */
  public synchronized Instant lastActivity(String group) {
    return activities.get(group);
  }

  synchronized Map<String, Instant> activities() {
    return Map.copyOf(activities);
  }

  /** Puts a title on the watchlist; false when it was there already. */
  public synchronized boolean addToWatchlist(TraktTitle title, Instant listedAt) {
    if (watchlist.containsKey(title.key())) {
      return false;
    }
    watchlist.put(title.key(), new WatchlistEntry(nextId++, title, listedAt));
    touch(title.group() + ".watchlisted_at", "watchlist.updated_at");
    return true;
  }

  /** Takes a title off the watchlist; false when it was not there. */
  public synchronized boolean removeFromWatchlist(TraktTitle title) {
    if (watchlist.remove(title.key()) == null) {
      return false;
    }
    touch(title.group() + ".watchlisted_at", "watchlist.updated_at");
    return true;
  }

  /**
   * Adds a play of a movie or episode (always a new one) and, as Trakt does, takes the title off
   * the watchlist.
   */
  public synchronized Play addPlay(TraktTitle title, Instant watchedAt) {
    return addPlay(title, watchedAt, "watch");
  }

  /**
   * Adds a play as {@link #addPlay(TraktTitle, Instant)} does, recorded with the given history
   * {@code action} ({@code watch} for a history add, {@code scrobble} for a finished scrobble).
   */
  public synchronized Play addPlay(TraktTitle title, Instant watchedAt, String action) {
    if (title.type() != MediaType.MOVIE && title.type() != MediaType.EPISODE) {
      throw new IllegalArgumentException("plays are of movies and episodes, not " + title);
    }
    Play play = new Play(nextId++, title, watchedAt, action);
    plays.add(play);
    touch(title.group() + ".watched_at");
    removeFromWatchlist(title);
    return play;
  }

  /** Removes every play of a title; returns how many. */
  public synchronized int removePlaysOf(TraktTitle title) {
    return removePlays(p -> p.title().key().equals(title.key()));
  }

  /** Removes one play by id; false when there is none. */
  public synchronized boolean removePlay(long playId) {
    return removePlays(p -> p.id() == playId) > 0;
  }

  /** Rates a title (replacing an older rating). */
  public synchronized void rate(TraktTitle title, int rating, Instant ratedAt) {
    ratings.put(title.key(), new Rating(title, rating, ratedAt));
    touch(title.group() + ".rated_at");
  }

  /** Removes a title's rating; false when it had none. */
  public synchronized boolean removeRating(TraktTitle title) {
    if (ratings.remove(title.key()) == null) {
      return false;
    }
    touch(title.group() + ".rated_at");
    return true;
  }

  synchronized boolean onWatchlist(TraktTitle title) {
    return watchlist.containsKey(title.key());
  }

  private int removePlays(Predicate<Play> which) {
    List<Play> gone = new ArrayList<>();
    plays.removeIf(
        p -> {
          if (which.test(p)) {
            gone.add(p);
            return true;
          }
          return false;
        });
    gone.forEach(p -> touch(p.title().group() + ".watched_at"));
    return gone.size();
  }

  /** Moves the given activity groups (and {@code all}) to now, strictly later than before. */
  private void touch(String... groups) {
    Instant now = clock.instant();
    Instant at = now.isAfter(lastChange) ? now : lastChange.plusMillis(1);
    lastChange = at;
    for (String g : groups) {
      activities.put(g, at);
    }
    activities.put("all", at);
  }
}
