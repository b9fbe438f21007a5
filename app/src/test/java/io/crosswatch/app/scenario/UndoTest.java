package io.crosswatch.app.scenario;

import static io.crosswatch.app.scenario.Docs.listed;
import static io.crosswatch.app.scenario.Docs.played;
import static io.crosswatch.app.scenario.Docs.rated;
import static io.crosswatch.app.scenario.Docs.title;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code cw undo RUN_ID} on a FILE and a TRACKER target: adds are removed, removes added back as
 * journaled, ratings get their previous value, added plays are removed exactly; an undo is a run
 * that can itself be undone; items a later run changed are skipped with a warning.
 */
class UndoTest {
  private static final Instant T = Instant.parse("2026-01-10T08:00:00Z");

  @TempDir Path dir;
  private Workspace ws;
  private String target;

  /** FILE a.json → {@code target} (FILE b.json, or the TRACKER), one-way, removals mirrored. */
  private void setUp(String kind) {
    target = kind;
    ws = new Workspace(dir);
    ws.write(
        "config.json",
        "{\"runtime\": {\"state_dir\": \"state\", \"apply_chunk_pause_ms\": 0},"
            + " \"sync\": {\"one_way_remove_mode\": \"mirror\"},"
            + " \"file\": {\"path\": \"a.json\", \"instances\": {\"b\": {\"path\": \"b.json\"}}},"
            + " \"tracker\": {},"
            + " \"pairs\": [{\"id\": \"p\", \"source\": \"FILE\", \"target\": \""
            + kind
            + "\", \"target_instance\": \""
            + (kind.equals("FILE") ? "b" : "default")
            + "\", \"mode\": \"one-way\", \"features\": {"
            + "\"watchlist\": {\"enable\": true, \"add\": true, \"remove\": true},"
            + " \"history\": {\"enable\": true, \"add\": true, \"rewatches\": true},"
            + " \"ratings\": true}}]}");
    // The target starts with movie 5 listed, one play of movie 3 and movie 4 rated 6.
    ws.write(
        "a.json",
        Docs.doc()
            .with("watchlist", listed(5, T))
            .with("history", played(3, T))
            .with("ratings", rated(4, 6, T))
            .json());
    CliRun seed = ws.runThenWaitADay();
    assertThat(seed.code()).as(seed.toString()).isZero();
    // The run to undo: 1 and 2 listed, 5 unlisted, a second play of 3, movie 4 rated 9.
    ws.write(
        "a.json",
        Docs.doc()
            .with("watchlist", listed(1, T), listed(2, T))
            .with("history", played(3, T), played(3, T.plusSeconds(86_400)))
            .with("ratings", rated(4, 9, T.plusSeconds(60)))
            .json());
  }

  private String runId(CliRun r) {
    return r.summary().get("run_id").asString();
  }

  private CliRun undo(String runId, String... extra) {
    String[] args = new String[5 + extra.length];
    args[0] = "undo";
    args[1] = runId;
    args[2] = "--config";
    args[3] = ws.config().toString();
    args[4] = "--json";
    System.arraycopy(extra, 0, args, 5, extra.length);
    CliRun r = ws.cw(args);
    ws.clock().advance(java.time.Duration.ofMinutes(1));
    return r;
  }

  /** What the target holds: "watchlist" titles, "history" plays and "ratings" title=rating. */
  private Map<String, List<String>> targetHolds() {
    String doc = "b.json";
    if (target.equals("TRACKER")) {
      CliRun export =
          ws.cw(
              "tracker",
              "export",
              "--config",
              ws.config().toString(),
              "--out",
              ws.path("tracker.json").toString());
      assertThat(export.code()).as(export.toString()).isZero();
      doc = "tracker.json";
    }
    Map<String, List<String>> holds = new TreeMap<>();
    holds.put("watchlist", ws.titles(doc, "watchlist").stream().sorted().toList());
    holds.put(
        "history",
        ws.items(doc, "history").stream()
            .map(
                i ->
                    i.get("title").asString()
                        + " @ "
                        + Instant.parse(i.get("watched_at").asString()))
            .sorted()
            .toList());
    holds.put(
        "ratings",
        ws.items(doc, "ratings").stream()
            .map((JsonNode i) -> i.get("title").asString() + "=" + i.get("rating").asInt())
            .sorted()
            .toList());
    return holds;
  }

  private static Map<String, List<String>> holds(
      List<String> watchlist, List<String> history, List<String> ratings) {
    return new TreeMap<>(Map.of("watchlist", watchlist, "history", history, "ratings", ratings));
  }

  private static final Map<String, List<String>> BEFORE =
      holds(List.of(title(5)), List.of(title(3) + " @ " + T), List.of(title(4) + "=6"));
  private static final Map<String, List<String>> AFTER =
      holds(
          List.of(title(1), title(2)),
          List.of(title(3) + " @ " + T, title(3) + " @ " + T.plusSeconds(86_400)),
          List.of(title(4) + "=9"));

  @ParameterizedTest
  @ValueSource(strings = {"FILE", "TRACKER"})
  void undoReversesAddsRemovesRatingUpdatesAndAddedPlays(String kind) {
    setUp(kind);
    CliRun run = ws.runThenWaitADay();
    assertThat(run.code()).as(run.toString()).isZero();
    assertThat(targetHolds()).isEqualTo(AFTER);

    CliRun undo = undo(runId(run));

    assertThat(undo.code()).as(undo.toString()).isZero();
    assertThat(targetHolds()).isEqualTo(BEFORE);
    assertThat(undo.applied("watchlist", "target", "remove")).isEqualTo(2);
    assertThat(undo.applied("watchlist", "target", "add")).isEqualTo(1);
    assertThat(undo.applied("history", "target", "remove")).isEqualTo(1);
    assertThat(undo.applied("ratings", "target", "update")).isEqualTo(1);
    assertThat(ws.events(undo))
        .extracting(e -> e.get("event").asString())
        .contains("run:start", "apply:chunk", "run:done");
  }

  @ParameterizedTest
  @ValueSource(strings = {"FILE", "TRACKER"})
  void undoingTheUndoRestoresTheRunsResult(String kind) {
    setUp(kind);
    CliRun run = ws.runThenWaitADay();
    CliRun undo = undo(runId(run));

    CliRun redo = undo(runId(undo));

    assertThat(redo.code()).as(redo.toString()).isZero();
    assertThat(targetHolds()).isEqualTo(AFTER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"FILE", "TRACKER"})
  void aDryRunShowsTheReversalAndWritesNothing(String kind) {
    setUp(kind);
    CliRun run = ws.runThenWaitADay();

    CliRun dry = undo(runId(run), "--dry-run");

    assertThat(dry.code()).as(dry.toString()).isZero();
    assertThat(dry.planned("watchlist", "target", "remove")).isEqualTo(2);
    assertThat(dry.planned("ratings", "target", "update")).isEqualTo(1);
    assertThat(dry.err()).contains(title(1));
    assertThat(targetHolds()).isEqualTo(AFTER);
  }

  @ParameterizedTest
  @ValueSource(strings = {"FILE", "TRACKER"})
  void anItemChangedAgainByALaterRunIsSkippedWithAWarning(String kind) {
    setUp(kind);
    CliRun run = ws.runThenWaitADay();
    ws.write(
        "a.json",
        Docs.doc()
            .with("watchlist", listed(1, T), listed(2, T))
            .with("history", played(3, T), played(3, T.plusSeconds(86_400)))
            .with("ratings", rated(4, 7, T.plusSeconds(120)))
            .json());
    CliRun later = ws.runThenWaitADay();
    assertThat(later.applied("ratings", "target", "update")).isEqualTo(1);

    CliRun undo = undo(runId(run));

    assertThat(undo.code()).as(undo.toString()).isZero();
    assertThat(targetHolds().get("ratings")).containsExactly(title(4) + "=7");
    assertThat(targetHolds().get("watchlist")).containsExactly(title(5));
    assertThat(undo.warnings("ratings"))
        .contains("skipped: run " + runId(later) + " changed it again since");
  }

  @ParameterizedTest
  @ValueSource(strings = {"FILE"})
  void anUnknownRunIsAUsageError(String kind) {
    setUp(kind);

    CliRun undo = undo("20990101-000000-zzzz");

    assertThat(undo.code()).isEqualTo(2);
    assertThat(undo.out()).isEmpty();
    assertThat(undo.err()).contains("unknown run");
  }
}
