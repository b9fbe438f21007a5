package io.crosswatch.app.servers;

import static io.crosswatch.app.servers.Servers.listed;
import static io.crosswatch.app.servers.Servers.movie;
import static io.crosswatch.app.servers.Servers.played;
import static io.crosswatch.app.servers.Servers.rated;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.app.scenario.CliRun;
import io.crosswatch.app.scenario.Workspace;
import io.crosswatch.testkit.fake.mediabrowser.FakeMediaBrowserServer;
import io.crosswatch.testkit.fake.mediabrowser.MbItem;
import io.crosswatch.testkit.fake.mediabrowser.ServerDialect;
import io.crosswatch.testkit.fake.plex.FakePlex;
import io.crosswatch.testkit.fake.plex.PlexTitle;
import io.crosswatch.testkit.fake.trakt.FakeTraktServer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs against servers that answer one request in five with a 5xx (without effect): they converge
 * within two runs, write no play twice, and the run after that plans nothing.
 */
class ServerFaultsTest {
  private static final double SHARE = 0.2;
  private static final int MOVIES = 8;
  private static final Instant T0 = Instant.parse("2026-01-10T20:00:00Z");

  @TempDir Path dir;
  private Workspace ws;
  private final List<AutoCloseable> fakes = new ArrayList<>();

  @BeforeEach
  void workspace() {
    ws = new Workspace(dir);
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable f : fakes) {
      f.close();
    }
  }

  private FakeMediaBrowserServer jellyfin() {
    FakeMediaBrowserServer s =
        FakeMediaBrowserServer.builder(ServerDialect.JELLYFIN).clock(ws.clock()).build().start();
    fakes.add(s);
    return s;
  }

  private FakePlex plex() {
    FakePlex p = FakePlex.builder().clock(ws.clock()).build().start();
    fakes.add(p);
    return p;
  }

  private static Instant at(int n) {
    return T0.plus(Duration.ofHours(n));
  }

  /** Runs until a run exits 0, at most twice; returns every run. */
  private List<CliRun> runUntilClean() {
    List<CliRun> runs = new ArrayList<>();
    do {
      runs.add(ws.run());
      ws.clock().advance(Duration.ofMinutes(10));
    } while (runs.get(runs.size() - 1).code() != 0 && runs.size() < 2);
    return runs;
  }

  private static String codes(List<CliRun> runs) {
    return runs.stream().map(r -> Integer.toString(r.code())).collect(Collectors.joining(","));
  }

  @Test
  void fileToJellyfinConvergesWithEveryTitlePlayedOnce() {
    FakeMediaBrowserServer jellyfin = jellyfin();
    List<MbItem> movies = jellyfin.library().generateMovies(MOVIES);
    List<String> plays = new ArrayList<>();
    List<String> ratings = new ArrayList<>();
    List<String> watchlist = new ArrayList<>();
    for (int n = 1; n <= MOVIES; n++) {
      plays.add(movie(n, played(at(n))));
      ratings.add(movie(n, rated(1 + n % 10, at(n))));
      watchlist.add(movie(n, listed(at(n))));
    }
    ws.write("lib.json", Servers.doc(watchlist, plays, ratings));
    ws.write(
        "config.json",
        Servers.config(
            List.of(Servers.file("lib.json"), Servers.jellyfin(jellyfin)),
            Servers.pair(
                "FILE",
                "JELLYFIN",
                "one-way",
                "\"history\": true, \"ratings\": true, \"watchlist\": true")));
    jellyfin.faults().failRandomly(SHARE, 503, new SplittableRandom(11));

    List<CliRun> runs = runUntilClean();

    assertThat(runs.get(runs.size() - 1).code()).as(runs.toString()).isZero();
    assertThat(jellyfin.requests()).anyMatch(r -> r.status() == 503);
    for (int n = 1; n <= MOVIES; n++) {
      MbItem m = movies.get(n - 1);
      assertThat(jellyfin.user().userData(m).playCount()).as(m.name()).isEqualTo(1);
      assertThat(jellyfin.user().userData(m).lastPlayedDate()).isEqualTo(at(n));
      assertThat(jellyfin.user().userData(m).rating()).isEqualTo((double) (1 + n % 10));
      assertThat(jellyfin.user().userData(m).favorite()).isTrue();
    }
    CliRun after = ws.run();
    assertThat(after.code()).as(codes(runs) + "\n" + after).isZero();
    assertThat(after.nonZeroPlanned()).isEmpty();
  }

  @Test
  void jellyfinAndPlexConvergeTwoWayWithEveryTitlePlayedOnce() {
    FakeMediaBrowserServer jellyfin = jellyfin();
    FakePlex plex = plex();
    List<MbItem> jf = jellyfin.library().generateMovies(MOVIES);
    List<PlexTitle> px =
        plex.catalogue().generateMovies(plex.catalogue().addMovieSection("Movies"), MOVIES);
    for (int i = 0; i < MOVIES; i += 2) {
      jellyfin.user().markPlayed(jf.get(i), at(i));
      jellyfin.user().rate(jf.get(i), 6.0);
      plex.user().play(px.get(i + 1), at(i + 1));
      plex.user().rate(px.get(i + 1), 9.0, at(i + 1));
    }
    ws.write(
        "config.json",
        Servers.config(
            List.of(Servers.jellyfin(jellyfin), Servers.plex(plex)),
            Servers.pair("JELLYFIN", "PLEX", "two-way", "\"history\": true, \"ratings\": true")));
    jellyfin.faults().failRandomly(SHARE, 503, new SplittableRandom(12));
    plex.faults().failRandomly(SHARE, 502, new SplittableRandom(13));

    List<CliRun> runs = runUntilClean();

    assertThat(runs.get(runs.size() - 1).code()).as(runs.toString()).isZero();
    for (int i = 0; i < MOVIES; i++) {
      assertThat(jellyfin.user().userData(jf.get(i)).playCount()).isEqualTo(1);
      assertThat(plex.user().state(px.get(i)).viewCount()).isEqualTo(1);
      assertThat(jellyfin.user().userData(jf.get(i)).rating()).isEqualTo(i % 2 == 0 ? 6.0 : 9.0);
      assertThat(plex.user().state(px.get(i)).userRating()).isEqualTo(i % 2 == 0 ? 6.0 : 9.0);
    }
    CliRun after = ws.run();
    assertThat(after.code()).as(codes(runs) + "\n" + after).isZero();
    assertThat(after.nonZeroPlanned()).isEmpty();
  }

  @Test
  void plexToTraktConvergesWithoutADuplicatedPlay() {
    FakePlex plex = plex();
    FakeTraktServer trakt =
        FakeTraktServer.builder().clock(ws.clock()).writeInterval(Duration.ZERO).build().start();
    fakes.add(trakt);
    List<PlexTitle> px =
        plex.catalogue().generateMovies(plex.catalogue().addMovieSection("Movies"), MOVIES);
    trakt.catalogue().generateMovies(MOVIES);
    for (int i = 0; i < MOVIES; i++) {
      plex.user().play(px.get(i), at(i));
      plex.user().rate(px.get(i), 7.0, at(i));
    }
    ws.write(
        "config.json",
        Servers.config(
            List.of(Servers.plex(plex), Servers.trakt(trakt)),
            Servers.pair("PLEX", "TRAKT", "one-way", "\"history\": true, \"ratings\": true")));
    plex.faults().failRandomly(SHARE, 503, new SplittableRandom(14));
    trakt.faults().failRandomly(SHARE, 502, new SplittableRandom(15));

    List<CliRun> runs = runUntilClean();

    assertThat(runs.get(runs.size() - 1).code()).as(runs.toString()).isZero();
    assertThat(trakt.user().plays())
        .extracting(p -> p.title().title() + " @ " + p.watchedAt())
        .doesNotHaveDuplicates()
        .hasSize(MOVIES);
    assertThat(trakt.user().ratings()).hasSize(MOVIES);
    CliRun after = ws.run();
    assertThat(after.code()).as(codes(runs) + "\n" + after).isZero();
    assertThat(after.nonZeroPlanned()).isEmpty();
  }
}
