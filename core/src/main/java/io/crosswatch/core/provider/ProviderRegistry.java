package io.crosswatch.core.provider;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/** The provider factories available in this build, by upper-case name. */
public final class ProviderRegistry {

  /** Every provider name the config may mention, whether or not this build can run it. */
  public static final Set<String> KNOWN_NAMES =
      Set.of("FILE", "TRACKER", "TRAKT", "SIMKL", "MDBLIST", "PLEX", "JELLYFIN", "EMBY", "IMPORT");

  private final Map<String, ProviderFactory> factories;

  private ProviderRegistry(Map<String, ProviderFactory> factories) {
    this.factories = factories;
  }

  /** Factories found on the class path through {@link ServiceLoader}. */
  public static ProviderRegistry load() {
    Map<String, ProviderFactory> found = new TreeMap<>();
    for (ProviderFactory f : ServiceLoader.load(ProviderFactory.class)) {
      found.put(f.name(), f);
    }
    return new ProviderRegistry(found);
  }

  /** A registry of exactly these factories (tests). */
  public static ProviderRegistry of(Collection<? extends ProviderFactory> list) {
    Map<String, ProviderFactory> map = new TreeMap<>();
    for (ProviderFactory f : list) {
      map.put(f.name(), f);
    }
    return new ProviderRegistry(map);
  }

  /** A registry of exactly these factories (tests). */
  public static ProviderRegistry of(ProviderFactory... list) {
    return of(List.of(list));
  }

  /** The factory of one provider, if this build has it. */
  public Optional<ProviderFactory> factory(String name) {
    return Optional.ofNullable(factories.get(name));
  }

  /** Names this build can run, sorted. */
  public Set<String> names() {
    return factories.keySet();
  }
}
