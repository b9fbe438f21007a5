package io.crosswatch.testkit.fake.trakt;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * One account's playback progress (resume points) on the fake Trakt: at most one per movie or
 * episode, as a percentage with the time it was paused. A paused scrobble creates or replaces one;
 * starting playback or a finished scrobble removes it. Guarded by the owning user's lock.
 */
public final class TraktPlayback {

  /** One resume point; {@code id} is the playback id that {@code DELETE} takes. */
  public record Paused(long id, TraktTitle title, double progress, Instant pausedAt) {}

  private final Map<String, Paused> byTitle = new LinkedHashMap<>();
  private final LongSupplier ids;

  TraktPlayback(LongSupplier ids) {
    this.ids = ids;
  }

  /** Every resume point, oldest first. */
  public List<Paused> all() {
    return List.copyOf(byTitle.values());
  }

  /** The resume point of a title, if any. */
  public Optional<Paused> of(TraktTitle title) {
    return Optional.ofNullable(byTitle.get(title.key()));
  }

  /** Creates or replaces a title's resume point (a new playback id each time, as Trakt does). */
  public Paused pause(TraktTitle title, double progress, Instant at) {
    byTitle.remove(title.key());
    Paused p = new Paused(ids.getAsLong(), title, progress, at);
    byTitle.put(title.key(), p);
    return p;
  }

  /** Removes a resume point by playback id; the title it belonged to, if any. */
  public Optional<TraktTitle> delete(long playbackId) {
    for (Paused p : byTitle.values()) {
      if (p.id() == playbackId) {
        byTitle.remove(p.title().key());
        return Optional.of(p.title());
      }
    }
    return Optional.empty();
  }

  /** Removes a title's resume point; false when it had none. */
  public boolean clear(TraktTitle title) {
    return byTitle.remove(title.key()) != null;
  }
}
