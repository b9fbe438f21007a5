package io.crosswatch.core.config;

import io.crosswatch.core.provider.ProviderRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Helpers shared by the config tests. */
final class TestConfigs {
  /**
   * FILE (needs {@code path}), TRACKER (needs nothing), TRAKT and five more that need nothing,
   * listed in the order the real factories declare.
   */
  static final ProviderRegistry REGISTRY =
      ProviderRegistry.of(
          TestProviderFactory.optional("EMBY", 80),
          TestProviderFactory.file(),
          TestProviderFactory.optional("PLEX", 60, "server_url", "account_token"),
          TestProviderFactory.tracker(),
          TestProviderFactory.optional("MDBLIST", 50),
          TestProviderFactory.trakt(),
          TestProviderFactory.optional("SIMKL", 40),
          TestProviderFactory.optional("JELLYFIN", 70));

  /** A FILE block with instances {@code default} and {@code backup}, used by pair cases. */
  static final String PROVIDERS =
      "'file': {'path': 'library.json', 'instances': {'backup': {'path': 'backup.json'}}}";

  private TestConfigs() {}

  /** JSON written with single quotes, for readable one-line configs. */
  static String json(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }

  /** A config with the FILE block and one pair (single-quoted JSON of the pair object). */
  static String withPair(String pair) {
    return json("{" + PROVIDERS + ", 'pairs': [" + pair + "]}");
  }

  /** Writes {@code text} to {@code dir/config.json}. */
  static Path write(Path dir, String text) {
    Path file = dir.resolve("config.json");
    try {
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
