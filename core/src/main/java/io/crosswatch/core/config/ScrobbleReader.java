package io.crosswatch.core.config;

import io.crosswatch.core.config.ScrobbleSettings.Sink;
import io.crosswatch.core.config.ScrobbleSettings.Source;
import io.crosswatch.core.config.ScrobbleSettings.Via;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.core.provider.ProviderRegistry;
import io.crosswatch.core.scrobble.ScrobbleRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code scrobble} block. CrossWatch's own block loads too: its {@code mode} ({@code
 * webhook} or {@code watch}) is the {@code via} of sources that name none, and its other keys
 * ({@code watch}, {@code webhook}, {@code trakt}, …) are reported as unused.
 */
final class ScrobbleReader {
  private static final Map<String, Via> VIAS = SettingsReader.byKey(Via.values(), Via::key);

  private final ProviderRegistry registry;
  private final ProviderNames names;
  private final ProviderBlocks blocks;
  private final Issues issues;

  ScrobbleReader(
      ProviderRegistry registry, ProviderNames names, ProviderBlocks blocks, Issues issues) {
    this.registry = registry;
    this.names = names;
    this.blocks = blocks;
    this.issues = issues;
  }

  ScrobbleSettings read(ConfigObject block) {
    boolean enabled = block.bool("enabled", false);
    Via fallback = block.oneOf("mode", VIAS, Via.WEBHOOK);
    List<Source> sources = list(block, "sources", (item, path) -> source(item, fallback));
    List<Sink> sinks = list(block, "sinks", (item, path) -> sink(item));
    block.warnUnknownKeys();
    if (enabled && sources.isEmpty()) {
      block.warn(
          "sources",
          "scrobbling is enabled but no source is configured; add e.g. {\"provider\": \"PLEX\","
              + " \"users\": [\"your Plex user\"]}");
    }
    if (enabled && sinks.isEmpty()) {
      block.warn(
          "sinks",
          "scrobbling is enabled but no sink is configured; add e.g. {\"provider\": \"TRAKT\"}");
    }
    return new ScrobbleSettings(enabled, sources, sinks);
  }

  private <T> List<T> list(
      ConfigObject block, String key, BiFunction<ConfigObject, String, Optional<T>> reader) {
    JsonNode node = block.take(key);
    if (node == null) {
      return List.of();
    }
    if (!node.isArray()) {
      block.error(key, "must be an array of objects, got " + JsonPaths.describe(node));
      return List.of();
    }
    List<T> values = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      String path = JsonPaths.index(block.pathOf(key), i);
      ConfigObject.of(node.get(i), path, issues)
          .flatMap(item -> reader.apply(item, path))
          .ifPresent(values::add);
    }
    return values;
  }

  private Optional<Source> source(ConfigObject item, Via fallback) {
    Optional<String[]> endpoint = endpoint(item, ScrobbleRole.SOURCE, "a media server");
    Via via = item.oneOf("via", VIAS, fallback);
    List<String> users = users(item);
    item.warnUnknownKeys();
    return endpoint.map(e -> new Source(e[0], e[1], via, users));
  }

  private Optional<Sink> sink(ConfigObject item) {
    Optional<String[]> endpoint = endpoint(item, ScrobbleRole.SINK, "a tracker");
    item.warnUnknownKeys();
    return endpoint.map(e -> new Sink(e[0], e[1]));
  }

  private List<String> users(ConfigObject item) {
    JsonNode node = item.take("users");
    String hint = "list the server's user names whose plays are scrobbled, e.g. [\"alice\"]";
    if (node == null) {
      item.error("users", "is required: " + hint);
      return List.of();
    }
    List<String> users = new ArrayList<>();
    boolean valid = node.isArray() && !node.isEmpty();
    for (int i = 0; valid && i < node.size(); i++) {
      JsonNode user = node.get(i);
      valid = user.isString() && !user.stringValue().isBlank();
      if (valid) {
        users.add(user.stringValue().strip());
      }
    }
    if (!valid) {
      item.error("users", "must be a non-empty array of names: " + hint);
      return List.of();
    }
    return users;
  }

  /** {provider, instance} of a source or sink, checked against the provider blocks. */
  private Optional<String[]> endpoint(ConfigObject item, ScrobbleRole role, String what) {
    String instance = item.string("instance", ProviderBlocks.DEFAULT);
    JsonNode raw = item.take("provider");
    List<String> capable = capable(role);
    if (raw == null || !raw.isString()) {
      item.error(
          "provider",
          (raw == null ? "is required" : "must be a provider name, got " + JsonPaths.describe(raw))
              + ": one of "
              + String.join(", ", capable));
      return Optional.empty();
    }
    String provider = raw.stringValue();
    if (!names.isKnown(provider)) {
      item.error("provider", names.unknownMessage(provider));
      return Optional.empty();
    }
    if (!capable.contains(provider)) {
      item.error(
          "provider",
          provider
              + " is not "
              + what
              + " crosswatch can scrobble "
              + (role == ScrobbleRole.SOURCE ? "from" : "to")
              + "; use one of "
              + String.join(", ", capable));
      return Optional.empty();
    }
    if (!blocks.ensureConfigured(provider)) {
      String block = registry.factory(provider).map(ProviderFactory::blockKey).orElseThrow();
      item.error(
          "provider",
          "provider " + provider + " is not configured (add a \"" + block + "\" block)");
      return Optional.empty();
    }
    List<String> known = blocks.instanceNames(provider);
    if (!known.contains(instance)) {
      item.error(
          "instance",
          provider
              + " has no instance \""
              + instance
              + "\" (known: "
              + String.join(", ", known)
              + ")");
      return Optional.empty();
    }
    return Optional.of(new String[] {provider, instance});
  }

  private List<String> capable(ScrobbleRole role) {
    return registry.names().stream()
        .filter(
            name -> registry.factory(name).map(f -> f.scrobbleRoles().contains(role)).orElse(false))
        .toList();
  }
}
