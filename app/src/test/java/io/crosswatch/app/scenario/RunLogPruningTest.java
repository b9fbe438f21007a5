package io.crosswatch.app.scenario;

import static io.crosswatch.app.scenario.Docs.doc;
import static io.crosswatch.app.scenario.Docs.listed;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code runtime.keep_run_logs} bounds {@code <state_dir>/logs} to the newest run logs. */
class RunLogPruningTest {
  @TempDir Path dir;
  private Workspace ws;

  @BeforeEach
  void setUp() {
    ws = new Workspace(dir);
    ws.config("\"keep_run_logs\": 2", "", "\"features\": {\"watchlist\": true}");
    ws.write("a.json", doc("watchlist", listed(1, Workspace.START)));
  }

  @Test
  void afterFourRunsOnlyTheLastTwoLogsRemain() throws IOException {
    List<String> runIds = runs(4);

    assertThat(logs()).containsExactlyInAnyOrder(log(runIds.get(2)), log(runIds.get(3)));
  }

  @Test
  void aDryRunWritesALogSoItPrunesTooAndLeavesOtherFilesAlone() throws IOException {
    List<String> runIds = runs(3);
    Path notes = Files.writeString(ws.stateDir().resolve("logs").resolve("notes.txt"), "keep");

    CliRun plan = ws.run("--dry-run");

    assertThat(plan.code()).as(plan.toString()).isZero();
    String planId = plan.summary().get("run_id").asString();
    assertThat(logs()).containsExactlyInAnyOrder(log(runIds.get(2)), log(planId), "notes.txt");
    assertThat(notes).hasContent("keep");
  }

  private List<String> runs(int count) {
    List<String> runIds = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      CliRun r = ws.runThenWaitADay();
      assertThat(r.code()).as(r.toString()).isZero();
      runIds.add(r.summary().get("run_id").asString());
    }
    return runIds;
  }

  private static String log(String runId) {
    return runId + ".jsonl";
  }

  private List<String> logs() throws IOException {
    try (Stream<Path> files = Files.list(ws.stateDir().resolve("logs"))) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
