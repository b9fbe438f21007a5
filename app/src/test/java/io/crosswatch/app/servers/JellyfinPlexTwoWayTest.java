package io.crosswatch.app.servers;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.app.scenario.CliRun;
import io.crosswatch.app.scenario.Workspace;
import io.crosswatch.testkit.fake.mediabrowser.FakeMediaBrowserServer;
import io.crosswatch.testkit.fake.mediabrowser.MbItem;
import io.crosswatch.testkit.fake.mediabrowser.ServerDialect;
import io.crosswatch.testkit.fake.plex.FakePlex;
import io.crosswatch.testkit.fake.plex.PlexTitle;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cw run} of a two-way pair JELLYFIN ↔ PLEX with history and ratings. */
class JellyfinPlexTwoWayTest {
  private static final Instant T1 = Instant.parse("2026-02-01T20:00:00Z");
  private static final Instant T3 = Instant.parse("2026-02-05T19:00:00Z");

  @TempDir Path dir;
  private Workspace ws;
  private FakeMediaBrowserServer jellyfin;
  private FakePlex plex;
  private List<MbItem> jf;
  private List<PlexTitle> px;

  @BeforeEach
  void start() {
    ws = new Workspace(dir);
    jellyfin =
        FakeMediaBrowserServer.builder(ServerDialect.JELLYFIN).clock(ws.clock()).build().start();
    plex = FakePlex.builder().clock(ws.clock()).build().start();
    jf = jellyfin.library().generateMovies(5);
    px = plex.catalogue().generateMovies(plex.catalogue().addMovieSection("Movies"), 5);
    ws.write(
        "config.json",
        Servers.config(
            List.of(Servers.jellyfin(jellyfin), Servers.plex(plex)),
            Servers.pair("JELLYFIN", "PLEX", "two-way", "\"history\": true, \"ratings\": true")));
  }

  @AfterEach
  void stop() {
    jellyfin.close();
    plex.close();
  }

  @Test
  void bothSidesEndUpWithTheSamePlaysAndRatingsAndASecondRunPlansNothing() {
    jellyfin.user().markPlayed(jf.get(0), T1);
    jellyfin.user().rate(jf.get(1), 7.0);
    plex.user().play(px.get(2), T3);
    plex.user().rate(px.get(3), 9.0, T3);

    CliRun first = ws.run();
    ws.clock().advance(Duration.ofHours(1));

    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(first.applied("history", "target", "add")).isEqualTo(1);
    assertThat(first.applied("history", "source", "add")).isEqualTo(1);
    assertThat(first.applied("ratings", "target", "add")).isEqualTo(1);
    assertThat(first.applied("ratings", "source", "add")).isEqualTo(1);
    assertThat(plex.user().state(px.get(0)).viewCount()).isEqualTo(1);
    assertThat(plex.user().state(px.get(1)).userRating()).isEqualTo(7.0);
    assertThat(jellyfin.user().userData(jf.get(2)).lastPlayedDate()).isEqualTo(T3);
    assertThat(jellyfin.user().userData(jf.get(3)).rating()).isEqualTo(9.0);

    CliRun second = ws.run();

    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(second.nonZeroPlanned()).isEmpty();
    assertThat(jellyfin.user().userData(jf.get(0)).lastPlayedDate()).isEqualTo(T1);
    assertThat(plex.user().state(px.get(0)).viewCount()).isEqualTo(1);
  }

  @Test
  void aRatingChangedOnJellyfinReachesPlexOnTheNextRun() {
    jellyfin.user().rate(jf.get(1), 7.0);
    assertThat(ws.run().code()).isZero();
    ws.clock().advance(Duration.ofHours(1));

    jellyfin.user().rate(jf.get(1), 4.0);
    CliRun second = ws.run();

    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(second.nonZeroPlanned()).containsExactly("ratings.target.update=1");
    assertThat(plex.user().state(px.get(1)).userRating()).isEqualTo(4.0);
    assertThat(ws.run().nonZeroPlanned()).isEmpty();
  }

  @Test
  void aTitleUnplayedOnPlexIsUnplayedOnJellyfinWhenRemovalsAreOn() {
    ws.write(
        "config.json",
        Servers.config(
            List.of(Servers.jellyfin(jellyfin), Servers.plex(plex)),
            Servers.pair(
                "JELLYFIN",
                "PLEX",
                "two-way",
                "\"history\": {\"enable\": true, \"add\": true, \"remove\": true}")));
    jellyfin.user().markPlayed(jf.get(0), T1);
    assertThat(ws.run().code()).isZero();
    ws.clock().advance(Duration.ofHours(1));

    plex.user().unplay(px.get(0));
    CliRun second = ws.run();

    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(second.nonZeroPlanned()).containsExactly("history.source.remove=1");
    assertThat(jellyfin.user().userData(jf.get(0)).played()).isFalse();
    assertThat(ws.run().nonZeroPlanned()).isEmpty();
  }
}
