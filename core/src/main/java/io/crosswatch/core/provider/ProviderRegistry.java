package io.crosswatch.core.provider;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The provider factories available in this build, by upper-case name: the only list of providers
 * there is. Names, config blocks and the order of names in messages all come from the factories.
 */
public final class ProviderRegistry {
  private static final Comparator<ProviderFactory> LIST_ORDER =
      Comparator.comparingInt(ProviderFactory::listOrder).thenComparing(ProviderFactory::name);

  private final Map<String, ProviderFactory> factories;

  private ProviderRegistry(Collection<? extends ProviderFactory> list) {
    List<ProviderFactory> sorted = new ArrayList<>(list);
    sorted.sort(LIST_ORDER);
    Map<String, ProviderFactory> map = new LinkedHashMap<>();
    for (ProviderFactory f : sorted) {
      ProviderFactory clash = map.putIfAbsent(f.name(), f);
      if (clash != null) {
        throw new IllegalStateException(
            "two provider factories are named "
                + f.name()
                + ": "
                + clash.getClass().getName()
                + " and "
                + f.getClass().getName());
      }
    }
    this.factories = Collections.unmodifiableMap(map);
  }

  /** Factories found on the class path through {@link ServiceLoader}. */
  public static ProviderRegistry load() {
    List<ProviderFactory> found = new ArrayList<>();
    ServiceLoader.load(ProviderFactory.class).forEach(found::add);
    return new ProviderRegistry(found);
  }

  /** A registry of exactly these factories (tests). */
  public static ProviderRegistry of(Collection<? extends ProviderFactory> list) {
    return new ProviderRegistry(list);
  }

  /** A registry of exactly these factories (tests). */
  public static ProviderRegistry of(ProviderFactory... list) {
    return of(List.of(list));
  }

  /** The factory of one provider, if this build has it. */
  public Optional<ProviderFactory> factory(String name) {
    return Optional.ofNullable(factories.get(name));
  }

  /**
   * The factory whose config block is under top-level {@code key} ({@link
   * ProviderFactory#blockKey()}, its lower-case name unless it says otherwise), if any.
   */
  public Optional<ProviderFactory> factoryOfBlock(String key) {
    for (ProviderFactory f : factories.values()) {
      if (f.blockKey().equals(key)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /** Names this build can run, in list order ({@link ProviderFactory#listOrder()}). */
  public Set<String> names() {
    return factories.keySet();
  }

  /** The factories in list order. */
  public Collection<ProviderFactory> factories() {
    return factories.values();
  }
}
