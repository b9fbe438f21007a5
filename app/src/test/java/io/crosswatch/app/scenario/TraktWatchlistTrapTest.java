package io.crosswatch.app.scenario;

import static io.crosswatch.app.scenario.TrackerDocs.listed;
import static io.crosswatch.app.scenario.TrackerDocs.played;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.testkit.fake.trakt.FakeTraktServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trakt drops a title from the watchlist when a play of it is added. Syncing a title that is both
 * on the watchlist and watched must settle: no flip-flop between runs, one-way or two-way.
 */
class TraktWatchlistTrapTest {
  private static final Instant T0 = Instant.parse("2025-09-01T20:00:00Z");

  @TempDir Path dir;
  private final FakeTraktServer trakt =
      FakeTraktServer.builder().watchlistLimit(1000).build().start();

  @AfterEach
  void stop() {
    trakt.close();
  }

  private Workspace workspace(String mode) {
    trakt.catalogue().generateMovies(5);
    Workspace ws = new Workspace(dir, Clock.systemUTC());
    ws.write(
        "config.json",
        "{\"runtime\": {\"state_dir\": \"state\", \"apply_chunk_pause_ms\": 0},\n"
            + " \"file\": {\"path\": \"a.json\"},\n"
            + " "
            + trakt.configBlock()
            + ",\n"
            + " \"pairs\": [{\"id\": \"p\", \"source\": \"FILE\", \"target\": \"TRAKT\","
            + " \"mode\": \""
            + mode
            + "\", \"features\": {\"watchlist\": {\"enable\": true, \"add\": true,"
            + " \"remove\": true}, \"history\": true}}]}\n");
    ws.write("a.json", Docs.doc().with("watchlist", listed(1, T0), listed(2, T0)).json());
    return ws;
  }

  /** The user watches title 1, which is on both watchlists already (synced by an earlier run). */
  private static void watchTitleOne(Workspace ws) {
    ws.write(
        "a.json",
        Docs.doc()
            .with("watchlist", listed(1, T0), listed(2, T0))
            .with("history", played(1, T0.plusSeconds(3600)))
            .json());
  }

  @Test
  void oneWayPutsTheTitleBackOnceAndThenSettles() {
    Workspace ws = workspace("one-way");
    assertThat(ws.run().code()).isZero();
    assertThat(trakt.user().watchlist()).hasSize(2);
    watchTitleOne(ws);

    CliRun played = ws.run();

    assertThat(played.code()).as(played.toString()).isZero();
    assertThat(trakt.user().plays()).hasSize(1);
    assertThat(played.applied("watchlist", "target", "add"))
        .as("Trakt dropped the watched title; the source still lists it")
        .isEqualTo(1);
    assertThat(trakt.user().watchlist()).hasSize(2);
    CliRun next = ws.run();
    CliRun last = ws.run();
    assertThat(next.nonZeroPlanned()).isEmpty();
    assertThat(last.nonZeroPlanned()).isEmpty();
    assertThat(trakt.user().plays()).hasSize(1);
  }

  @Test
  void twoWayCarriesTraktsRemovalToTheOtherSideAndThenSettles() {
    Workspace ws = workspace("two-way");
    assertThat(ws.run().code()).isZero();
    watchTitleOne(ws);

    CliRun played = ws.run();

    assertThat(played.code()).as(played.toString()).isZero();
    assertThat(trakt.user().plays()).hasSize(1);
    assertThat(trakt.user().watchlist()).hasSize(1);
    assertThat(ws.titles("a.json", "watchlist"))
        .as("Trakt took the watched title off its watchlist; two-way passes that on")
        .containsExactly(Docs.title(2));
    CliRun next = ws.run();
    CliRun last = ws.run();
    assertThat(next.nonZeroPlanned()).isEmpty();
    assertThat(last.nonZeroPlanned()).isEmpty();
    assertThat(trakt.user().plays()).hasSize(1);
  }
}
