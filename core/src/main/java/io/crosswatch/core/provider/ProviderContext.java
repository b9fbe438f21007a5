package io.crosswatch.core.provider;

import io.crosswatch.core.apply.Sleeper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
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
 * @param sleeper how the instance waits (rate limits, retries, polls)
 * @param random the instance's own randomness (backoff jitter); not shared with other threads
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
    DiagnosticLog log,
    Sleeper sleeper,
    RandomGenerator random) {

  public ProviderContext {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(settingsPath, "settingsPath");
    Objects.requireNonNull(configDir, "configDir");
    Objects.requireNonNull(stateDir, "stateDir");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(log, "log");
    Objects.requireNonNull(sleeper, "sleeper");
    Objects.requireNonNull(random, "random");
  }

  /** A context that waits for real and has fresh randomness. */
  public ProviderContext(
      String name,
      String instance,
      JsonNode settings,
      String settingsPath,
      Path configDir,
      Path stateDir,
      Clock clock,
      boolean debugHttp,
      DiagnosticLog log) {
    this(
        name,
        instance,
        settings,
        settingsPath,
        configDir,
        stateDir,
        clock,
        debugHttp,
        log,
        Sleeper.SYSTEM,
        new SplittableRandom());
  }

  /** This context with another sleeper and randomness (tests use fake time and seeds). */
  public ProviderContext withTiming(Sleeper sleeper, RandomGenerator random) {
    return new ProviderContext(
        name,
        instance,
        settings,
        settingsPath,
        configDir,
        stateDir,
        clock,
        debugHttp,
        log,
        sleeper,
        random);
  }

  /** A path from the settings, resolved against the config file's folder. */
  public Path resolve(String path) {
    return configDir.resolve(path).normalize();
  }
}
