package io.crosswatch.core.config;

import io.crosswatch.core.provider.ConfigIssue;
import java.util.List;

/** A valid config and the warnings found while loading it. */
public record LoadedConfig(Config config, List<ConfigIssue> warnings) {
  public LoadedConfig {
    warnings = List.copyOf(warnings);
  }
}
