package io.crosswatch.core.config;

import io.crosswatch.core.provider.ProviderRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The provider names the config may mention, in the order messages list them. */
final class ProviderNames {
  /** {@link ProviderRegistry#KNOWN_NAMES} in the design's order (a test keeps them equal). */
  static final List<String> IN_ORDER =
      List.of("FILE", "TRACKER", "TRAKT", "SIMKL", "MDBLIST", "PLEX", "JELLYFIN", "EMBY", "IMPORT");

  /** Providers whose config block is not their lower-case name. */
  private static final Map<String, String> BLOCK_KEYS = Map.of("IMPORT", "imports");

  private ProviderNames() {}

  static boolean isKnown(String name) {
    return ProviderRegistry.KNOWN_NAMES.contains(name);
  }

  /** Whether a top-level key is a provider block: the lower-case form of a known name. */
  static boolean isBlockKey(String key) {
    String name = nameOfBlock(key);
    return isKnown(name) && blockKey(name).equals(key);
  }

  /** The config block of a provider: its lower-case name, or {@code imports} for IMPORT. */
  static String blockKey(String name) {
    return BLOCK_KEYS.getOrDefault(name, name.toLowerCase(Locale.ROOT));
  }

  /** The provider a config block belongs to (the inverse of {@link #blockKey}). */
  static String nameOfBlock(String key) {
    for (Map.Entry<String, String> e : BLOCK_KEYS.entrySet()) {
      if (e.getValue().equals(key)) {
        return e.getKey();
      }
    }
    return key.toUpperCase(Locale.ROOT);
  }

  /** {@code unknown provider "X" (known: FILE, TRACKER, …)}, with a hint for lower case. */
  static String unknownMessage(String name) {
    String hint = isKnown(name.toUpperCase(Locale.ROOT)) ? "; provider names are upper case" : "";
    return "unknown provider \"" + name + "\" (known: " + knownList() + hint + ")";
  }

  /** {@code FILE, TRACKER, …}. */
  static String knownList() {
    return String.join(", ", IN_ORDER);
  }
}
