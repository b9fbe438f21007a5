package io.crosswatch.server.scrobble;

import io.crosswatch.core.scrobble.Scrobbler;

/** Builds the scrobbling engine of one {@code scrobble} config for {@code cw serve}. */
@FunctionalInterface
public interface ScrobblerFactory {
  /** The engine of this build. */
  ScrobblerFactory BUILT_IN = BuiltInScrobbler::create;

  /**
   * Builds and starts a scrobbler over the wiring's sinks and state dir.
   *
   * @throws Exception when it cannot start (e.g. the state database cannot be opened); the service
   *     then runs without scrobbling and says why on the dashboard and in its log
   */
  Scrobbler create(ScrobbleWiring wiring) throws Exception;
}
