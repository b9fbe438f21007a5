package io.crosswatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.provider.ProviderRegistry;
import io.crosswatch.providers.auth.TokenStore;
import io.crosswatch.providers.auth.Tokens;
import io.crosswatch.providers.trakt.TraktProviderFactory;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.trakt.FakeTraktServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AuthCommandTest {
  private final FakeTime time = FakeTime.standard();
  private final FakeTraktServer trakt = FakeTraktServer.builder().clock(time).build().start();
  @TempDir Path dir;
  private Map<String, String> env = Map.of();

  @AfterEach
  void stop() {
    trakt.close();
  }

  /** Runs {@code cw} in-process with the fake clock's sleeper for the device flow. */
  private Cli.Result cw(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Main main =
        new Main(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env,
            time,
            new SplittableRandom(7),
            () -> ProviderRegistry.of(new TraktProviderFactory()),
            false);
    CommandLine cli = main.commandLine();
    ((AuthCommand) cli.getSubcommands().get("auth").getCommand()).sleeper = time.sleeper();
    int code = cli.execute(args);
    return new Cli.Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path config(String traktBlock) throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, "{\"trakt\": " + traktBlock + ", \"pairs\": []}");
    return file;
  }

  private Path fullConfig() throws Exception {
    return config(
        "{\"client_id\": \""
            + FakeTraktServer.CLIENT_ID
            + "\", \"client_secret\": \""
            + FakeTraktServer.CLIENT_SECRET
            + "\", \"base_url\": \""
            + trakt.baseUrl()
            + "\"}");
  }

  @Test
  void authorizesWithTheDeviceFlowAndSavesTheTokensOwnerOnly() throws Exception {
    trakt.oauth().approveAfter(1);
    Path state = dir.resolve("state");

    Cli.Result r =
        cw("auth", "trakt", "--config", fullConfig().toString(), "--state-dir", state.toString());

    Path file = state.resolve("secrets").resolve("TRAKT-default.json");
    Tokens saved = new TokenStore(state).load("TRAKT", "default").orElseThrow();
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains(
            "Open https://trakt.tv/activate and enter code "
                + trakt.oauth().lastUserCode().orElseThrow())
        .contains("Authorized as crosswatch; tokens saved to " + file);
    assertThat(r.out() + r.err())
        .doesNotContain(saved.accessToken(), saved.refreshToken(), FakeTraktServer.CLIENT_SECRET);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void aClientSecretCrossWatchStoredEncryptedIsDecryptedAndNeitherSavedNorPrinted()
      throws Exception {
    String key = "a passphrase for the config key";
    String secret =
        ConfigKeyTokens.encrypt(
            key, FakeTraktServer.CLIENT_SECRET.getBytes(StandardCharsets.UTF_8));
    Path file =
        config(
            "{\"client_id\": \""
                + FakeTraktServer.CLIENT_ID
                + "\", \"client_secret\": \"enc:v1:"
                + secret
                + "\", \"base_url\": \""
                + trakt.baseUrl()
                + "\"}");
    byte[] before = Files.readAllBytes(file);
    env = Map.of("CW_CONFIG_KEY", key);
    trakt.oauth().approveAfter(1);
    Path state = dir.resolve("state");

    Cli.Result r =
        cw("auth", "trakt", "--config", file.toString(), "--state-dir", state.toString());

    assertThat(r.code()).as(r.out() + r.err()).isZero();
    assertThat(new TokenStore(state).load("TRAKT", "default")).isPresent();
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    String saved = Files.readString(state.resolve("secrets").resolve("TRAKT-default.json"));
    assertThat(saved + r.out() + r.err()).doesNotContain(FakeTraktServer.CLIENT_SECRET);
  }

  @Test
  void aMissingClientSecretIsAConfigErrorNamingThePath() throws Exception {
    Path config = config("{\"client_id\": \"abc\"}");

    Cli.Result r =
        cw(
            "auth",
            "trakt",
            "--config",
            config.toString(),
            "--state-dir",
            dir.resolve("state").toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("trakt.client_secret: missing");
    assertThat(r.out()).isEmpty();
    assertThat(trakt.requests()).isEmpty();
  }

  @Test
  void anUnconfiguredInstanceIsAConfigError() throws Exception {
    Cli.Result r =
        cw(
            "auth",
            "trakt",
            "--config",
            fullConfig().toString(),
            "--instance",
            "work",
            "--state-dir",
            dir.resolve("state").toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("trakt.instances.work: not configured");
  }

  @Test
  void aDeniedAuthorizationExits1WithAClearMessage() throws Exception {
    trakt.oauth().denyAfter(0);

    Cli.Result r =
        cw(
            "auth",
            "trakt",
            "--config",
            fullConfig().toString(),
            "--state-dir",
            dir.resolve("state").toString());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("authorization stopped", "denied");
    assertThat(dir.resolve("state").resolve("secrets").resolve("TRAKT-default.json"))
        .doesNotExist();
  }

  @Test
  void authWithoutAServiceIsAUsageError() {
    Cli.Result r = cw("auth");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("missing subcommand: trakt");
  }
}
