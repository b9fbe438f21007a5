package io.crosswatch.server.scrobble;

import io.crosswatch.core.scrobble.NowPlaying;
import io.crosswatch.core.scrobble.PlaybackEvent;
import io.crosswatch.core.scrobble.PlaybackState;
import io.crosswatch.core.scrobble.ScrobbleNotice;
import io.crosswatch.core.scrobble.Scrobbler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scrobbling engine for tests of the service's wiring: each scrobbler records the reports it is
 * given and the wiring it was built with; it sends nothing. {@link #fail} makes the next builds
 * throw.
 */
final class RecordingScrobblers implements ScrobblerFactory {
  final List<Recording> built = new CopyOnWriteArrayList<>();
  volatile String fail;

  @Override
  public Scrobbler create(ScrobbleWiring wiring) {
    if (fail != null) {
      throw new IllegalStateException(fail);
    }
    Recording r = new Recording(wiring);
    built.add(r);
    return r;
  }

  /** The scrobbler built last. */
  Recording last() {
    if (built.isEmpty()) {
      throw new AssertionError("no scrobbler was built");
    }
    return built.get(built.size() - 1);
  }

  /** Every report any scrobbler was given. */
  List<PlaybackEvent> events() {
    List<PlaybackEvent> all = new ArrayList<>();
    built.forEach(r -> all.addAll(r.events));
    return all;
  }

  /** One scrobbler: the reports, in order, and whether it was closed. */
  static final class Recording implements Scrobbler {
    final ScrobbleWiring wiring;
    final List<PlaybackEvent> events = new CopyOnWriteArrayList<>();
    final List<ScrobbleNotice> notices = new CopyOnWriteArrayList<>();
    volatile boolean closed;

    Recording(ScrobbleWiring wiring) {
      this.wiring = wiring;
    }

    @Override
    public void accept(PlaybackEvent event) {
      if (closed) {
        throw new IllegalStateException("report after close");
      }
      events.add(event);
    }

    /** Tells the service of a notice, as the engine would. */
    void notice(ScrobbleNotice n) {
      notices.add(0, n);
      wiring.observer().notice(n);
    }

    @Override
    public List<NowPlaying> nowPlaying() {
      return events.stream()
          .filter(e -> e.state() != PlaybackState.STOPPED)
          .map(
              e ->
                  new NowPlaying(
                      e.source(),
                      e.instance(),
                      e.user(),
                      e.item(),
                      e.state(),
                      e.progressPercent(),
                      e.at()))
          .toList();
    }

    @Override
    public List<ScrobbleNotice> recent(int limit) {
      return notices.subList(0, Math.min(limit, notices.size()));
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
