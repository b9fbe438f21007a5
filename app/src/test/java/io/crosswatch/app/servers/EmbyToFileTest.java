package io.crosswatch.app.servers;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.app.scenario.CliRun;
import io.crosswatch.app.scenario.Workspace;
import io.crosswatch.testkit.fake.mediabrowser.FakeMediaBrowserServer;
import io.crosswatch.testkit.fake.mediabrowser.MbItem;
import io.crosswatch.testkit.fake.mediabrowser.ServerDialect;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code cw run} from Emby into a FILE: plays, favourites (watchlist) and ratings. */
class EmbyToFileTest {
  private static final Instant T1 = Instant.parse("2026-02-01T20:00:00Z");
  private static final Instant T2 = Instant.parse("2026-02-03T21:30:00Z");

  @TempDir Path dir;
  private Workspace ws;
  private FakeMediaBrowserServer emby;
  private List<MbItem> movies;
  private MbItem series;

  @BeforeEach
  void start() {
    ws = new Workspace(dir);
    emby = FakeMediaBrowserServer.builder(ServerDialect.EMBY).clock(ws.clock()).build().start();
    movies = emby.library().generateMovies(4);
    series = emby.library().generateSeries(2, 1, 2);
    ws.write(
        "config.json",
        Servers.config(
            List.of(Servers.file("backup.json"), Servers.emby(emby)),
            Servers.pair(
                "EMBY",
                "FILE",
                "one-way",
                "\"history\": true, \"ratings\": true, \"watchlist\": true")));
  }

  @AfterEach
  void stop() {
    emby.close();
  }

  @Test
  void theFileGetsThePlaysFavouritesAndRatingsAndASecondRunLeavesItAlone() {
    emby.user().markPlayed(movies.get(0), T1);
    emby.user().markPlayed(emby.library().episode(series, 1, 2).orElseThrow(), T2);
    emby.user().setFavorite(movies.get(1), true);
    emby.user().setFavorite(series, true);
    emby.user().rate(movies.get(2), 8.0);
    emby.user().rate(movies.get(3), 5.0);

    CliRun first = ws.run();

    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(ws.plays("backup.json"))
        .containsExactlyInAnyOrder("Movie 1 @ " + T1, "Episode 2 @ " + T2);
    JsonNode episode =
        ws.items("backup.json", "history").stream()
            .filter(i -> i.get("type").asString().equals("episode"))
            .findFirst()
            .orElseThrow();
    assertThat(episode.at("/show/ids/tvdb").asLong()).isEqualTo(300002);
    assertThat(episode.get("season").asInt()).isEqualTo(1);
    assertThat(episode.get("number").asInt()).isEqualTo(2);
    assertThat(ws.titles("backup.json", "watchlist"))
        .containsExactlyInAnyOrder("Movie 2", "Show 2");
    assertThat(ws.items("backup.json", "ratings"))
        .extracting(i -> i.get("title").asString() + "=" + i.get("rating").asInt())
        .containsExactlyInAnyOrder("Movie 3=8", "Movie 4=5");
    JsonNode movie = ws.items("backup.json", "history").get(0);
    assertThat(movie.at("/ids/imdb").asString()).startsWith("tt");

    Workspace.Fingerprint before = ws.fingerprint("backup.json");
    CliRun second = ws.run();

    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(second.nonZeroPlanned()).isEmpty();
    assertThat(ws.fingerprint("backup.json")).isEqualTo(before);
  }
}
