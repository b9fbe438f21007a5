package io.crosswatch.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A loaded, validated config.
 *
 * @param file the config file
 * @param providerInstances per upper-case provider name, per instance name, the instance's settings
 *     object (for {@code default}: the block without {@code instances})
 */
public record Config(
    Path file,
    RuntimeSettings runtime,
    SyncSettings sync,
    Map<String, Map<String, JsonNode>> providerInstances,
    List<PairSettings> pairs) {

  public Config {
    providerInstances = Map.copyOf(providerInstances);
    pairs = List.copyOf(pairs);
  }

  /** Folder of the config file; relative paths resolve against it. */
  public Path directory() {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? Path.of(".").toAbsolutePath() : parent;
  }

  /** Settings of one provider instance, if configured. */
  public Optional<JsonNode> instanceSettings(String provider, String instance) {
    Map<String, JsonNode> instances = providerInstances.get(provider);
    return Optional.ofNullable(instances == null ? null : instances.get(instance));
  }
}
