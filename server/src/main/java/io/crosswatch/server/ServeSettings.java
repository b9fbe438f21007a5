package io.crosswatch.server;

import io.crosswatch.core.provider.ProviderRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * What the service works on: the config file, the state dir (shared with CLI runs), the providers,
 * the clock and the version it reports.
 */
public record ServeSettings(
    Path configFile, Path stateDir, ProviderRegistry registry, Clock clock, String version) {
  public ServeSettings {
    Objects.requireNonNull(configFile, "configFile");
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(version, "version");
  }
}
