package io.crosswatch.app.servers;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.app.scenario.CliRun;
import io.crosswatch.app.scenario.Workspace;
import io.crosswatch.testkit.fake.mediabrowser.FakeMediaBrowserServer;
import io.crosswatch.testkit.fake.mediabrowser.MbItem;
import io.crosswatch.testkit.fake.mediabrowser.ServerDialect;
import io.crosswatch.testkit.fake.trakt.FakeTraktServer;
import io.crosswatch.testkit.fake.trakt.TraktTitle;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cw run} of resume points from Jellyfin (ticks) to Trakt (percent of the runtime). */
class JellyfinToTraktProgressTest {
  private static final long TICKS_PER_MINUTE = 600_000_000L;

  @TempDir Path dir;
  private Workspace ws;
  private FakeMediaBrowserServer jellyfin;
  private FakeTraktServer trakt;
  private List<MbItem> jf;
  private List<TraktTitle> tk;

  @BeforeEach
  void start() {
    ws = new Workspace(dir);
    jellyfin =
        FakeMediaBrowserServer.builder(ServerDialect.JELLYFIN).clock(ws.clock()).build().start();
    trakt =
        FakeTraktServer.builder().clock(ws.clock()).writeInterval(Duration.ZERO).build().start();
    jf = jellyfin.library().generateMovies(4);
    tk = trakt.catalogue().generateMovies(4);
    ws.write(
        "config.json",
        Servers.config(
            List.of(Servers.jellyfin(jellyfin), Servers.trakt(trakt)),
            Servers.pair("JELLYFIN", "TRAKT", "one-way", "\"progress\": true")));
  }

  @AfterEach
  void stop() {
    jellyfin.close();
    trakt.close();
  }

  @Test
  void resumePointsArriveAsPausedScrobblesAtTheirShareOfTheRuntimeAndARerunIsQuiet() {
    Instant paused = ws.clock().instant().minus(Duration.ofHours(2));
    jellyfin.user().setPosition(jf.get(0), 40 * TICKS_PER_MINUTE, paused); // of 120 minutes
    jellyfin.user().setPosition(jf.get(1), 300_000_000L, paused); // 30 s: not progress
    jellyfin.user().setPosition(jf.get(2), 118 * TICKS_PER_MINUTE, paused); // 98 %: finished

    CliRun first = ws.run();

    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(first.applied("progress", "target", "add")).isEqualTo(1);
    assertThat(trakt.user().playback().all()).hasSize(1);
    assertThat(trakt.user().playback().of(tk.get(0)).orElseThrow().progress()).isEqualTo(33.33);
    assertThat(first.warnings("progress")).contains("take one call each");

    ws.clock().advance(Duration.ofMinutes(10));
    CliRun second = ws.run();

    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(second.nonZeroPlanned()).isEmpty();
    assertThat(trakt.count("POST /scrobble/pause")).isEqualTo(1);
  }

  @Test
  void aResumePointMovedOnJellyfinMovesOnTrakt() {
    jellyfin.user().setPosition(jf.get(3), 20 * TICKS_PER_MINUTE, ws.clock().instant());
    CliRun first = ws.run();
    ws.clock().advance(Duration.ofHours(1));
    jellyfin.user().setPosition(jf.get(3), 90 * TICKS_PER_MINUTE, ws.clock().instant());
    ws.clock().advance(Duration.ofMinutes(1));

    CliRun second = ws.run();

    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(
            second.applied("progress", "target", "update")
                + second.applied("progress", "target", "add"))
        .isEqualTo(1);
    assertThat(trakt.user().playback().of(tk.get(3)).orElseThrow().progress()).isEqualTo(75.0);
  }
}
