package io.crosswatch.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crosswatch.core.config.secrets.KnownSecrets;
import io.crosswatch.core.provider.ProviderRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A broken config never echoes a secret back: an unquoted token is named, not quoted; a token kept
 * in plain text in a loaded config is masked wherever it would be printed, as a decrypted one is.
 */
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

  @Test
  void aPlainTextTokenOfALoadedConfigIsMaskedInPrintedText() throws Exception {
    Path file =
        TestConfigs.write(
            dir,
            TestConfigs.json(
                "{"
                    + TestConfigs.PROVIDERS
                    + ", 'trakt': {'client_id': 'visible-client-id',"
                    + " 'access_token': 'plain-access-token-4711',"
                    + " 'instances': {'work': {'refresh_token': 'plain-refresh-token-4712'}}},"
                    + " 'pairs': []}"));

    new ConfigLoader(TestConfigs.REGISTRY).load(file);

    assertThat(
            KnownSecrets.mask(
                "GET /sync failed: token plain-access-token-4711 expired, renewing with"
                    + " plain-refresh-token-4712 for visible-client-id"))
        .isEqualTo("GET /sync failed: token *** expired, renewing with *** for visible-client-id");
  }
}
