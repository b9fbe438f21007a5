package io.crosswatch.testkit;

import io.crosswatch.core.provider.ConfigIssue;
import io.crosswatch.core.provider.Provider;
import io.crosswatch.core.provider.ProviderContext;
import io.crosswatch.core.provider.ProviderFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * A factory handing out pre-registered provider instances by instance name, for orchestrator tests:
 * {@code ProviderRegistry.of(factory)}. An instance asked for but not registered is created as an
 * empty {@link InMemoryProvider} and kept, so later runs get the same one. Every settings object is
 * accepted.
 */
public final class InMemoryProviderFactory implements ProviderFactory {
  private final String name;
  private final Map<String, Provider> instances = new LinkedHashMap<>();
  private final List<ProviderContext> contexts = new ArrayList<>();

  /** A factory for the provider name used in pairs, e.g. {@code TRAKT}. */
  public InMemoryProviderFactory(String name) {
    this.name = Objects.requireNonNull(name, "name");
  }

  /**
   * Registers a provider (an {@link InMemoryProvider}, a {@link FlakyProvider}, …) under its
   * instance name.
   */
  public synchronized InMemoryProviderFactory register(Provider provider) {
    Objects.requireNonNull(provider, "provider");
    if (!provider.name().equals(name)) {
      throw new IllegalArgumentException(
          "provider " + provider.label() + " registered with factory " + name);
    }
    instances.put(provider.instance(), provider);
    return this;
  }

  /** The in-memory provider of an instance, created (empty) and registered when missing. */
  public synchronized InMemoryProvider provider(String instance) {
    Provider p = instances.computeIfAbsent(instance, i -> new InMemoryProvider(name, i));
    if (!(p instanceof InMemoryProvider)) {
      throw new IllegalStateException(name + ":" + instance + " is registered as " + p.getClass());
    }
    return (InMemoryProvider) p;
  }

  /** The contexts {@link #create} was called with, in order. */
  public synchronized List<ProviderContext> contexts() {
    return List.copyOf(contexts);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<ConfigIssue> validate(JsonNode settings, String path) {
    return List.of();
  }

  @Override
  public synchronized Provider create(ProviderContext context) {
    contexts.add(context);
    return instances.computeIfAbsent(context.instance(), i -> new InMemoryProvider(name, i));
  }
}
