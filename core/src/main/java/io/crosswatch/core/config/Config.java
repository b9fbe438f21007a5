package io.crosswatch.core.config;

import io.crosswatch.core.apply.Sleeper;
import io.crosswatch.core.provider.DiagnosticLog;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A loaded, validated config.
 *
 * @param file the config file
 * @param providerInstances per upper-case provider name, per instance name, the instance's settings
 *     object (for {@code default}: the block without {@code instances})
 * @param scheduling when {@code cw serve} runs by itself
 * @param web settings of {@code cw serve}
 * @param scrobble live scrobbling inside {@code cw serve}
 */
public record Config(
    Path file,
    RuntimeSettings runtime,
    SyncSettings sync,
    Map<String, Map<String, JsonNode>> providerInstances,
    List<PairSettings> pairs,
    ScheduleSettings scheduling,
    WebSettings web,
    ScrobbleSettings scrobble) {

  public Config {
    providerInstances = Map.copyOf(providerInstances);
    pairs = List.copyOf(pairs);
    Objects.requireNonNull(scheduling, "scheduling");
    Objects.requireNonNull(web, "web");
    Objects.requireNonNull(scrobble, "scrobble");
  }

  /** A config without schedule, web or scrobble settings. */
  public Config(
      Path file,
      RuntimeSettings runtime,
      SyncSettings sync,
      Map<String, Map<String, JsonNode>> providerInstances,
      List<PairSettings> pairs) {
    this(
        file,
        runtime,
        sync,
        providerInstances,
        pairs,
        ScheduleSettings.DEFAULTS,
        WebSettings.DEFAULTS,
        ScrobbleSettings.DEFAULTS);
  }

  /** The same config with another runtime block (e.g. the state dir a command resolved). */
  public Config withRuntime(RuntimeSettings other) {
    return new Config(file, other, sync, providerInstances, pairs, scheduling, web, scrobble);
  }

  /** Folder of the config file; relative paths resolve against it. */
  public Path directory() {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of(".").toAbsolutePath() : parent;
  }

  /**
   * Where one provider instance's settings sit in the config file, as messages name them: the
   * provider's block ({@code trakt}; {@code imports} for IMPORT) for the {@code default} instance,
   * else {@code trakt.instances.NAME}.
   */
  public static String instancePath(ProviderFactory factory, String instance) {
    String block = factory.blockKey();
    return ProviderBlocks.DEFAULT.equals(instance) ? block : block + ".instances." + instance;
  }

  /**
   * The context one provider instance is created with: its settings (an empty object when the
   * instance needs none), where they sit in this config, and the folders, clock and debug flag of
   * this config; the log, sleeper and randomness are the caller's.
   */
  public ProviderContext providerContext(
      ProviderFactory factory,
      String instance,
      Path stateDir,
      Clock clock,
      DiagnosticLog log,
      Sleeper sleeper,
      RandomGenerator random) {
    String name = factory.name();
    return new ProviderContext(
        name,
        instance,
        instanceSettings(name, instance).orElseGet(JsonNodeFactory.instance::objectNode),
        instancePath(factory, instance),
        directory(),
        stateDir,
        clock,
        runtime.debugHttp(),
        log,
        sleeper,
        random);
  }

  /** Settings of one provider instance, if configured. */
  public Optional<JsonNode> instanceSettings(String provider, String instance) {
    Map<String, JsonNode> instances = providerInstances.get(provider);
    return Optional.ofNullable(instances == null ? null : instances.get(instance));
  }
}
