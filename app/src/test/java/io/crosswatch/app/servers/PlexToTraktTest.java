package io.crosswatch.app.servers;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.app.scenario.CliRun;
import io.crosswatch.app.scenario.Workspace;
import io.crosswatch.testkit.fake.plex.FakePlex;
import io.crosswatch.testkit.fake.plex.PlexSection;
import io.crosswatch.testkit.fake.plex.PlexTitle;
import io.crosswatch.testkit.fake.trakt.FakeTraktServer;
import io.crosswatch.testkit.fake.trakt.TraktUser;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cw run} from Plex (server and Discover watchlist) to Trakt. */
class PlexToTraktTest {
  private static final Instant T1 = Instant.parse("2026-02-01T20:00:00Z");
  private static final Instant T2 = Instant.parse("2026-02-03T21:30:00Z");

  @TempDir Path dir;
  private Workspace ws;
  private FakePlex plex;
  private FakeTraktServer trakt;
  private List<PlexTitle> library;
  private PlexTitle show;
  private PlexTitle discoverOnly;

  @BeforeEach
  void start() {
    ws = new Workspace(dir);
    plex = FakePlex.builder().clock(ws.clock()).build().start();
    trakt =
        FakeTraktServer.builder().clock(ws.clock()).writeInterval(Duration.ZERO).build().start();
    PlexSection movies = plex.catalogue().addMovieSection("Movies");
    library = plex.catalogue().generateMovies(movies, 3);
    discoverOnly = plex.catalogue().generateDiscoverMovies(1).get(0);
    show = plex.catalogue().generateShow(plex.catalogue().addShowSection("TV Shows"), 1, 2);
    trakt.catalogue().generateMovies(4);
    trakt.catalogue().generateShow(1, 1, 2);
    ws.write(
        "config.json",
        Servers.config(
            List.of(Servers.plex(plex), Servers.trakt(trakt)),
            Servers.pair(
                "PLEX",
                "TRAKT",
                "one-way",
                "\"history\": true, \"ratings\": true, \"watchlist\": true")));
  }

  @AfterEach
  void stop() {
    plex.close();
    trakt.close();
  }

  @Test
  void playsRatingsAndTheWatchlistReachTraktOnceAndASecondRunPlansNothing() {
    plex.user().play(library.get(0), T1);
    plex.user().play(plex.catalogue().episode(show, 1, 2).orElseThrow(), T2);
    plex.user().rate(library.get(1), 8.0, T2);
    plex.user().addToWatchlist(library.get(2), T1);
    plex.user().addToWatchlist(discoverOnly, T2);

    CliRun first = ws.run();

    assertThat(first.code()).as(first.toString()).isZero();
    TraktUser user = trakt.user();
    assertThat(user.plays())
        .extracting(p -> p.title().title() + " @ " + p.watchedAt())
        .containsExactlyInAnyOrder("Movie 1 @ " + T1, "Episode 2 @ " + T2);
    assertThat(user.ratings())
        .extracting(r -> r.title().title() + "=" + r.rating())
        .containsExactly("Movie 2=8");
    assertThat(user.watchlist())
        .extracting(w -> w.title().title())
        .containsExactlyInAnyOrder("Movie 3", "Movie 4");

    CliRun second = ws.run();

    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(second.nonZeroPlanned()).isEmpty();
    assertThat(user.plays()).hasSize(2);
  }
}
