package io.crosswatch.core.config;

import io.crosswatch.core.provider.ProviderRegistry;
import java.util.Locale;

/** The provider names the config may mention (the registry's), as messages list them. */
final class ProviderNames {
  private final ProviderRegistry registry;

  ProviderNames(ProviderRegistry registry) {
    this.registry = registry;
  }

  boolean isKnown(String name) {
    return registry.factory(name).isPresent();
  }

  /** Whether a top-level key is a provider block. */
  boolean isBlockKey(String key) {
    return registry.factoryOfBlock(key).isPresent();
  }

  /** {@code unknown provider "X" (known: FILE, TRACKER, …)}, with a hint for lower case. */
  String unknownMessage(String name) {
    String hint = isKnown(name.toUpperCase(Locale.ROOT)) ? "; provider names are upper case" : "";
    return "unknown provider \"" + name + "\" (known: " + knownList() + hint + ")";
  }

  /** {@code FILE, TRACKER, …}. */
  String knownList() {
    return String.join(", ", registry.names());
  }
}
