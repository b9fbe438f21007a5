package io.crosswatch.core.config;

import static java.util.Collections.unmodifiableMap;

import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.core.provider.ProviderRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the provider blocks ({@code "file": {...}}) into instances, validating each with its
 * factory, and answers which instances pairs may use.
 *
 * <p>An instance whose settings are not even an object is still registered under its name: the load
 * fails anyway, and pairs naming it then get no second, misleading error.
 */
final class ProviderBlocks {
  static final String DEFAULT = "default";
  private static final String INSTANCES = "instances";

  private final ProviderRegistry registry;
  private final Issues issues;
  private final Map<String, Map<String, JsonNode>> instances = new TreeMap<>();

  ProviderBlocks(ProviderRegistry registry, Issues issues) {
    this.registry = registry;
    this.issues = issues;
  }

  /** Reads the block under top-level {@code key}, the block key of a known provider. */
  void read(String key, JsonNode block) {
    Optional<ProviderFactory> factory = registry.factoryOfBlock(key);
    if (factory.isEmpty()) {
      throw new IllegalArgumentException("not a provider block: " + key);
    }
    String name = factory.get().name();
    Optional<ConfigObject> object = ConfigObject.of(block, key, issues);
    if (object.isEmpty()) {
      instances.put(name, Map.of(DEFAULT, block));
      return;
    }
    readBlock(name, factory.get(), object.get());
  }

  /**
   * Whether a provider that this build has can be used by a pair: its block was read, or it needs
   * no settings, in which case {@code {}} becomes its {@code default} instance.
   */
  boolean ensureConfigured(String name) {
    if (instances.containsKey(name)) {
      return true;
    }
    ProviderFactory factory = registry.factory(name).orElseThrow();
    if (!acceptsEmpty(factory, factory.blockKey())) {
      return false;
    }
    instances.put(name, Map.of(DEFAULT, JsonNodeFactory.instance.objectNode()));
    return true;
  }

  /** Instance names of a configured provider: {@code default} first, then in file order. */
  List<String> instanceNames(String name) {
    return List.copyOf(instances.getOrDefault(name, Map.of()).keySet());
  }

  /** Upper-case name → instance → settings, unmodifiable, instances in file order. */
  Map<String, Map<String, JsonNode>> instances() {
    Map<String, Map<String, JsonNode>> copy = new TreeMap<>();
    instances.forEach((name, named) -> copy.put(name, unmodifiableMap(new LinkedHashMap<>(named))));
    return unmodifiableMap(copy);
  }

  private void readBlock(String name, ProviderFactory factory, ConfigObject block) {
    ObjectNode own = block.node().deepCopy();
    own.remove(INSTANCES);
    Map<String, JsonNode> found = new LinkedHashMap<>();
    boolean onlyNamed = own.isEmpty() && block.has(INSTANCES);
    if (!onlyNamed) {
      add(found, factory, DEFAULT, own, block.path());
    } else if (acceptsEmpty(factory, block.path())) {
      found.put(DEFAULT, own);
    }
    block.object(INSTANCES).ifPresent(named -> readNamed(found, factory, named));
    instances.put(name, found);
  }

  private void readNamed(Map<String, JsonNode> found, ProviderFactory factory, ConfigObject named) {
    for (String instance : named.keys()) {
      JsonNode settings = named.take(instance);
      if (instance.isEmpty() || instance.equals(DEFAULT)) {
        named.error(
            instance,
            "instance name must be non-empty and not \"default\" (that name "
                + "belongs to the block's own keys)");
      } else if (ConfigObject.of(settings, named.pathOf(instance), issues).isPresent()) {
        add(found, factory, instance, settings, named.pathOf(instance));
      } else {
        found.put(instance, settings);
      }
    }
  }

  private void add(
      Map<String, JsonNode> found,
      ProviderFactory factory,
      String instance,
      JsonNode settings,
      String path) {
    issues.addAll(factory.validate(settings, path));
    found.put(instance, settings);
  }

  private static boolean acceptsEmpty(ProviderFactory factory, String path) {
    List<ConfigIssue> problems = factory.validate(JsonNodeFactory.instance.objectNode(), path);
    return problems.stream().noneMatch(ConfigIssue::isError);
  }
}
