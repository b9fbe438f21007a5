package io.crosswatch.core.config;

import io.crosswatch.core.config.secrets.EncryptedValues;
import io.crosswatch.core.config.secrets.KnownSecrets;
import io.crosswatch.core.config.secrets.SecretKeys;
import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.core.provider.ProviderRegistry;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code config.json}, applies defaults and validates every key.
 *
 * <p>Loading collects every problem before giving up: errors (wrong types or values, unknown
 * providers, unknown instances, syntax errors, duplicate keys) make {@link #load} throw one {@link
 * ConfigException} listing them all as {@code path: message}; warnings (unknown keys, blocks of
 * providers this build lacks) come back with the config.
 *
 * <p>Provider blocks: a top-level key that is the lower-case name of a known provider ({@code
 * file}, {@code trakt}, ...) configures that provider. The block's own keys (all but {@code
 * instances}) are instance {@code default}; each entry of {@code instances} is a named instance.
 * Named instances do <em>not</em> inherit the default's keys: each holds its full settings. A block
 * holding nothing but {@code instances} has no {@code default} instance unless the provider accepts
 * empty settings. A provider used by a pair without a block counts as configured with {@code {}}
 * when the provider accepts empty settings (e.g. a local tracker).
 *
 * <p>Other top-level keys are warned about and ignored, so a CrossWatch config, which carries many
 * more, still loads ({@link UnknownKeys} summarizes those warnings for people). Values CrossWatch
 * stored encrypted ({@code "enc:v1:…"}) are decrypted first ({@link EncryptedValues}); every
 * message is masked against the decrypted values.
 */
public final class ConfigLoader {
  private final ProviderRegistry registry;
  private final Map<String, String> env;

  /** A loader reading the key for encrypted values from the process environment. */
  public ConfigLoader(ProviderRegistry registry) {
    this(registry, System.getenv());
  }

  /**
   * A loader reading the key for encrypted values ({@code CW_CONFIG_KEY}, {@code
   * CROSSWATCH_CONFIG_KEY}) from {@code env}.
   */
  public ConfigLoader(ProviderRegistry registry, Map<String, String> env) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
  }

  /**
   * Loads and validates a config file.
   *
   * @throws ConfigException listing every error (JSON path and message) when the config is invalid
   */
  public LoadedConfig load(Path file) throws ConfigException {
    Objects.requireNonNull(file, "file");
    Issues issues = new Issues();
    Path absolute = file.toAbsolutePath().normalize();
    Path directory = Objects.requireNonNullElse(absolute.getParent(), absolute);
    Optional<Config> config =
        ConfigFileReader.read(file, issues)
            .flatMap(root -> ConfigObject.of(root, "", issues))
            .map(
                root -> {
                  issues.addAll(EncryptedValues.decrypt(root.node(), directory, env));
                  SecretKeys.remember(root.node());
                  return read(root, absolute, issues);
                });
    if (issues.hasErrors() || config.isEmpty()) {
      throw new ConfigException(masked(issues.all()));
    }
    return new LoadedConfig(config.get(), masked(issues.warnings()));
  }

  /** The issues with every decrypted value masked, should a check have echoed one. */
  private static List<ConfigIssue> masked(List<ConfigIssue> issues) {
    return issues.stream()
        .map(i -> new ConfigIssue(i.severity(), i.path(), KnownSecrets.mask(i.message())))
        .toList();
  }

  private Config read(ConfigObject root, Path file, Issues issues) {
    Path directory = Objects.requireNonNullElse(file.getParent(), file);
    ProviderNames names = new ProviderNames(registry);
    RuntimeSettings runtime =
        root.object("runtime")
            .map(block -> SettingsReader.runtime(block, directory, names))
            .orElse(RuntimeSettings.DEFAULTS);
    SyncSettings sync = root.object("sync").map(SettingsReader::sync).orElse(SyncSettings.DEFAULTS);
    ProviderBlocks blocks = new ProviderBlocks(registry, issues);
    Set<String> topLevel = Set.copyOf(root.keys());
    for (String key : root.keys()) {
      if (names.isBlockKey(key)) {
        blocks.read(key, root.take(key));
      }
    }
    List<PairSettings> pairs =
        new PairsReader(registry, names, blocks, topLevel, issues).read(root.take("pairs"));
    checkUsedInstances(pairs, blocks.instances(), issues);
    ScheduleSettings scheduling =
        root.object("scheduling").map(ScheduleReader::scheduling).orElse(ScheduleSettings.DEFAULTS);
    WebSettings web = root.object("web").map(ScheduleReader::web).orElse(WebSettings.DEFAULTS);
    ScrobbleReader scrobbles = new ScrobbleReader(registry, names, blocks, issues);
    ScrobbleSettings scrobble =
        root.object("scrobble").map(scrobbles::read).orElse(ScrobbleSettings.DEFAULTS);
    root.warnUnknownKeys();
    return new Config(file, runtime, sync, blocks.instances(), pairs, scheduling, web, scrobble);
  }

  /** Asks each provider about the settings of the instances enabled pairs use, once each. */
  private void checkUsedInstances(
      List<PairSettings> pairs, Map<String, Map<String, JsonNode>> instances, Issues issues) {
    Set<String> checked = new HashSet<>();
    for (PairSettings pair : pairs) {
      if (!pair.enabled()) {
        continue;
      }
      for (InstanceRef side : pair.sides()) {
        JsonNode settings = instances.getOrDefault(side.provider(), Map.of()).get(side.instance());
        Optional<ProviderFactory> factory = registry.factory(side.provider());
        if (settings != null
            && settings.isObject()
            && factory.isPresent()
            && checked.add(side.label())) {
          issues.addAll(
              factory
                  .get()
                  .validateForUse(settings, Config.instancePath(factory.get(), side.instance())));
        }
      }
    }
  }
}
