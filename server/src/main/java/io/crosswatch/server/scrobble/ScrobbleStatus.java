package io.crosswatch.server.scrobble;

import io.crosswatch.core.scrobble.NowPlaying;
import io.crosswatch.core.scrobble.ScrobbleNotice;
import java.util.List;

/**
 * Scrobbling as the dashboard and {@code GET /api/scrobble} show it.
 *
 * @param enabled whether the config turns scrobbling on
 * @param running whether the engine runs (enabled and started)
 * @param warnings sources, sinks or watchers that could not be set up, and why
 */
public record ScrobbleStatus(
    boolean enabled,
    boolean running,
    List<NowPlaying> nowPlaying,
    List<ScrobbleNotice> recent,
    List<String> warnings) {
  public ScrobbleStatus {
    nowPlaying = List.copyOf(nowPlaying);
    recent = List.copyOf(recent);
    warnings = List.copyOf(warnings);
  }

  /** Scrobbling off. */
  public static final ScrobbleStatus OFF =
      new ScrobbleStatus(false, false, List.of(), List.of(), List.of());
}
