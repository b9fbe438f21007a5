package io.crosswatch.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.crosswatch.core.config.secrets.Fernet;
import io.crosswatch.core.config.secrets.KnownSecrets;
import io.crosswatch.core.provider.ConfigIssue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Values CrossWatch stored encrypted ({@code "enc:v1:<Fernet token>"}) are decrypted with the key
 * from the environment or {@code .cw_master_key} before validation; without a usable key the config
 * is invalid with an error at each value's path naming where keys are looked for.
 */
class EncryptedConfigValuesTest {
  private static final String KEY = Base64.getUrlEncoder().encodeToString(bytes(32, 3));
  private static final String TOKEN = "trakt-token-0123456789";
  private static final String SECRET = "trakt-secret-abcdefghij";

  @TempDir Path dir;

  private static byte[] bytes(int n, int seed) {
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) (seed * 17 + i * 5);
    }
    return b;
  }

  private static String enc(String key, String plain) {
    Fernet fernet = Fernet.ofEncodedKey(key).orElseThrow();
    return "enc:v1:"
        + fernet.encrypt(plain.getBytes(StandardCharsets.UTF_8), 1_767_225_600L, bytes(16, 9));
  }

  private Path config() {
    return TestConfigs.write(
        dir,
        TestConfigs.json(
            "{'trakt': {'client_id': 'id', 'client_secret': '"
                + enc(KEY, SECRET)
                + "', 'access_token': '"
                + enc(KEY, TOKEN)
                + "', 'instances': {'work': {'access_token': 'plain-work-token'}}},"
                + " 'scrobble': {'secrets': ['"
                + enc(KEY, "listed-secret-value")
                + "']},"
                + " 'pairs': [{'source': 'TRACKER', 'target': 'TRAKT',"
                + " 'features': {'watchlist': true}}]}"));
  }

  private LoadedConfig load(Map<String, String> env) throws ConfigException {
    return new ConfigLoader(TestConfigs.REGISTRY, env).load(config());
  }

  private static String value(Config config, String instance, String key) {
    return config.instanceSettings("TRAKT", instance).orElseThrow().get(key).asString();
  }

  @Test
  void valuesAreDecryptedWithTheKeyFromCwConfigKey() throws Exception {
    Config config = load(Map.of("CW_CONFIG_KEY", KEY)).config();

    assertThat(value(config, "default", "access_token")).isEqualTo(TOKEN);
    assertThat(value(config, "default", "client_secret")).isEqualTo(SECRET);
    assertThat(value(config, "work", "access_token")).isEqualTo("plain-work-token");
  }

  @Test
  void theKeyFileBesideTheConfigWorksToo() throws Exception {
    Files.writeString(dir.resolve(".cw_master_key"), KEY + "\n");

    Config config = load(Map.of()).config();

    assertThat(value(config, "default", "access_token")).isEqualTo(TOKEN);
  }

  @Test
  void decryptedValuesBecomeKnownSecrets() throws Exception {
    load(Map.of("CROSSWATCH_CONFIG_KEY", KEY));

    assertThat(KnownSecrets.all()).contains(TOKEN, SECRET, "listed-secret-value");
    assertThat(KnownSecrets.mask("Bearer " + TOKEN)).isEqualTo("Bearer ***");
  }

  @Test
  void withoutAKeyEachEncryptedValueIsAnErrorNamingWhereKeysAreLookedFor() {
    ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(Map.of()));

    assertThat(e.errors())
        .extracting(ConfigIssue::path)
        .containsExactly("trakt.client_secret", "trakt.access_token", "scrobble.secrets[0]");
    assertThat(e.errors().get(1).message())
        .contains("is encrypted")
        .contains("no key was found")
        .contains("CW_CONFIG_KEY")
        .contains("CROSSWATCH_CONFIG_KEY")
        .contains(dir.resolve(".cw_master_key").toString());
  }

  @Test
  void aWrongKeyIsAnErrorAtThePathNamingTheKeyUsed() {
    String wrong = Base64.getUrlEncoder().encodeToString(bytes(32, 4));

    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> load(Map.of("CW_CONFIG_KEY", wrong)));

    assertThat(e.errors()).extracting(ConfigIssue::path).contains("trakt.access_token");
    assertThat(e.getMessage())
        .contains("trakt.access_token: is encrypted")
        .contains("cannot be decrypted with the key from CW_CONFIG_KEY")
        .contains("wrong key")
        .contains(dir.resolve(".cw_master_key").toString())
        .doesNotContain(wrong);
  }

  @Test
  void aValueNotMadeByFernetIsAnErrorAtItsPath() throws Exception {
    TestConfigs.write(
        dir,
        TestConfigs.json(
            "{'trakt': {'access_token': 'enc:v1:not-a-token'}, 'pairs': [{'source': 'TRACKER',"
                + " 'target': 'TRAKT', 'features': {'watchlist': true}}]}"));

    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                new ConfigLoader(TestConfigs.REGISTRY, Map.of("CW_CONFIG_KEY", KEY))
                    .load(dir.resolve("config.json")));

    assertThat(e.getMessage()).contains("trakt.access_token: is encrypted").contains("not");
  }

  @Test
  void aConfigWithoutEncryptedValuesNeedsNoKey() throws Exception {
    TestConfigs.write(dir, TestConfigs.withPair("{'source': 'FILE', 'target': 'TRACKER'}"));

    assertThat(
            new ConfigLoader(TestConfigs.REGISTRY, Map.of())
                .load(dir.resolve("config.json"))
                .config()
                .pairs())
        .hasSize(1);
  }
}
