package io.crosswatch.testkit.fake.simkl;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One account's paused playbacks and recent finished scrobbles on the fake SIMKL: at most one
 * playback per movie or episode, as a percentage with the time it was paused. A pause (or a stop
 * below 80 %) creates or replaces one; a stop at 80 % or more removes it and records the watch.
 * Guarded by the owning user's lock.
 */
public final class SimklPlayback {
  /** How long a finished scrobble of the same title answers 409 (assumed, as Trakt does). */
  static final Duration DUPLICATE_WINDOW = Duration.ofHours(1);

  /**
   * One saved playback.
   *
   * @param id the playback id that {@code DELETE /sync/playback/{id}} takes
   * @param title the movie, or the show of an episode
   * @param season the episode's season, or 0 for a movie
   * @param number the episode's number, or 0 for a movie
   * @param progress the percentage
   * @param pausedAt when it was paused
   */
  public record Paused(
      long id, SimklTitle title, int season, int number, double progress, Instant pausedAt) {

    /** Whether this is an episode's playback. */
    public boolean isEpisode() {
      return !title.isMovie();
    }
  }

  private final Map<String, Paused> byKey = new LinkedHashMap<>();
  private final Map<String, Instant> finished = new LinkedHashMap<>();
  private long nextId = 7_000_001L;

  /** Every saved playback, oldest first. */
  public synchronized List<Paused> all() {
    return List.copyOf(byKey.values());
  }

  /** The saved playback of a movie (season and number 0) or an episode, if any. */
  public synchronized Optional<Paused> of(SimklTitle title, int season, int number) {
    return Optional.ofNullable(byKey.get(key(title, season, number)));
  }

  /** Creates or replaces a playback (a new id each time). */
  public synchronized Paused pause(
      SimklTitle title, int season, int number, double progress, Instant at) {
    String key = key(title, season, number);
    byKey.remove(key);
    Paused p = new Paused(nextId++, title, season, number, progress, at);
    byKey.put(key, p);
    return p;
  }

  /** Removes a playback by id; false when there is none. */
  public synchronized boolean delete(long id) {
    return byKey.values().removeIf(p -> p.id() == id);
  }

  /** Removes the playback of a title (after a finished viewing); false when it had none. */
  synchronized boolean clear(SimklTitle title, int season, int number) {
    return byKey.remove(key(title, season, number)) != null;
  }

  /** Records a finished scrobble; false when the same title finished within the window. */
  synchronized boolean finish(SimklTitle title, int season, int number, Instant at) {
    String key = key(title, season, number);
    Instant last = finished.get(key);
    if (last != null && !at.isAfter(last.plus(DUPLICATE_WINDOW))) {
      return false;
    }
    finished.put(key, at);
    return true;
  }

  private static String key(SimklTitle title, int season, int number) {
    return title.key() + "|" + season + ":" + number;
  }
}
