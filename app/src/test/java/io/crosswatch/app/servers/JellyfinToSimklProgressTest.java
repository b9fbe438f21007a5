package io.crosswatch.app.servers;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.app.scenario.CliRun;
import io.crosswatch.app.scenario.Workspace;
import io.crosswatch.testkit.fake.mediabrowser.FakeMediaBrowserServer;
import io.crosswatch.testkit.fake.mediabrowser.MbItem;
import io.crosswatch.testkit.fake.mediabrowser.ServerDialect;
import io.crosswatch.testkit.fake.simkl.FakeSimklServer;
import io.crosswatch.testkit.fake.simkl.SimklTitle;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cw run} of resume points from Jellyfin (ticks) to SIMKL (paused playbacks, a percentage of
 * the runtime SIMKL gives per title).
 */
class JellyfinToSimklProgressTest {
  private static final long TICKS_PER_MINUTE = 600_000_000L;

  @TempDir Path dir;
  private Workspace ws;
  private FakeMediaBrowserServer jellyfin;
  private FakeSimklServer simkl;
  private List<MbItem> jf;
  private List<SimklTitle> sk;

  @BeforeEach
  void start() {
    ws = new Workspace(dir);
    jellyfin =
        FakeMediaBrowserServer.builder(ServerDialect.JELLYFIN).clock(ws.clock()).build().start();
    simkl = FakeSimklServer.builder().clock(ws.clock()).postInterval(Duration.ZERO).build().start();
    jf = jellyfin.library().generateMovies(4);
    sk = simkl.catalogue().generateMovies(4);
    // The same films: SIMKL knows the runtime Jellyfin has (120 minutes).
    sk.forEach(t -> simkl.catalogue().setRuntime(t, 120));
    ws.write(
        "config.json",
        Servers.config(
            List.of(Servers.jellyfin(jellyfin), Servers.simkl(simkl)),
            Servers.pair("JELLYFIN", "SIMKL", "one-way", "\"progress\": true")));
  }

  @AfterEach
  void stop() {
    jellyfin.close();
    simkl.close();
  }

  @Test
  void resumePointsArriveAsPausedPlaybacksAtTheirShareOfTheRuntimeAndARerunIsQuiet() {
    Instant paused = ws.clock().instant().minus(Duration.ofHours(2));
    jellyfin.user().setPosition(jf.get(0), 40 * TICKS_PER_MINUTE, paused);
    jellyfin.user().setPosition(jf.get(1), 300_000_000L, paused); // 30 s: not progress
    jellyfin.user().setPosition(jf.get(2), 118 * TICKS_PER_MINUTE, paused); // 98 %: finished

    CliRun first = ws.run();

    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(first.applied("progress", "target", "add")).isEqualTo(1);
    assertThat(simkl.user().playback().all()).hasSize(1);
    assertThat(simkl.user().playback().of(sk.get(0), 0, 0).orElseThrow().progress())
        .isEqualTo(33.33);
    assertThat(first.warnings("progress")).contains("take one call each");

    ws.clock().advance(Duration.ofMinutes(10));
    CliRun second = ws.run();

    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(second.nonZeroPlanned()).isEmpty();
    assertThat(simkl.count("POST /scrobble/pause")).isEqualTo(1);
  }

  @Test
  void aResumePointMovedOnJellyfinMovesOnSimkl() {
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
    assertThat(simkl.user().playback().of(sk.get(3), 0, 0).orElseThrow().progress())
        .isEqualTo(75.0);
  }
}
