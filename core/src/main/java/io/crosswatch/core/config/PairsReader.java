package io.crosswatch.core.config;

import io.crosswatch.core.model.Feature;
import io.crosswatch.core.provider.ProviderFactory;
import io.crosswatch.core.provider.ProviderRegistry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code pairs}: ids, endpoints (checked against the provider blocks), mode, features. A pair
 * naming a provider this build lacks is an error, unless the config holds that provider's block too
 * (see {@link #isElsewhere}): then it is a warning and the run skips the pair.
 */
final class PairsReader {
  private static final String PATH = "pairs";

  /** {@code features.playlists.order}: whether the target keeps the source's member order. */
  private static final Map<String, Boolean> ORDERS = orders();

  private static final Map<String, SyncMode> MODES =
      SettingsReader.byKey(SyncMode.values(), SyncMode::key);

  private final ProviderRegistry registry;
  private final ProviderNames names;
  private final ProviderBlocks blocks;
  private final Set<String> configBlocks;
  private final Issues issues;
  private final Map<String, String> pathById = new HashMap<>();
  private RatingsFilter ratingsFilter = RatingsFilter.ALL;

  /**
   * @param configBlocks the config's top-level keys: an unknown provider whose block is among them
   *     is a service this build lacks (a warning, the pair skipped), else an error
   */
  PairsReader(
      ProviderRegistry registry,
      ProviderNames names,
      ProviderBlocks blocks,
      Set<String> configBlocks,
      Issues issues) {
    this.registry = registry;
    this.names = names;
    this.blocks = blocks;
    this.configBlocks = Set.copyOf(configBlocks);
    this.issues = issues;
  }

  private static Map<String, Boolean> orders() {
    Map<String, Boolean> orders = new java.util.LinkedHashMap<>();
    orders.put("preserve", Boolean.TRUE);
    orders.put("ignore", Boolean.FALSE);
    return java.util.Collections.unmodifiableMap(orders);
  }

  /** The pairs of {@code node} (the value of {@code pairs}, null when missing). */
  List<PairSettings> read(JsonNode node) {
    if (node != null && !node.isArray()) {
      issues.error(PATH, "must be an array of pairs, got " + JsonPaths.describe(node));
      return List.of();
    }
    if (node == null || node.isEmpty()) {
      issues.warning(PATH, "no pairs configured");
      return List.of();
    }
    List<PairSettings> pairs = new ArrayList<>();
    for (int i = 0; i < node.size(); i++) {
      int index = i;
      ConfigObject.of(node.get(i), JsonPaths.index(PATH, i), issues)
          .ifPresent(pair -> pairs.add(readPair(pair, index)));
    }
    return pairs;
  }

  private PairSettings readPair(ConfigObject pair, int index) {
    ratingsFilter = RatingsFilter.ALL;
    String id = id(pair, index);
    boolean enabled = pair.bool("enabled", true);
    Endpoint source = endpoint(pair, "source");
    Endpoint target = endpoint(pair, "target");
    SyncMode mode = pair.oneOf("mode", MODES, SyncMode.ONE_WAY);
    Map<Feature, FeatureSettings> features = features(pair);
    pair.warnUnknownKeys();
    if (source.usable() && source.equals(target)) {
      issues.error(pair.path(), "source and target are the same instance " + source.label());
    }
    return new PairSettings(
        id,
        enabled,
        source.provider(),
        source.instance(),
        target.provider(),
        target.instance(),
        mode,
        features,
        ratingsFilter);
  }

  private String id(ConfigObject pair, int index) {
    String fallback = "pair-" + (index + 1);
    if (!pair.has("id")) {
      String other = pathById.putIfAbsent(fallback, pair.path());
      if (other != null) {
        pair.error("id", "is missing and the default id \"" + fallback + "\" is taken by " + other);
      }
      return fallback;
    }
    String id = pair.string("id", fallback);
    if (id.isBlank()) {
      pair.error("id", "must be a non-empty string (or left out for \"" + fallback + "\")");
    } else if (pathById.containsKey(id)) {
      pair.error("id", "duplicate pair id \"" + id + "\" (also used by " + pathById.get(id) + ")");
    } else {
      pathById.put(id, pair.path());
    }
    return id;
  }

  /** One side of a pair; {@code usable} when it names an instance this build can run. */
  private record Endpoint(String provider, String instance, boolean usable) {
    String label() {
      return provider + ":" + instance;
    }
  }

  private Endpoint endpoint(ConfigObject pair, String side) {
    String instanceKey = side + "_instance";
    String instance = pair.string(instanceKey, ProviderBlocks.DEFAULT);
    JsonNode raw = pair.take(side);
    if (raw == null) {
      pair.error(side, "is required: one of " + names.knownList());
      return new Endpoint("", instance, false);
    }
    if (!raw.isString()) {
      pair.error(
          side,
          "must be a provider name (" + names.knownList() + "), got " + JsonPaths.describe(raw));
      return new Endpoint("", instance, false);
    }
    String provider = raw.stringValue();
    if (!names.isKnown(provider)) {
      if (isElsewhere(provider)) {
        issues.warning(
            pair.pathOf(side),
            "provider " + provider + " is not available in this build; the pair will be skipped");
      } else {
        pair.error(side, names.unknownMessage(provider));
      }
      return new Endpoint(provider, instance, false);
    }
    if (!blocks.ensureConfigured(provider)) {
      String block = registry.factory(provider).map(ProviderFactory::blockKey).orElseThrow();
      pair.error(
          side, "provider " + provider + " is not configured (add a \"" + block + "\" block)");
      return new Endpoint(provider, instance, false);
    }
    List<String> known = blocks.instanceNames(provider);
    if (!known.contains(instance)) {
      pair.error(
          instanceKey,
          provider
              + " has no instance \""
              + instance
              + "\" (known: "
              + String.join(", ", known)
              + ")");
      return new Endpoint(provider, instance, false);
    }
    return new Endpoint(provider, instance, true);
  }

  /**
   * Whether an unknown provider name is one of a service this build does not have, rather than a
   * typo: an upper-case name (as provider names are) whose lower-case block the config holds too,
   * as a CrossWatch config holds one for every service CrossWatch has ({@code anilist}, {@code
   * kodi}, …).
   */
  private boolean isElsewhere(String provider) {
    return provider.matches("[A-Z][A-Z0-9_]*")
        && configBlocks.contains(provider.toLowerCase(Locale.ROOT));
  }

  private Map<Feature, FeatureSettings> features(ConfigObject pair) {
    Map<Feature, FeatureSettings> features = new EnumMap<>(Feature.class);
    for (Feature feature : Feature.values()) {
      features.put(feature, FeatureSettings.OFF);
    }
    Optional<ConfigObject> block = pair.object("features");
    block.ifPresent(
        b -> {
          for (Feature feature : Feature.values()) {
            JsonNode value = b.take(feature.key());
            if (value != null) {
              features.put(feature, feature(value, b.pathOf(feature.key()), feature));
            }
          }
          b.warnUnknownKeys();
        });
    return features;
  }

  private FeatureSettings feature(JsonNode value, String path, Feature feature) {
    if (value.isBoolean()) {
      return value.booleanValue() ? FeatureSettings.ADD_ONLY : FeatureSettings.OFF;
    }
    if (!value.isObject()) {
      issues.error(path, "must be true, false or an object, got " + JsonPaths.describe(value));
      return FeatureSettings.OFF;
    }
    ConfigObject settings = ConfigObject.of(value, path, issues).orElseThrow();
    boolean enable = settings.bool("enable", true);
    boolean add = settings.bool("add", true);
    boolean remove = settings.bool("remove", false);
    boolean rewatches = feature == Feature.HISTORY && settings.bool("rewatches", false);
    boolean preserveOrder =
        feature == Feature.PLAYLISTS && settings.oneOf("order", ORDERS, Boolean.FALSE);
    if (feature == Feature.RATINGS) {
      ratingsFilter = RatingsFilterReader.read(settings);
    }
    settings.warnUnknownKeys();
    return new FeatureSettings(enable, add, remove, rewatches, preserveOrder);
  }
}
