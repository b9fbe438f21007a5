package io.crosswatch.app.scenario;

import static io.crosswatch.app.scenario.Docs.movie;
import static io.crosswatch.app.scenario.Docs.title;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Playlists and resume points through {@code cw run} on FILE and TRACKER: one-way order, removals
 * that keep the playlist, the progress rules, two-way resume points, and re-runs that write
 * nothing.
 */
class PlaylistsAndProgressTest {
  private static final Instant PAUSED = Instant.parse("2026-02-20T21:00:00Z");
  private static final long MIN = 60_000;

  @TempDir Path dir;
  private Workspace ws;

  @BeforeEach
  void setUp() {
    ws = new Workspace(dir);
  }

  /** A playlist object of a FILE document holding movies {@code ns} in that order. */
  private static String playlist(String name, int... ns) {
    List<String> items = new ArrayList<>();
    for (int n : ns) {
      items.add(movie(n, ""));
    }
    return "{\"name\": \"" + name + "\", \"items\": [" + String.join(", ", items) + "]}";
  }

  private static String playlists(String... lists) {
    return "{\"playlists\": [" + String.join(", ", lists) + "]}\n";
  }

  /** Movie {@code n} paused at {@code minutes} of a two-hour runtime. */
  private static String point(int n, double minutes, Instant paused) {
    return movie(
        n,
        "\"progress_ms\": "
            + (long) (minutes * MIN)
            + ", \"duration_ms\": "
            + 120 * MIN
            + ", \"paused_at\": \""
            + paused
            + "\"");
  }

  private List<String> members(String file, String name) {
    for (JsonNode p : ws.json(file).get("playlists")) {
      if (p.get("name").asString().equals(name)) {
        List<String> titles = new ArrayList<>();
        p.get("items").forEach(i -> titles.add(i.get("title").asString()));
        return titles;
      }
    }
    return null;
  }

  private List<String> playlistNames(String file) {
    List<String> names = new ArrayList<>();
    ws.json(file).get("playlists").forEach(p -> names.add(p.get("name").asString()));
    return names;
  }

  @Test
  void oneWayPlaylistsEndInTheSourcesOrderAndASecondRunWritesNothing() {
    ws.config(
        "\"features\": {\"playlists\": {\"add\": true, \"remove\": true, \"order\": \"preserve\"}}");
    ws.write("a.json", playlists(playlist("Road trip", 3, 1, 2), playlist("Later")));
    ws.write("b.json", playlists(playlist("road trip", 2, 1)));

    CliRun first = ws.runThenWaitADay();

    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(members("b.json", "road trip")).containsExactly(title(3), title(1), title(2));
    assertThat(playlistNames("b.json"))
        .as("an empty playlist is not created")
        .isEqualTo(List.of("road trip"));
    assertThat(first.planned("playlists", "target", "add")).isEqualTo(1);
    assertThat(first.planned("playlists", "target", "update")).isEqualTo(2);
    assertThat(first.applied("playlists", "target", "update")).isEqualTo(2);

    CliRun second = ws.runThenWaitADay();
    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(second.nonZeroPlanned()).isEmpty();

    ws.write("a.json", playlists(playlist("Road trip", 3, 2), playlist("Later")));
    CliRun removal = ws.run();
    assertThat(removal.code()).as(removal.toString()).isZero();
    assertThat(members("b.json", "road trip")).containsExactly(title(3), title(2));
    assertThat(ws.cw("state", "tombstones", "--state-dir", ws.stateDir().toString()).out())
        .contains(title(1) + " (2001) in Road trip");
  }

  @Test
  void aPlanOfPlaylistMembersIsAppliedAsReviewed() {
    ws.config("\"features\": {\"playlists\": {\"add\": true, \"remove\": true}}");
    ws.write("a.json", playlists(playlist("Road trip", 3, 1)));
    ws.write("b.json", playlists(playlist("Road trip", 2)));
    Path plan = ws.path("plan.json");

    CliRun planned = ws.plan("--out", plan.toString());
    CliRun applied = ws.cw("apply", plan.toString(), "--config", ws.config().toString(), "--json");

    assertThat(planned.code()).as(planned.toString()).isZero();
    assertThat(applied.code()).as(applied.toString()).isZero();
    // One-way without a baseline removes nothing from the target: Movie 2 stays.
    assertThat(members("b.json", "Road trip"))
        .containsExactlyInAnyOrder(title(2), title(3), title(1));
    assertThat(applied.applied("playlists", "target", "add")).isEqualTo(2);
  }

  @Test
  void aPlaylistEmptiedBySyncStaysOnTheTarget() {
    ws.config("\"features\": {\"playlists\": {\"remove\": true}}");
    ws.write("a.json", playlists(playlist("Solo", 1)));
    ws.runThenWaitADay();
    assertThat(members("b.json", "Solo")).containsExactly(title(1));

    ws.write("a.json", playlists(playlist("Solo")));
    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(members("b.json", "Solo")).isEmpty();
  }

  @Test
  void resumePointsGoFromAFileToTheTrackerByTheProgressRules() {
    String config =
        "{\"runtime\": {\"state_dir\": \"state\", \"apply_chunk_pause_ms\": 0},"
            + " \"file\": {\"path\": \"a.json\"}, \"tracker\": {},"
            + " \"pairs\": [{\"id\": \"p\", \"source\": \"FILE\", \"target\": \"TRACKER\","
            + " \"features\": {\"history\": true, \"progress\": {\"remove\": true}}}]}";
    ws.write("config.json", config);
    Instant later = PAUSED.plusSeconds(3_600);
    ws.write(
        "a.json",
        "{\"history\": ["
            + movie(4, "\"watched_at\": \"" + later + "\"")
            + "], \"progress\": ["
            + String.join(
                ", ",
                point(1, 40, PAUSED),
                point(2, 0.5, PAUSED),
                point(3, 116, PAUSED),
                point(4, 50, PAUSED))
            + "]}\n");

    CliRun first = ws.runThenWaitADay();

    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(first.planned("progress", "target", "add"))
        .as("under a minute, past 95 %% and finished since are not progress")
        .isEqualTo(1);
    assertThat(trackerProgress()).containsExactly(title(1) + " @ " + 40 * MIN);
    assertThat(ws.run().nonZeroPlanned()).isEmpty();

    ws.write("a.json", "{\"history\": [], \"progress\": [" + point(1, 70, later) + "]}\n");
    CliRun moved = ws.runThenWaitADay();
    assertThat(moved.planned("progress", "target", "update")).isEqualTo(1);
    assertThat(trackerProgress()).containsExactly(title(1) + " @ " + 70 * MIN);

    ws.write("a.json", "{\"progress\": []}\n");
    CliRun cleared = ws.run();
    assertThat(cleared.code()).as(cleared.toString()).isZero();
    assertThat(cleared.planned("progress", "target", "remove")).isEqualTo(1);
    assertThat(trackerProgress()).isEmpty();
    assertThat(ws.cw("state", "show", "--state-dir", ws.stateDir().toString()).out())
        .contains("progress")
        .contains("history");
  }

  private List<String> trackerProgress() {
    CliRun export =
        ws.cw(
            "tracker",
            "export",
            "--config",
            ws.config().toString(),
            "--out",
            ws.path("export.json").toString());
    assertThat(export.code()).as(export.toString()).isZero();
    List<String> points = new ArrayList<>();
    for (JsonNode i : ws.json("export.json").get("progress")) {
      points.add(i.get("title").asString() + " @ " + i.get("progress_ms").asLong());
    }
    return points;
  }

  @Test
  void twoWayTheNewerPauseWinsAndDebugModsShowsTheDecision() {
    ws.config(
        "\"debug_mods\": true", "", "\"mode\": \"two-way\", \"features\": {\"progress\": true}");
    ws.write(
        "a.json",
        "{\"progress\": ["
            + point(1, 40, PAUSED)
            + ", "
            + point(2, 20, PAUSED.plusSeconds(7_200))
            + "]}\n");
    ws.write(
        "b.json",
        "{\"progress\": ["
            + point(1, 80, PAUSED.plusSeconds(600))
            + ", "
            + point(2, 60, PAUSED)
            + "]}\n");

    CliRun r = ws.runThenWaitADay();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(positions("a.json")).containsExactly(title(1) + " @ 80", title(2) + " @ 20");
    assertThat(positions("b.json")).containsExactly(title(1) + " @ 80", title(2) + " @ 20");
    assertThat(r.err()).contains("progress " + title(1)).contains("update on source");
    assertThat(ws.run().nonZeroPlanned()).isEmpty();
  }

  private List<String> positions(String file) {
    List<String> out = new ArrayList<>();
    for (JsonNode i : ws.json(file).get("progress")) {
      out.add(i.get("title").asString() + " @ " + i.get("progress_ms").asLong() / MIN);
    }
    out.sort(null);
    return out;
  }
}
