package io.crosswatch.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crosswatch.core.provider.ProviderRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broken config never echoes a secret back: an unquoted token is named, not quoted. */
class ConfigSecretsTest {
  @TempDir Path dir;

  @Test
  void anUnquotedTokenIsNotRepeatedInTheSyntaxError() throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, "{\"trakt\": {\"access_token\": sekrit123abc}}");

    ConfigException e =
        catchThrowableOfType(
            ConfigException.class, () -> new ConfigLoader(ProviderRegistry.of()).load(file));

    assertThat(e.getMessage())
        .contains("line 1, column 28")
        .contains("trakt.access_token")
        .doesNotContain("sekrit");
  }
}
