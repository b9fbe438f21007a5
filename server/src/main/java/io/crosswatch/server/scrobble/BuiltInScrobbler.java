package io.crosswatch.server.scrobble;

import io.crosswatch.core.scrobble.ScrobbleEngine;
import io.crosswatch.core.scrobble.Scrobbler;

/** Starts this build's scrobbling engine ({@link ScrobbleEngine}) over a {@link ScrobbleWiring}. */
final class BuiltInScrobbler {
  private BuiltInScrobbler() {}

  static Scrobbler create(ScrobbleWiring wiring) {
    return ScrobbleEngine.builder(wiring.settings(), wiring.sinks(), wiring.stateDir())
        .clock(wiring.clock())
        .observer(wiring.observer())
        .build();
  }
}
