package io.crosswatch.app.servers;

import static io.crosswatch.app.servers.Servers.episode;
import static io.crosswatch.app.servers.Servers.listed;
import static io.crosswatch.app.servers.Servers.movie;
import static io.crosswatch.app.servers.Servers.played;
import static io.crosswatch.app.servers.Servers.rated;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.app.scenario.CliRun;
import io.crosswatch.app.scenario.Workspace;
import io.crosswatch.testkit.fake.mediabrowser.FakeMediaBrowserServer;
import io.crosswatch.testkit.fake.mediabrowser.MbItem;
import io.crosswatch.testkit.fake.mediabrowser.MbUser;
import io.crosswatch.testkit.fake.mediabrowser.MbUserData;
import io.crosswatch.testkit.fake.mediabrowser.ServerDialect;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cw run} from a FILE into Jellyfin: plays, ratings and the watchlist as favourites. */
class FileToJellyfinTest {
  private static final Instant T1 = Instant.parse("2026-02-01T20:00:00Z");
  private static final Instant T2 = Instant.parse("2026-02-03T21:30:00Z");

  @TempDir Path dir;
  private Workspace ws;
  private FakeMediaBrowserServer jellyfin;
  private List<MbItem> movies;
  private MbItem series;

  @BeforeEach
  void start() {
    ws = new Workspace(dir);
    jellyfin =
        FakeMediaBrowserServer.builder(ServerDialect.JELLYFIN).clock(ws.clock()).build().start();
    movies = jellyfin.library().generateMovies(5);
    series = jellyfin.library().generateSeries(1, 1, 3);
    ws.write(
        "config.json",
        Servers.config(
            List.of(Servers.file("lib.json"), Servers.jellyfin(jellyfin)),
            Servers.pair(
                "FILE",
                "JELLYFIN",
                "one-way",
                "\"history\": true, \"ratings\": true, \"watchlist\": true")));
  }

  @AfterEach
  void stop() {
    jellyfin.close();
  }

  private MbUserData data(MbItem item) {
    return jellyfin.user().userData(item);
  }

  private MbItem libraryEpisode(int season, int number) {
    return jellyfin.library().episode(series, season, number).orElseThrow();
  }

  @Test
  void playsRatingsAndFavouritesArriveAndASecondRunPlansNothing() {
    ws.write(
        "lib.json",
        Servers.doc(
            List.of(movie(4, listed(T1)), movie(5, listed(T2))),
            List.of(movie(1, played(T1)), movie(2, played(T2)), episode(1, 1, 2, played(T2))),
            List.of(movie(1, rated(8, T1)), movie(3, rated(6, T2)))));

    CliRun first = ws.run();

    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(first.applied("history", "target", "add")).isEqualTo(3);
    assertThat(first.applied("ratings", "target", "add")).isEqualTo(2);
    assertThat(first.applied("watchlist", "target", "add")).isEqualTo(2);
    MbUser user = jellyfin.user();
    assertThat(data(movies.get(0)).played()).isTrue();
    assertThat(data(movies.get(0)).lastPlayedDate()).isEqualTo(T1);
    assertThat(data(movies.get(1)).lastPlayedDate()).isEqualTo(T2);
    assertThat(data(libraryEpisode(1, 2)).lastPlayedDate()).isEqualTo(T2);
    assertThat(data(libraryEpisode(1, 1)).played()).isFalse();
    assertThat(data(movies.get(0)).rating()).isEqualTo(8.0);
    assertThat(data(movies.get(2)).rating()).isEqualTo(6.0);
    assertThat(user.userData(movies.get(3)).favorite()).isTrue();
    assertThat(user.userData(movies.get(4)).favorite()).isTrue();
    assertThat(data(movies.get(2)).favorite()).isFalse();

    jellyfin.clearLog();
    CliRun second = ws.run();

    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(second.nonZeroPlanned()).isEmpty();
    assertThat(jellyfin.requests()).noneMatch(r -> !r.request().method().equals("GET"));
  }

  @Test
  void titlesMissingFromTheLibraryAreUnresolvedNotInLibraryAndTheRestArrives() {
    ws.write(
        "lib.json",
        Servers.doc(
            List.of(movie(4, listed(T1)), movie(40, listed(T1))),
            List.of(movie(1, played(T1)), movie(30, played(T2))),
            List.of(movie(2, rated(7, T1)))));

    CliRun first = ws.run();

    assertThat(first.code()).as(first.toString()).isEqualTo(3);
    assertThat(first.summary().at("/totals/unresolved").asInt()).isEqualTo(2);
    assertThat(first.feature("history").get("unresolved").asInt()).isEqualTo(1);
    assertThat(first.feature("watchlist").get("unresolved").asInt()).isEqualTo(1);
    assertThat(first.summary().at("/pairs/0/status").asString()).isEqualTo("ok");
    assertThat(data(movies.get(0)).lastPlayedDate()).isEqualTo(T1);
    assertThat(data(movies.get(1)).rating()).isEqualTo(7.0);
    assertThat(data(movies.get(3)).favorite()).isTrue();

    CliRun unresolved = ws.cw("state", "unresolved", "--config", ws.config().toString());
    assertThat(unresolved.out()).contains("not_in_library", "Movie 30", "Movie 40");

    CliRun second = ws.run();

    assertThat(second.code()).as(second.toString()).isEqualTo(3);
    assertThat(second.nonZeroPlanned())
        .containsExactlyInAnyOrder("history.target.add=1", "watchlist.target.add=1");
  }
}
