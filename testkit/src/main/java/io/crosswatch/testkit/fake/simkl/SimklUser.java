package io.crosswatch.testkit.fake.simkl;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One account's library on the fake SIMKL: each title sits in one list (plantowatch, watching,
 * completed, hold, dropped) with its plays and rating, and deleting a title deletes all of that.
 * Tests seed and inspect it directly; the server's endpoints change it the same way. Thread-safe
 * (the server holds the user's lock for a whole request).
 */
public final class SimklUser {
  /** The lists a title can sit in. */
  public static final List<String> STATUSES =
      List.of("plantowatch", "watching", "completed", "hold", "dropped");

  /**
   * One library entry as a value.
   *
   * @param title the title
   * @param status its list
   * @param addedAt when it entered the library
   * @param lastWatchedAt a movie's watch time, or {@code null}
   * @param episodes watched episodes of a show, by {@code "season:number"}, with their times
   * @param rating the user's rating, or {@code null}
   * @param ratedAt when rated, or {@code null}
   */
  public record Entry(
      SimklTitle title,
      String status,
      Instant addedAt,
      Instant lastWatchedAt,
      Map<String, Instant> episodes,
      Integer rating,
      Instant ratedAt) {
    public Entry {
      episodes = java.util.Collections.unmodifiableMap(new TreeMap<>(episodes));
    }

    /** Whether a play is recorded (movie watch time or any watched episode). */
    public boolean hasPlays() {
      return lastWatchedAt != null || !episodes.isEmpty();
    }
  }

  private static final class Held {
    final SimklTitle title;
    String status;
    Instant addedAt;
    Instant lastWatchedAt;
    final Map<String, Instant> episodes = new TreeMap<>();
    Integer rating;
    Instant ratedAt;

    Held(SimklTitle title, String status, Instant addedAt) {
      this.title = title;
      this.status = status;
      this.addedAt = addedAt;
    }

    Entry value() {
      return new Entry(title, status, addedAt, lastWatchedAt, episodes, rating, ratedAt);
    }
  }

  private final String username;
  private final Clock clock;
  private final Map<String, Held> library = new LinkedHashMap<>();
  private final Map<String, Instant> activities = new TreeMap<>();
  private final SimklPlayback playback = new SimklPlayback();
  private Instant lastChange;

  SimklUser(String username, Clock clock) {
    this.username = Objects.requireNonNull(username, "username");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lastChange = clock.instant();
  }

  public String username() {
    return username;
  }

  /** The entry of a title, if it is in the library. */
  public synchronized Optional<Entry> entry(SimklTitle title) {
    Held h = library.get(title.key());
    return h == null ? Optional.empty() : Optional.of(h.value());
  }

  /** Every entry, in the order added. */
  public synchronized List<Entry> entries() {
    List<Entry> out = new ArrayList<>();
    library.values().forEach(h -> out.add(h.value()));
    return out;
  }

  /**
   * Puts a title into a list, keeping its plays and rating when it is in the library already. A
   * movie moved to completed without a watch time gets one now (SIMKL records the watch).
   */
  public synchronized void addToList(SimklTitle title, String status, Instant at) {
    if (!STATUSES.contains(status)) {
      throw new IllegalArgumentException("unknown list " + status);
    }
    String target = title.isMovie() && status.equals("watching") ? "completed" : status;
    Held h = held(title, target, at);
    h.status = target;
    if (title.isMovie() && target.equals("completed") && h.lastWatchedAt == null) {
      h.lastWatchedAt = at;
    }
    touch(title, target);
  }

  /** Records a movie's watch (SIMKL keeps the latest) and files it under completed. */
  public synchronized void watchMovie(SimklTitle title, Instant at) {
    Held h = held(title, "completed", at);
    if (h.lastWatchedAt == null || at.isAfter(h.lastWatchedAt)) {
      h.lastWatchedAt = at;
    }
    h.status = "completed";
    touch(title, "completed");
  }

  /** Marks an episode watched; the show moves to watching, or completed once all are watched. */
  public synchronized void watchEpisode(SimklTitle show, int season, int number, Instant at) {
    if (!show.hasEpisode(season, number)) {
      throw new IllegalArgumentException(show + " has no episode S" + season + "E" + number);
    }
    Held h = held(show, "watching", at);
    h.episodes.put(season + ":" + number, at);
    if (h.status.equals("plantowatch") || h.status.equals("completed")) {
      h.status = "watching";
    }
    if (h.episodes.size() >= show.episodeCount()) {
      h.status = "completed";
    }
    touch(show, h.status);
  }

  /** Unmarks an episode; the show stays in the library. False when it was not watched. */
  public synchronized boolean unwatchEpisode(SimklTitle show, int season, int number) {
    Held h = library.get(show.key());
    if (h == null || h.episodes.remove(season + ":" + number) == null) {
      return false;
    }
    touch(show, h.status);
    return true;
  }

  /**
   * Rates a title. A title not in the library is filed as SIMKL does: a movie under completed, a
   * show or anime under watching.
   */
  public synchronized void rate(SimklTitle title, int rating, Instant at) {
    Held h = held(title, title.isMovie() ? "completed" : "watching", at);
    h.rating = rating;
    h.ratedAt = at;
    touch(title, "rated_at");
  }

  /** Clears a rating; the title stays in the library. False when it had none. */
  public synchronized boolean unrate(SimklTitle title) {
    Held h = library.get(title.key());
    if (h == null || h.rating == null) {
      return false;
    }
    h.rating = null;
    h.ratedAt = null;
    touch(title, "rated_at");
    return true;
  }

  /** Deletes a title from the library with its plays and rating. False when absent. */
  public synchronized boolean delete(SimklTitle title) {
    if (library.remove(title.key()) == null) {
      return false;
    }
    touch(title, "removed_from_list");
    return true;
  }

  /** The paused playbacks (resume points) of this account. */
  public SimklPlayback playback() {
    return playback;
  }

  /** Saves a paused playback of a movie. */
  public SimklPlayback.Paused pause(SimklTitle movie, double progress, Instant at) {
    return pause(movie, 0, 0, progress, at);
  }

  /** Saves a paused playback of a movie (season and number 0) or an episode. */
  public synchronized SimklPlayback.Paused pause(
      SimklTitle title, int season, int number, double progress, Instant at) {
    SimklPlayback.Paused p = playback.pause(title, season, number, progress, at);
    touch(title, "playback");
    return p;
  }

  /** Deletes a paused playback by id; false when there is none. */
  public synchronized boolean deletePlayback(long id) {
    for (SimklPlayback.Paused p : playback.all()) {
      if (p.id() == id) {
        playback.delete(id);
        touch(p.title(), "playback");
        return true;
      }
    }
    return false;
  }

  /**
   * A finished viewing (a scrobble stop at 80 % or more): the watch is recorded, the playback is
   * gone. False when the same title finished within the last hour (SIMKL then answers 409).
   */
  public synchronized boolean finish(SimklTitle title, int season, int number, Instant at) {
    if (!playback.finish(title, season, number, at)) {
      return false;
    }
    if (playback.clear(title, season, number)) {
      touch(title, "playback");
    }
    if (title.isMovie()) {
      watchMovie(title, at);
    } else {
      watchEpisode(title, season, number, at);
    }
    return true;
  }

  /** The activity time of {@code group.field} (e.g. {@code movies.completed}), or null. */
  public synchronized Instant activity(String key) {
    return activities.get(key);
  }

  synchronized Map<String, Instant> activities() {
    return Map.copyOf(activities);
  }

  private Held held(SimklTitle title, String status, Instant at) {
    return library.computeIfAbsent(title.key(), k -> new Held(title, status, at));
  }

  private void touch(SimklTitle title, String field) {
    Instant now = clock.instant();
    Instant at = now.isAfter(lastChange) ? now : lastChange.plusMillis(1);
    lastChange = at;
    String group = SimklJson.activityGroup(title.kind());
    activities.put(group + "." + field, at);
    activities.put(group + ".all", at);
    activities.put("all", at);
  }
}
