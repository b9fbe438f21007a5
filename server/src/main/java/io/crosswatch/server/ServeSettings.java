package io.crosswatch.server;

import io.crosswatch.core.provider.ProviderRegistry;
import io.crosswatch.server.scrobble.ScrobblerFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * What the service works on: the config file, the state dir (shared with CLI runs), the providers,
 * the clock, the version it reports and the scrobbling engine it starts when the config enables it.
 */
public record ServeSettings(
    Path configFile,
    Path stateDir,
    ProviderRegistry registry,
    Clock clock,
    String version,
    ScrobblerFactory scrobblers) {
  /** Settings with this build's scrobbling engine. */
  public ServeSettings(
      Path configFile, Path stateDir, ProviderRegistry registry, Clock clock, String version) {
    this(configFile, stateDir, registry, clock, version, ScrobblerFactory.BUILT_IN);
  }

  public ServeSettings {
    Objects.requireNonNull(scrobblers, "scrobblers");
    Objects.requireNonNull(configFile, "configFile");
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(version, "version");
  }
}
