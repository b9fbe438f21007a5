package io.crosswatch.core.config;

import io.crosswatch.core.provider.ProviderRegistry;
import java.util.List;
import java.util.Locale;

/** The provider names the config may mention, in the order messages list them. */
final class ProviderNames {
  /** {@link ProviderRegistry#KNOWN_NAMES} in the design's order (a test keeps them equal). */
  static final List<String> IN_ORDER =
      List.of("FILE", "TRACKER", "TRAKT", "SIMKL", "MDBLIST", "PLEX", "JELLYFIN", "EMBY");

  private ProviderNames() {}

  static boolean isKnown(String name) {
    return ProviderRegistry.KNOWN_NAMES.contains(name);
  }

  /** Whether a top-level key is a provider block: the lower-case form of a known name. */
  static boolean isBlockKey(String key) {
    return key.equals(key.toLowerCase(Locale.ROOT)) && isKnown(key.toUpperCase(Locale.ROOT));
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
