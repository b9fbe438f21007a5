package io.crosswatch.core.provider;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * What a factory gets to build one provider instance.
 *
 * @param name upper-case provider name
 * @param instance instance name ({@code default} for the block's own keys)
 * @param settings the instance's settings object (validated)
 * @param settingsPath JSON path of {@code settings}, for messages
 * @param configDir folder of the config file; relative paths resolve against it
 * @param stateDir the state dir (exists)
 * @param clock the run's clock
 * @param debugHttp whether to log one line per HTTP call
 * @param log where diagnostics go; never receives secrets
 */
public record ProviderContext(
    String name,
    String instance,
    JsonNode settings,
    String settingsPath,
    Path configDir,
    Path stateDir,
    Clock clock,
    boolean debugHttp,
    DiagnosticLog log) {

  public ProviderContext {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(settingsPath, "settingsPath");
    Objects.requireNonNull(configDir, "configDir");
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(log, "log");
  }

  /** A path from the settings, resolved against the config file's folder. */
  public Path resolve(String path) {
    return configDir.resolve(path).normalize();
  }
}
