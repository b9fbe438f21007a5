package io.crosswatch.server.scrobble;

import io.crosswatch.core.scrobble.Scrobbler;

/** Starts this build's scrobbling engine over a {@link ScrobbleWiring}. */
final class BuiltInScrobbler {
  private BuiltInScrobbler() {}

  static Scrobbler create(ScrobbleWiring wiring) {
    throw new UnsupportedOperationException("this build has no scrobbling engine yet");
  }
}
