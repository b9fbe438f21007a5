package io.crosswatch.core.config;

import io.crosswatch.core.provider.ProviderRegistry;
import java.nio.file.Path;
import java.util.Objects;

/** Reads {@code config.json}, applies defaults and validates every key. */
public final class ConfigLoader {
  private final ProviderRegistry registry;

  public ConfigLoader(ProviderRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * Loads and validates a config file.
   *
   * @throws ConfigException listing every error (JSON path and message) when the config is invalid
   */
  public LoadedConfig load(Path file) throws ConfigException {
    throw new UnsupportedOperationException("not yet implemented");
  }
}
