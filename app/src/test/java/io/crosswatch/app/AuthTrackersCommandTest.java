package io.crosswatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.core.provider.ProviderRegistry;
import io.crosswatch.providers.auth.TokenStore;
import io.crosswatch.providers.auth.Tokens;
import io.crosswatch.providers.mdblist.MdblistProviderFactory;
import io.crosswatch.providers.simkl.SimklProviderFactory;
import io.crosswatch.testkit.fake.FakeTime;
import io.crosswatch.testkit.fake.mdblist.FakeMdblistServer;
import io.crosswatch.testkit.fake.simkl.FakeSimklServer;
import io.crosswatch.testkit.fake.simkl.SimklPins;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cw auth simkl} (PIN flow) and {@code cw auth mdblist --api-key-stdin}. */
class AuthTrackersCommandTest {
  private final FakeTime time = FakeTime.standard();
  private final FakeSimklServer simkl = FakeSimklServer.builder().clock(time).build().start();
  private final FakeMdblistServer mdblist =
      FakeMdblistServer.builder().clock(time).quota(1000, 900).build().start();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    simkl.close();
    mdblist.close();
  }

  private Cli.Result cw(String stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Main main =
        new Main(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            Map.of(),
            time,
            new SplittableRandom(7),
            () -> ProviderRegistry.of(new SimklProviderFactory(), new MdblistProviderFactory()),
            false,
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            null);
    CommandLine cli = main.commandLine();
    AuthCommand auth = (AuthCommand) cli.getSubcommands().get("auth").getCommand();
    auth.sleeper = time.sleeper();
    int code = cli.execute(args);
    return new Cli.Result(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path config(String blocks) throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, "{" + blocks + "\"pairs\": []}");
    return file;
  }

  private Path simklConfig() throws Exception {
    return config(
        "\"simkl\": {\"client_id\": \""
            + FakeSimklServer.CLIENT_ID
            + "\", \"access_token\": \"old-config-token\", \"base_url\": \""
            + simkl.baseUrl()
            + "\"},");
  }

  private Path mdblistConfig() throws Exception {
    return config("\"mdblist\": {\"base_url\": \"" + mdblist.baseUrl() + "\"},");
  }

  /** Both blocks and a pair SIMKL → MDBLIST, so that health checks both. */
  private Path pairConfig() throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(
        file,
        "{\"simkl\": {\"client_id\": \""
            + FakeSimklServer.CLIENT_ID
            + "\", \"access_token\": \"old-config-token\", \"base_url\": \""
            + simkl.baseUrl()
            + "\"}, \"mdblist\": {\"base_url\": \""
            + mdblist.baseUrl()
            + "\"}, \"pairs\": [{\"source\": \"SIMKL\", \"target\": \"MDBLIST\","
            + " \"features\": {\"watchlist\": true}}]}");
    return file;
  }

  private String state() {
    return dir.resolve("state").toString();
  }

  @Test
  void simklPinFlowPrintsTheCodePollsAtTheIntervalAndSavesTheTokenOwnerOnly() throws Exception {
    simkl.pins().approveAfter(2);

    Cli.Result r =
        cw("", "auth", "simkl", "--config", simklConfig().toString(), "--state-dir", state());

    Path file = dir.resolve("state").resolve("secrets").resolve("SIMKL-default.json");
    Tokens saved = new TokenStore(dir.resolve("state")).load("SIMKL", "default").orElseThrow();
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains(
            "Open "
                + SimklPins.VERIFICATION_URL
                + " and enter code "
                + simkl.pins().lastUserCode().orElseThrow())
        .contains("Authorized as crosswatch; token saved to " + file);
    assertThat(saved.accessToken()).isEqualTo(simkl.pins().issuedTokens().get(0));
    assertThat(saved.refreshToken()).isEmpty();
    assertThat(saved.expiresAt()).isZero();
    assertThat(r.out() + r.err()).doesNotContain(saved.accessToken(), "old-config-token");
    assertThat(time.sleeps())
        .containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
    assertThat(simkl.count("GET /oauth/pin/" + simkl.pins().lastUserCode().orElseThrow()))
        .isEqualTo(3);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void theSavedSimklTokenIsWhatRunsUseInsteadOfTheConfigs() throws Exception {
    simkl.pins().approveAfter(0);
    Path config = pairConfig();
    cw("", "auth", "simkl", "--config", config.toString(), "--state-dir", state());
    simkl.clearLog();

    Cli.Result r = cw("", "health", "--config", config.toString(), "--state-dir", state());

    assertThat(r.out() + r.err()).doesNotContain("old-config-token");
    assertThat(simkl.requests())
        .isNotEmpty()
        .allSatisfy(
            q ->
                assertThat(q.request().header("authorization"))
                    .contains("Bearer " + simkl.pins().issuedTokens().get(0)));
  }

  @Test
  void anSimklCodeNeverEnteredExpiresWithExit1AndNothingSaved() throws Exception {
    simkl.pins().lifetime(Duration.ofSeconds(30));

    Cli.Result r =
        cw("", "auth", "simkl", "--config", simklConfig().toString(), "--state-dir", state());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("authorization stopped", "expired", "cw auth simkl");
    assertThat(time.slept()).isEqualTo(Duration.ofSeconds(30));
    assertThat(dir.resolve("state").resolve("secrets").resolve("SIMKL-default.json"))
        .doesNotExist();
  }

  @Test
  void simklWithoutAClientIdIsAConfigErrorNamingThePath() throws Exception {
    Cli.Result r =
        cw(
            "",
            "auth",
            "simkl",
            "--config",
            config("\"simkl\": {},").toString(),
            "--state-dir",
            state());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("simkl.client_id: missing");
    assertThat(simkl.requests()).isEmpty();
  }

  @Test
  void mdblistChecksTheKeyFromStdinAndSavesItOwnerOnlyWithoutPrintingIt() throws Exception {
    Cli.Result r =
        cw(
            FakeMdblistServer.API_KEY + "\n",
            "auth",
            "mdblist",
            "--api-key-stdin",
            "--config",
            mdblistConfig().toString(),
            "--state-dir",
            state());

    Path file = dir.resolve("state").resolve("secrets").resolve("MDBLIST-default.json");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("The api key works", "saved to " + file);
    assertThat(r.out() + r.err()).doesNotContain(FakeMdblistServer.API_KEY);
    assertThat(mdblist.count("GET /user")).isEqualTo(1);
    assertThat(
            new TokenStore(dir.resolve("state"))
                .load("MDBLIST", "default")
                .orElseThrow()
                .accessToken())
        .isEqualTo(FakeMdblistServer.API_KEY);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void aRefusedMdblistKeyExits1AndIsNotSavedNorPrinted() throws Exception {
    Cli.Result r =
        cw(
            "not-the-key\n",
            "auth",
            "mdblist",
            "--api-key-stdin",
            "--config",
            mdblistConfig().toString(),
            "--state-dir",
            state());

    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("MDBList refused the api key; nothing was saved");
    assertThat(r.out() + r.err()).doesNotContain("not-the-key");
    assertThat(dir.resolve("state").resolve("secrets").resolve("MDBLIST-default.json"))
        .doesNotExist();
  }

  @Test
  void mdblistWithoutApiKeyStdinOrWithAnEmptyStdinIsAUsageError() throws Exception {
    Cli.Result noFlag =
        cw(
            "x\n",
            "auth",
            "mdblist",
            "--config",
            mdblistConfig().toString(),
            "--state-dir",
            state());
    Cli.Result empty =
        cw(
            "",
            "auth",
            "mdblist",
            "--api-key-stdin",
            "--config",
            mdblistConfig().toString(),
            "--state-dir",
            state());

    assertThat(noFlag.code()).isEqualTo(2);
    assertThat(noFlag.err()).contains("--api-key-stdin");
    assertThat(empty.code()).isEqualTo(2);
    assertThat(empty.err()).contains("no api key on stdin");
    assertThat(mdblist.requests()).isEmpty();
  }

  @Test
  void theSavedMdblistKeyIsWhatRunsUse() throws Exception {
    Path config = pairConfig();
    cw(
        FakeMdblistServer.API_KEY + "\n",
        "auth",
        "mdblist",
        "--api-key-stdin",
        "--config",
        config.toString(),
        "--state-dir",
        state());

    Cli.Result r =
        cw("", "health", "--config", config.toString(), "--state-dir", state(), "--json");

    assertThat(r.out()).contains("daily_quota_left").doesNotContain(FakeMdblistServer.API_KEY);
  }
}
