package io.crosswatch.testkit.fake.mdblist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One account's data on the fake MDBList: watchlist, ratings and plays. Tests seed and inspect it
 * directly; the server's endpoints change it the same way. Thread-safe.
 */
public final class MdblistUser {
  /** A watchlist entry. */
  public record Listed(MdblistTitle title, Instant listedAt) {}

  /** A rating 1–10. */
  public record Rating(MdblistTitle title, int rating, Instant ratedAt) {}

  /** A play of a movie, or of an episode ({@code season}/{@code number} set) of a show. */
  public record Play(MdblistTitle title, Integer season, Integer number, Instant watchedAt) {}

  private final String name;
  private final Map<String, Listed> watchlist = new LinkedHashMap<>();
  private final Map<String, Rating> ratings = new LinkedHashMap<>();
  private final List<Play> plays = new ArrayList<>();

  MdblistUser(String name) {
    this.name = name;
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
    return watchlist.putIfAbsent(t.key(), new Listed(t, at)) == null;
  }

  /** Unlists a title; false when it was not listed. */
  public synchronized boolean unlist(MdblistTitle t) {
    return watchlist.remove(t.key()) != null;
  }

  /** Rates a title (replacing an older rating). */
  public synchronized void rate(MdblistTitle t, int rating, Instant at) {
    ratings.put(t.key(), new Rating(t, rating, at));
  }

  /** Removes a rating; false when none. */
  public synchronized boolean unrate(MdblistTitle t) {
    return ratings.remove(t.key()) != null;
  }

  /** Records a play. */
  public synchronized void play(MdblistTitle t, Integer season, Integer number, Instant at) {
    plays.add(new Play(t, season, number, at));
  }

  /** Removes the plays of a movie, or of one episode; returns how many. */
  public synchronized int unplay(MdblistTitle t, Integer season, Integer number) {
    int before = plays.size();
    plays.removeIf(
        p ->
            p.title().key().equals(t.key())
                && (season == null || season.equals(p.season()))
                && (number == null || number.equals(p.number())));
    return before - plays.size();
  }
}
