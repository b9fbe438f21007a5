package io.crosswatch.app.scenario;

import static io.crosswatch.app.scenario.Docs.doc;
import static io.crosswatch.app.scenario.Docs.listed;
import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.testkit.fake.trakt.FakeTraktServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime debug flags (README, Config reference): what each one adds to a run's output. */
class RuntimeFlagsTest {
  private static final Instant LISTED = Instant.parse("2026-01-10T08:00:00Z");

  @TempDir Path dir;

  @Test
  void debugModsListsEachSnapshotAndEachPlannedChange() {
    Workspace ws = new Workspace(dir);
    ws.config("\"debug_mods\": true", "", "\"features\": {\"watchlist\": true}");
    ws.write("a.json", doc("watchlist", listed(1, LISTED), listed(2, LISTED)));

    CliRun r = ws.cw("run", "--config", ws.config().toString());
    ws.write("a.json", doc("watchlist", listed(1, LISTED), listed(2, LISTED), listed(3, LISTED)));
    ws.config("\"features\": {\"watchlist\": true}");
    CliRun quiet = ws.cw("run", "--config", ws.config().toString());

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("snapshot p watchlist FILE:default: 2 items")
        .contains("snapshot p watchlist FILE:b: 0 items")
        .contains(Docs.title(1))
        .contains(Docs.title(2));
    assertThat(quiet.code()).as(quiet.toString()).isZero();
    assertThat(quiet.out()).doesNotContain("snapshot p watchlist").doesNotContain(Docs.title(3));
  }

  @Test
  void debugHttpPrintsOneLinePerCallWithoutTheToken() {
    FakeTraktServer trakt = FakeTraktServer.builder().build().start();
    try {
      trakt.catalogue().generateMovies(2);
      Workspace ws = new Workspace(dir, Clock.systemUTC());
      ws.write(
          "config.json",
          "{\"runtime\": {\"state_dir\": \"state\", \"debug_http\": true},"
              + " \"file\": {\"path\": \"a.json\"},"
              + " "
              + trakt.configBlock()
              + ","
              + " \"pairs\": [{\"id\": \"p\", \"source\": \"FILE\", \"target\": \"TRAKT\","
              + " \"features\": {\"watchlist\": true}}]}");
      ws.write("a.json", doc("watchlist", TrackerDocs.listed(1, LISTED)));

      CliRun r = ws.cw("run", "--config", ws.config().toString());

      assertThat(r.code()).as(r.toString()).isZero();
      assertThat(r.out())
          .containsPattern(
              "http TRAKT:default GET http://127\\.0\\.0\\.1:\\d+/sync/last_activities"
                  + " -> 200 \\d+ms")
          .containsPattern("http TRAKT:default POST \\S+/sync/watchlist -> 201 \\d+ms");
      assertThat(r.out() + r.err())
          .doesNotContain(FakeTraktServer.ACCESS_TOKEN)
          .doesNotContain(FakeTraktServer.CLIENT_ID);
    } finally {
      trakt.close();
    }
  }
}
