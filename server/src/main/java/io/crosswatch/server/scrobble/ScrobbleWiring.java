package io.crosswatch.server.scrobble;

import io.crosswatch.core.config.ScrobbleSettings;
import io.crosswatch.core.scrobble.ScrobbleObserver;
import io.crosswatch.core.scrobble.ScrobbleTarget;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link ScrobblerFactory} gets: the {@code scrobble} settings, the sinks that could be
 * built, the state dir (for the durable queue), the clock and where notices go.
 *
 * @param sinks by {@link ScrobbleSettings.Sink#label()}, in config order; a configured sink whose
 *     provider could not be built is missing (the service has warned about it)
 */
public record ScrobbleWiring(
    ScrobbleSettings settings,
    Map<String, ScrobbleTarget> sinks,
    Path stateDir,
    Clock clock,
    ScrobbleObserver observer) {
  public ScrobbleWiring {
    Objects.requireNonNull(settings, "settings");
    sinks = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sinks));
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(observer, "observer");
  }
}
