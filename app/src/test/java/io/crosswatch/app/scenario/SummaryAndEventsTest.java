package io.crosswatch.app.scenario;

import static io.crosswatch.app.scenario.Docs.doc;
import static io.crosswatch.app.scenario.Docs.listed;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The {@code --json} summary and the events file have the documented shapes (docs/architecture.md,
 * State and journal).
 */
class SummaryAndEventsTest {
  private static final Instant AT = Instant.parse("2026-01-10T08:00:00Z");

  @TempDir Path dir;
  private Workspace ws;

  @BeforeEach
  void setUp() {
    ws = new Workspace(dir);
    ws.config("\"mode\": \"one-way\", \"features\": {\"watchlist\": true}");
    ws.write("a.json", doc("watchlist", listed(1, AT), listed(2, AT)));
  }

  @Test
  void theJsonSummaryHasExactlyTheDesignsKeys() {
    CliRun r = ws.run();

    JsonNode s = r.summary();
    assertThat(s.propertyNames())
        .containsExactly(
            "run_id",
            "started_at",
            "finished_at",
            "duration_ms",
            "dry_run",
            "exit_code",
            "pairs",
            "totals",
            "api");
    assertThat(s.get("exit_code").asInt()).isEqualTo(r.code()).isZero();
    assertThat(Instant.parse(s.get("started_at").asString())).isEqualTo(Workspace.START);
    assertThat(s.get("api").isObject()).isTrue();
    assertThat(s.get("totals").propertyNames())
        .containsExactly("added", "removed", "updated", "unresolved", "blocked");
    JsonNode pair = s.get("pairs").get(0);
    assertThat(pair.propertyNames())
        .containsExactly("id", "mode", "status", "reason", "source", "target", "features");
    assertThat(pair.get("id").asString()).isEqualTo("p");
    assertThat(pair.get("mode").asString()).isEqualTo("one-way");
    assertThat(pair.get("status").asString()).isEqualTo("ok");
    assertThat(pair.get("reason").isNull()).isTrue();
    assertThat(pair.get("source").asString()).isEqualTo("FILE:default");
    assertThat(pair.get("target").asString()).isEqualTo("FILE:b");
    JsonNode f = pair.get("features").get(0);
    assertThat(f.propertyNames())
        .containsExactly(
            "feature",
            "status",
            "source_count",
            "target_count",
            "planned",
            "applied",
            "unresolved",
            "blocked",
            "chunks",
            "warnings",
            "duration_ms");
    assertThat(f.get("source_count").asInt()).isEqualTo(2);
    assertThat(f.get("target_count").asInt()).isZero();
    assertThat(f.get("chunks").asInt()).isEqualTo(1);
    assertThat(f.get("warnings").isArray()).isTrue();
    for (String counts : List.of("planned", "applied")) {
      assertThat(f.get(counts).propertyNames()).containsExactly("source", "target");
      for (String side : List.of("source", "target")) {
        assertThat(f.get(counts).get(side).propertyNames())
            .containsExactly("add", "remove", "update");
      }
    }
    assertThat(r.err()).as("human output goes to stderr with --json").contains("pair p");
  }

  @Test
  void withoutJsonTheHumanOutputGoesToStdout() {
    CliRun r = ws.cw("run", "--config", ws.config().toString());

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("▶ pair p").contains("watchlist").contains("exit 0");
  }

  @Test
  void everyRunAppendsAnEventsFileFromRunStartToRunDone() throws IOException {
    CliRun r = ws.run();
    String runId = r.summary().get("run_id").asString();

    Path file = ws.stateDir().resolve("logs").resolve(runId + ".jsonl");
    assertThat(file).exists();
    List<JsonNode> events = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      events.add(CliRun.JSON.readTree(line));
    }
    List<String> names = events.stream().map(e -> e.get("event").asString()).toList();
    assertThat(names.get(0)).isEqualTo("run:start");
    assertThat(names.get(names.size() - 1)).isEqualTo("run:done");
    assertThat(names)
        .containsSubsequence(
            "run:start",
            "health",
            "feature:start",
            "snapshot",
            "plan",
            "apply:chunk",
            "feature:done",
            "run:done");
    assertThat(events)
        .allSatisfy(e -> assertThat(e.get("ts").asString()).endsWith("Z"))
        .allSatisfy(e -> Instant.parse(e.get("ts").asString()));
    JsonNode chunk = events.get(names.indexOf("apply:chunk"));
    assertThat(chunk.get("pair").asString()).isEqualTo("p");
    assertThat(chunk.get("feature").asString()).isEqualTo("watchlist");
    assertThat(chunk.get("provider").asString()).isEqualTo("FILE:b");
    assertThat(chunk.get("applied").asInt()).isEqualTo(2);
    assertThat(events.get(names.size() - 1).get("exit_code").asInt()).isZero();
    JsonNode health = events.get(names.indexOf("health"));
    assertThat(health.get("provider").asString()).startsWith("FILE:");
    assertThat(health.get("status").asString()).isEqualTo("ok");
  }

  @Test
  void aSecondRunWritesItsOwnEventsFile() throws IOException {
    String first = ws.run().summary().get("run_id").asString();
    String second = ws.run().summary().get("run_id").asString();

    assertThat(second).isNotEqualTo(first);
    try (var files = Files.list(ws.stateDir().resolve("logs"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(first + ".jsonl", second + ".jsonl");
    }
  }
}
