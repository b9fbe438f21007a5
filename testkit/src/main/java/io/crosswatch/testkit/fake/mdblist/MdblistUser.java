package io.crosswatch.testkit.fake.mdblist;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One account's data on the fake MDBList: watchlist, ratings and plays, and the activity times of
 * {@code /sync/last_activities}. Tests seed and inspect it directly; the server's endpoints change
 * it the same way.
 *
 * <p>Activity times, as MDBList is reported to keep them: an addition moves its group's time
 * ({@code watchlisted_at}, {@code watched_at} for movies, {@code episode_watched_at}, {@code
 * rated_at}) and {@code journal_at}; a removal moves only {@code journal_at}. Each change gets a
 * time later than the one before, even when the clock stands still. Thread-safe.
 */
public final class MdblistUser {
  /** A watchlist entry. */
  public record Listed(MdblistTitle title, Instant listedAt) {}

  /** A rating 1–10. */
  public record Rating(MdblistTitle title, int rating, Instant ratedAt) {}

  /** A play of a movie, or of an episode ({@code season}/{@code number} set) of a show. */
  public record Play(MdblistTitle title, Integer season, Integer number, Instant watchedAt) {}

  /** The activity time every change moves. */
  public static final String JOURNAL = "journal_at";

  private final String name;
  private final Clock clock;
  private final Map<String, Listed> watchlist = new LinkedHashMap<>();
  private final Map<String, Rating> ratings = new LinkedHashMap<>();
  private final List<Play> plays = new ArrayList<>();
  private final Map<String, Instant> activities = new TreeMap<>();
  private Instant lastChange;

  MdblistUser(String name, Clock clock) {
    this.name = Objects.requireNonNull(name, "name");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lastChange = clock.instant();
  }

  public String name() {
    return name;
  }

  public synchronized List<Listed> watchlist() {
    return List.copyOf(watchlist.values());
  }

  public synchronized List<Rating> ratings() {
    return List.copyOf(ratings.values());
  }

  public synchronized List<Play> plays() {
    return List.copyOf(plays);
  }

  /** Lists a title; false when listed already. */
  public synchronized boolean list(MdblistTitle t, Instant at) {
    boolean added = watchlist.putIfAbsent(t.key(), new Listed(t, at)) == null;
    if (added) {
      touch("watchlisted_at");
    }
    return added;
  }

  /** Unlists a title; false when it was not listed. */
  public synchronized boolean unlist(MdblistTitle t) {
    boolean removed = watchlist.remove(t.key()) != null;
    if (removed) {
      touch(JOURNAL);
    }
    return removed;
  }

  /** Rates a title (replacing an older rating). */
  public synchronized void rate(MdblistTitle t, int rating, Instant at) {
    ratings.put(t.key(), new Rating(t, rating, at));
    touch("rated_at");
  }

  /** Removes a rating; false when none. */
  public synchronized boolean unrate(MdblistTitle t) {
    boolean removed = ratings.remove(t.key()) != null;
    if (removed) {
      touch(JOURNAL);
    }
    return removed;
  }

  /** Records a play. */
  public synchronized void play(MdblistTitle t, Integer season, Integer number, Instant at) {
    plays.add(new Play(t, season, number, at));
    touch(season == null ? "watched_at" : "episode_watched_at");
  }

  /** Removes the plays of a movie, or of one episode; returns how many. */
  public synchronized int unplay(MdblistTitle t, Integer season, Integer number) {
    int before = plays.size();
    plays.removeIf(
        p ->
            p.title().key().equals(t.key())
                && (season == null || season.equals(p.season()))
                && (number == null || number.equals(p.number())));
    int removed = before - plays.size();
    if (removed > 0) {
      touch(JOURNAL);
    }
    return removed;
  }

  /** The time of an activity ({@code rated_at}, {@code journal_at}, …), or null when never. */
  public synchronized Instant activity(String key) {
    return activities.get(key);
  }

  synchronized Map<String, Instant> activities() {
    return Map.copyOf(activities);
  }

  private void touch(String key) {
    Instant now = clock.instant();
    Instant at = now.isAfter(lastChange) ? now : lastChange.plusMillis(1);
    lastChange = at;
    activities.put(key, at);
    activities.put(JOURNAL, at);
  }
}
