package io.crosswatch.app.servers;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.app.scenario.CliRun;
import io.crosswatch.app.scenario.Workspace;
import io.crosswatch.testkit.fake.RecordedRequest;
import io.crosswatch.testkit.fake.mediabrowser.FakeMediaBrowserServer;
import io.crosswatch.testkit.fake.mediabrowser.MbItem;
import io.crosswatch.testkit.fake.mediabrowser.MbUser;
import io.crosswatch.testkit.fake.mediabrowser.MbUserData;
import io.crosswatch.testkit.fake.mediabrowser.ServerDialect;
import io.crosswatch.testkit.fake.plex.FakePlex;
import io.crosswatch.testkit.fake.plex.PlexTitle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several instances of one media-server provider in one config, through {@code instances}: two
 * users of one Jellyfin server (one signed in with {@code cw auth jellyfin --instance}), and two
 * Plex servers. Each instance reads and writes only its own user's data.
 */
class SeveralInstancesTest {
  private static final Instant T1 = Instant.parse("2026-02-01T20:00:00Z");
  private static final Instant T2 = Instant.parse("2026-02-03T21:30:00Z");
  private static final String BOB_PASSWORD = "bob-password";
  private static final Pattern TOKEN = Pattern.compile("Token=\"([^\"]*)\"");

  @TempDir Path dir;
  private Workspace ws;
  private FakeMediaBrowserServer jellyfin;
  private MbUser alice;
  private MbUser bob;
  private List<MbItem> movies;

  @BeforeEach
  void start() {
    ws = new Workspace(dir);
    jellyfin =
        FakeMediaBrowserServer.builder(ServerDialect.JELLYFIN).clock(ws.clock()).build().start();
    alice = jellyfin.user();
    bob = jellyfin.addUser("bob", BOB_PASSWORD);
    movies = jellyfin.library().generateMovies(5);
  }

  @AfterEach
  void stop() {
    jellyfin.close();
  }

  private String jellyfinConfig() {
    String server = "\"server\": \"" + jellyfin.baseUrl() + "\", \"timeout\": 5";
    return Servers.config(
        List.of(
            "\"jellyfin\": {\"instances\": {\n    \"alice\": {"
                + server
                + ", \"access_token\": \""
                + FakeMediaBrowserServer.ACCESS_TOKEN
                + "\", \"user_id\": \""
                + alice.id()
                + "\"},\n    \"bob\": {"
                + server
                + ", \"username\": \"bob\"}}}"),
        "{\"id\": \"p\", \"source\": \"JELLYFIN\", \"source_instance\": \"alice\","
            + " \"target\": \"JELLYFIN\", \"target_instance\": \"bob\", \"mode\": \"one-way\","
            + " \"features\": {\"history\": true, \"ratings\": true, \"watchlist\": true}}");
  }

  private CliRun signInBob() {
    return ws.cwWithInput(
        BOB_PASSWORD + "\n",
        "auth",
        "jellyfin",
        "--config",
        ws.config().toString(),
        "--instance",
        "bob",
        "--password-stdin");
  }

  private static Optional<String> token(RecordedRequest r) {
    Matcher m = TOKEN.matcher(r.request().header("authorization").orElse(""));
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** A Plex server write: scrobble, unscrobble or rate. */
  private static boolean plexWrite(RecordedRequest r) {
    return r.path().startsWith("/:/");
  }

  private static String mode(Path file) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  @Test
  void twoUsersOfOneJellyfinAreTwoInstancesEachWithItsOwnTokenAndData() throws Exception {
    alice.markPlayed(movies.get(0), T1);
    alice.rate(movies.get(1), 8.0);
    alice.setFavorite(movies.get(2), true);
    bob.markPlayed(movies.get(3), T2);
    bob.rate(movies.get(4), 5.0);
    ws.write("config.json", jellyfinConfig());

    CliRun auth = signInBob();

    Path secrets = ws.stateDir().resolve("secrets");
    Path bobFile = secrets.resolve("JELLYFIN-bob.json");
    assertThat(auth.code()).as(auth.toString()).isZero();
    assertThat(auth.out()).contains("Signed in as bob", bobFile.toString());
    try (Stream<Path> files = Files.list(secrets)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("JELLYFIN-bob.json");
    }
    assertThat(mode(bobFile)).isEqualTo("rw-------");
    assertThat(Files.readString(bobFile)).contains(bob.id()).doesNotContain(alice.id());
    List<String> bobTokens =
        jellyfin.requests().stream()
            .filter(r -> r.path().endsWith("/AuthenticateByName"))
            .map(r -> r.request().header("authorization").orElse(""))
            .toList();
    assertThat(bobTokens).singleElement().asString().contains("DeviceId=\"crosswatch-bob\"");
    jellyfin.clearLog();

    CliRun first = ws.run();

    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(first.applied("history", "target", "add")).isEqualTo(1);
    assertThat(first.applied("ratings", "target", "add")).isEqualTo(1);
    assertThat(first.applied("watchlist", "target", "add")).isEqualTo(1);
    assertThat(bob.userData(movies.get(0)).lastPlayedDate()).isEqualTo(T1);
    assertThat(bob.userData(movies.get(1)).rating()).isEqualTo(8.0);
    assertThat(bob.userData(movies.get(2)).favorite()).isTrue();
    assertThat(bob.userData(movies.get(3)).lastPlayedDate()).isEqualTo(T2);
    assertThat(bob.userData(movies.get(4)).rating()).isEqualTo(5.0);
    assertThat(alice.userData(movies.get(3))).isEqualTo(MbUserData.NONE);
    assertThat(alice.userData(movies.get(4))).isEqualTo(MbUserData.NONE);
    assertThat(alice.userData(movies.get(0)).playCount()).isEqualTo(1);
    List<RecordedRequest> requests = jellyfin.requests();
    assertThat(requests).allMatch(r -> r.status() < 400, "every request accepted");
    String bobToken = token(requests.get(requests.size() - 1)).orElseThrow();
    assertThat(bobToken).isNotEqualTo(FakeMediaBrowserServer.ACCESS_TOKEN);
    assertThat(jellyfin.tokenValid(bobToken)).isTrue();
    assertThat(requests)
        .filteredOn(r -> !r.method().equals("GET"))
        .isNotEmpty()
        .allMatch(r -> token(r).orElse("").equals(bobToken), "writes carry bob's token")
        .allMatch(r -> r.request().param("userId").orElse("").equalsIgnoreCase(bob.id()));
    assertThat(requests)
        .filteredOn(r -> r.request().param("userId").orElse("").equalsIgnoreCase(alice.id()))
        .isNotEmpty()
        .allMatch(r -> r.method().equals("GET"), "alice is only read")
        .allMatch(r -> token(r).orElse("").equals(FakeMediaBrowserServer.ACCESS_TOKEN));
    assertThat(first.out() + first.err() + auth.out() + auth.err())
        .doesNotContain(bobToken, FakeMediaBrowserServer.ACCESS_TOKEN, BOB_PASSWORD);

    ws.clock().advance(Duration.ofHours(1));
    jellyfin.clearLog();
    CliRun second = ws.run();

    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(second.nonZeroPlanned()).isEmpty();
    assertThat(jellyfin.requests()).allMatch(r -> r.method().equals("GET"));
  }

  @Test
  void withoutItsSignInTheBobInstanceFailsAndAliceIsUntouched() {
    alice.markPlayed(movies.get(0), T1);
    ws.write("config.json", jellyfinConfig());

    CliRun run = ws.run();

    assertThat(run.code()).as(run.toString()).isNotZero();
    assertThat(run.out() + run.err()).contains("JELLYFIN:bob");
    assertThat(bob.userData(movies.get(0))).isEqualTo(MbUserData.NONE);
    assertThat(jellyfin.requests()).allMatch(r -> r.method().equals("GET"));
  }

  @Test
  void twoPlexServersAreTwoInstancesOfOneBlock() {
    FakePlex den = FakePlex.builder().clock(ws.clock()).machineId("fake-machine-den").build();
    FakePlex loft = FakePlex.builder().clock(ws.clock()).machineId("fake-machine-loft").build();
    try (FakePlex a = den.start();
        FakePlex b = loft.start()) {
      List<PlexTitle> inDen =
          a.catalogue().generateMovies(a.catalogue().addMovieSection("Movies"), 4);
      List<PlexTitle> inLoft =
          b.catalogue().generateMovies(b.catalogue().addMovieSection("Films"), 4);
      a.user().play(inDen.get(0), T1);
      a.user().rate(inDen.get(1), 9.0, T1);
      b.user().play(inLoft.get(2), T2);
      ws.write(
          "config.json",
          Servers.config(
              List.of(
                  "\"plex\": {\"instances\": {\n    \"den\": "
                      + Servers.plexSettings(a)
                      + ",\n    \"loft\": "
                      + Servers.plexSettings(b)
                      + "}}"),
              "{\"id\": \"p\", \"source\": \"PLEX\", \"source_instance\": \"den\","
                  + " \"target\": \"PLEX\", \"target_instance\": \"loft\","
                  + " \"mode\": \"one-way\", \"features\": {\"history\": true,"
                  + " \"ratings\": true}}"));

      CliRun first = ws.run();

      assertThat(first.code()).as(first.toString()).isZero();
      assertThat(first.applied("history", "target", "add")).isEqualTo(1);
      assertThat(first.applied("ratings", "target", "add")).isEqualTo(1);
      assertThat(b.user().state(inLoft.get(0)).viewCount()).isEqualTo(1);
      assertThat(b.user().state(inLoft.get(1)).userRating()).isEqualTo(9.0);
      assertThat(b.user().state(inLoft.get(2)).viewCount()).isEqualTo(1);
      assertThat(a.user().state(inDen.get(2)).viewCount()).isZero();
      assertThat(a.requests()).isNotEmpty().noneMatch(SeveralInstancesTest::plexWrite);

      ws.clock().advance(Duration.ofHours(1));
      b.clearLogs();
      CliRun second = ws.run();

      assertThat(second.code()).as(second.toString()).isZero();
      assertThat(second.nonZeroPlanned()).isEmpty();
      assertThat(b.requests()).isNotEmpty().noneMatch(SeveralInstancesTest::plexWrite);
    }
  }
}
