package io.crosswatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.provider.ProviderRegistry;
import io.crosswatch.providers.auth.TokenStore;
import io.crosswatch.providers.auth.Tokens;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.mediabrowser.FakeMediaBrowserServer;
import io.crosswatch.testkit.fake.mediabrowser.ServerDialect;
import io.crosswatch.testkit.fake.plex.FakePlex;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cw auth plex}, {@code cw auth jellyfin} and {@code cw auth emby} against the fakes. */
class ServerAuthCommandTest {
  private static final String PLEX_ACCOUNT_TOKEN = "plex-token-from-pin-login";

  private final FakeTime time = FakeTime.standard();
  private final FakePlex plex = FakePlex.builder().clock(time).build().start();
  private final FakeMediaBrowserServer jellyfin =
      FakeMediaBrowserServer.builder(ServerDialect.JELLYFIN).clock(time).build().start();
  private final FakeMediaBrowserServer emby =
      FakeMediaBrowserServer.builder(ServerDialect.EMBY).clock(time).build().start();
  private final List<String> prompts = new ArrayList<>();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    plex.close();
    jellyfin.close();
    emby.close();
  }

  /** Runs {@code cw} in-process: {@code stdin} as input, {@code typed} at a terminal (or none). */
  private Cli.Result cw(String stdin, String typed, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PasswordPrompt prompt =
        typed == null
            ? null
            : p -> {
              prompts.add(p);
              return typed.toCharArray();
            };
    Main main =
        new Main(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of(),
            time,
            new SplittableRandom(7),
            ProviderRegistry::load,
            false,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            prompt);
    CommandLine cli = main.commandLine();
    ((AuthCommand) cli.getSubcommands().get("auth").getCommand()).sleeper = time.sleeper();
    int code = cli.execute(args);
    return new Cli.Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path state() {
    return dir.resolve("state");
  }

  private String config(String blocks) throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(
        file,
        "{\"runtime\": {\"state_dir\": \"state\", \"apply_chunk_pause_ms\": 0}, "
            + blocks
            + ", \"pairs\": []}");
    return file.toString();
  }

  private String plexBlock(String extra) {
    return "\"plex\": {\"server_url\": \""
        + plex.serverUrl()
        + "\", \"discover_url\": \""
        + plex.discoverUrl()
        + "\", \"plex_tv_url\": \""
        + plex.plexTvUrl()
        + "\""
        + extra
        + "}";
  }

  private String serverBlock(String block, FakeMediaBrowserServer server) {
    return "\"" + block + "\": {\"server\": \"" + server.baseUrl() + "\"}";
  }

  private Tokens stored(String provider) throws Exception {
    return new TokenStore(state()).load(provider, "default").orElseThrow();
  }

  private static String mode(Path file) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  // --- plex ---------------------------------------------------------------------------------

  /** {@code cw auth plex} while someone approves its PIN on plex.tv as the account signed-in. */
  private Cli.Result plexSignInApproved(String config) throws InterruptedException {
    plex.addUser("signed-in", PLEX_ACCOUNT_TOKEN);
    Thread approver =
        new Thread(
            () -> {
              while (!plex.approvePin(plex.lastPinId(), PLEX_ACCOUNT_TOKEN)) {
                Thread.onSpinWait();
              }
            });
    approver.start();
    Cli.Result r = cw("", null, "auth", "plex", "--config", config);
    approver.join(5000);
    return r;
  }

  @Test
  void plexPrintsTheApprovalPagePollsAndSavesTheTokenAndClientId() throws Exception {
    String config = config(plexBlock(""));
    Cli.Result r = plexSignInApproved(config);

    Tokens saved = stored("PLEX");
    Path file = state().resolve("secrets").resolve("PLEX-default.json");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Open https://app.plex.tv/auth#?clientID=crosswatch-");
    assertThat(r.out()).contains("Signed in; the account token is saved to " + file);
    assertThat(saved.accessToken()).isEqualTo(PLEX_ACCOUNT_TOKEN);
    assertThat(saved.extras().get("client_id")).startsWith("crosswatch-");
    assertThat(r.out() + r.err()).doesNotContain(PLEX_ACCOUNT_TOKEN);
    assertThat(mode(file)).isEqualTo("rw-------");
    assertThat(plex.plexTvRequests())
        .filteredOn(q -> q.path().equals("/api/v2/pins"))
        .extracting(q -> q.request().header("x-plex-client-identifier").orElse(""))
        .containsExactly(saved.extras().get("client_id"));
  }

  @Test
  void plexSignsInAsTheDeviceTheBlockNamesAtThePlexTvAddressItGives() throws Exception {
    // The block's values as the provider reads them: client_id stripped, plex_tv_url without its
    // trailing slash.
    String config =
        config(
            plexBlock(", \"client_id\": \" my-device \"")
                .replace(plex.plexTvUrl() + "\"", plex.plexTvUrl() + "/\""));
    Cli.Result r = plexSignInApproved(config);

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Open https://app.plex.tv/auth#?clientID=my-device&");
    assertThat(stored("PLEX").extras()).containsEntry("client_id", "my-device");
    assertThat(plex.plexTvRequests())
        .filteredOn(q -> q.path().equals("/api/v2/pins"))
        .extracting(q -> q.request().header("x-plex-client-identifier").orElse(""))
        .containsExactly("my-device");
  }

  @Test
  void plexRunsUseTheStoredTokenBeforeTheConfigs() throws Exception {
    plex.addUser("signed-in", PLEX_ACCOUNT_TOKEN);
    new TokenStore(state())
        .save(
            "PLEX",
            "default",
            new Tokens(PLEX_ACCOUNT_TOKEN, "", 0, Map.of("client_id", "crosswatch-stored")));
    String config =
        config(
            plexBlock(", \"account_token\": \"revoked-config-token\"")
                + ", \"file\": {\"path\": \"out.json\"}");
    Files.writeString(
        Path.of(config),
        Files.readString(Path.of(config))
            .replace(
                "\"pairs\": []",
                "\"pairs\": [{\"source\": \"PLEX\", \"target\": \"FILE\","
                    + " \"features\": {\"history\": true}}]"));

    Cli.Result r = cw("", null, "health", "--config", config, "--json");

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("\"account\" : \"signed-in\"");
    assertThat(plex.requests())
        .allMatch(
            q ->
                q.request()
                    .header("x-plex-client-identifier")
                    .orElse("")
                    .equals("crosswatch-stored"));
    assertThat(r.out() + r.err()).doesNotContain(PLEX_ACCOUNT_TOKEN);
  }

  @Test
  void plexStopsWithExit1AndSavesNothingWhenThePinExpires() throws Exception {
    String config = config(plexBlock(", \"client_id\": \"crosswatch-test\""));
    Thread clock =
        new Thread(
            () -> {
              while (plex.lastPinId() < 0) {
                Thread.onSpinWait();
              }
              time.advance(Duration.ofMinutes(29));
            });
    clock.start();

    Cli.Result r = cw("", null, "auth", "plex", "--config", config);
    clock.join(5000);

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("plex.tv");
    assertThat(time.sleeps()).isNotEmpty().containsOnly(Duration.ofSeconds(2));
    assertThat(state().resolve("secrets").resolve("PLEX-default.json")).doesNotExist();
  }

  // --- jellyfin and emby --------------------------------------------------------------------

  @Test
  void jellyfinLogsInWithThePasswordFromStdinAndSavesTokenAndUserId() throws Exception {
    String config = config(serverBlock("jellyfin", jellyfin));

    Cli.Result r =
        cw(
            FakeMediaBrowserServer.PASSWORD + "\n",
            null,
            "auth",
            "jellyfin",
            "--config",
            config,
            "--username",
            FakeMediaBrowserServer.USERNAME,
            "--password-stdin");

    Tokens saved = stored("JELLYFIN");
    Path file = state().resolve("secrets").resolve("JELLYFIN-default.json");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("Signed in as alice", file.toString());
    assertThat(saved.extras()).containsEntry("user_id", jellyfin.user().id());
    assertThat(jellyfin.tokenValid(saved.accessToken())).isTrue();
    assertThat(r.out() + r.err())
        .doesNotContain(saved.accessToken(), FakeMediaBrowserServer.PASSWORD);
    assertThat(mode(file)).isEqualTo("rw-------");
  }

  @Test
  void embyAsksForThePasswordOnTheTerminalAndRunsUseTheStoredLogin() throws Exception {
    String config = config(serverBlock("emby", emby) + ", \"file\": {\"path\": \"out.json\"}");
    Files.writeString(
        Path.of(config),
        Files.readString(Path.of(config))
            .replace(
                "\"pairs\": []",
                "\"pairs\": [{\"source\": \"EMBY\", \"target\": \"FILE\","
                    + " \"features\": {\"history\": true}}]"));
    emby.user().markPlayed(emby.library().generateMovies(1).get(0), time.instant());

    Cli.Result login =
        cw(
            "",
            FakeMediaBrowserServer.PASSWORD,
            "auth",
            "emby",
            "--config",
            config,
            "--username",
            FakeMediaBrowserServer.USERNAME);
    Cli.Result run = cw("", null, "run", "--config", config, "--json");

    assertThat(login.code()).as(login.toString()).isZero();
    assertThat(prompts).containsExactly("Password for alice: ");
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(Files.readString(dir.resolve("out.json"))).contains("Movie 1");
    String token = stored("EMBY").accessToken();
    assertThat(emby.requests())
        .filteredOn(q -> q.path().contains("/Items"))
        .isNotEmpty()
        .allMatch(q -> q.request().header("x-emby-token").orElse("").equals(token));
    assertThat(login.out() + login.err() + run.out() + run.err())
        .doesNotContain(token, FakeMediaBrowserServer.PASSWORD);
  }

  @Test
  void aWrongPasswordExits1WithoutSavingOrPrintingIt() throws Exception {
    String config = config(serverBlock("jellyfin", jellyfin));

    Cli.Result r =
        cw(
            "not-the-password\n",
            null,
            "auth",
            "jellyfin",
            "--config",
            config,
            "--username",
            "alice",
            "--password-stdin");

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("wrong user name or password for alice");
    assertThat(r.out() + r.err()).doesNotContain("not-the-password");
    assertThat(state().resolve("secrets").resolve("JELLYFIN-default.json")).doesNotExist();
  }

  @Test
  void withoutATerminalOrPasswordStdinItIsAUsageError() throws Exception {
    String config = config(serverBlock("jellyfin", jellyfin));

    Cli.Result r = cw("", null, "auth", "jellyfin", "--config", config, "--username", "alice");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--password-stdin");
    assertThat(jellyfin.requests()).isEmpty();
  }

  @Test
  void aMissingUsernameOrServerBlockIsAUsageError() throws Exception {
    String withBlock = config(serverBlock("jellyfin", jellyfin));
    Cli.Result noUser = cw("pw\n", null, "auth", "jellyfin", "--config", withBlock);
    String withoutBlock = config("\"file\": {\"path\": \"a.json\"}");
    Cli.Result noBlock =
        cw("pw\n", null, "auth", "emby", "--config", withoutBlock, "--username", "alice");

    assertThat(noUser.code()).isEqualTo(2);
    assertThat(noUser.err()).contains("--username is required (or set jellyfin.username)");
    assertThat(noBlock.code()).isEqualTo(2);
    assertThat(noBlock.err()).contains("emby: not configured; add it with server");
  }

  @Test
  void anEmptyServerIsAUsageErrorNamingTheKey() throws Exception {
    String config = config("\"jellyfin\": {\"server\": \"\", \"username\": \"alice\"}");

    Cli.Result r = cw("pw\n", null, "auth", "jellyfin", "--config", config, "--password-stdin");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("jellyfin.server is empty; set it to the server's address");
  }
}
