package io.crosswatch.app.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.app.Main;
import io.crosswatch.app.scenario.CliRun;
import io.crosswatch.app.scenario.Docs;
import io.crosswatch.app.scenario.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed between chunks loses at most the chunk in flight, and a rerun neither loses nor
 * duplicates anything (README, How the safety rules work). The run to kill is a real {@code cw}
 * process.
 */
class KillAndRerunTest {
  private static final int TITLES = 100;
  private static final int PLAYS_PER_TITLE = 2;
  private static final int KILL_AFTER = 50;
  private static final Instant FIRST_PLAY = Instant.parse("2025-06-01T20:00:00Z");

  @TempDir Path dir;

  @Test
  void aRunKilledMidwayIsCompletedByTheNextRunWithEveryPlayExactlyOnce() throws Exception {
    Workspace ws = new Workspace(dir);
    ws.config(
        "\"apply_chunk_size\": 10, \"apply_chunk_pause_ms\": 200",
        "",
        "\"mode\": \"one-way\", \"features\": {\"history\": {\"rewatches\": true}}");
    List<String> plays = new ArrayList<>();
    for (int n = 1; n <= TITLES; n++) {
      for (int k = 0; k < PLAYS_PER_TITLE; k++) {
        plays.add(Docs.played(n, FIRST_PLAY.plus(Duration.ofDays(n)).plus(Duration.ofHours(k))));
      }
    }
    ws.write("a.json", Docs.doc("history", plays));
    List<String> expected = ws.plays("a.json");

    Process child = start(ws);
    int written;
    try {
      waitForPlays(ws, KILL_AFTER, child);
    } finally {
      child.destroyForcibly();
      child.waitFor(10, TimeUnit.SECONDS);
    }
    written = ws.plays("b.json").size();
    assertThat(written).as("killed midway").isBetween(KILL_AFTER, expected.size() - 1);
    assertThat(ws.plays("b.json")).doesNotHaveDuplicates();

    ws.clock().set(Instant.now());
    CliRun rerun = ws.run();

    assertThat(rerun.code()).as(rerun.toString()).isZero();
    assertThat(ws.plays("b.json")).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(rerun.applied("history", "target", "add")).isEqualTo(expected.size() - written);
  }

  @Test
  void aRunInAnotherProcessHoldsTheStateLockUntilItEnds() throws Exception {
    Workspace ws = new Workspace(dir);
    ws.config(
        "\"apply_chunk_size\": 1, \"apply_chunk_pause_ms\": 200",
        "",
        "\"mode\": \"one-way\", \"features\": {\"history\": true}");
    List<String> plays = new ArrayList<>();
    for (int n = 1; n <= 20; n++) {
      plays.add(Docs.played(n, FIRST_PLAY.plus(Duration.ofDays(n))));
    }
    ws.write("a.json", Docs.doc("history", plays));

    Process child = start(ws);
    CliRun concurrent;
    try {
      waitForPlays(ws, 1, child);
      concurrent = ws.run();
    } finally {
      child.destroyForcibly();
      child.waitFor(10, TimeUnit.SECONDS);
    }

    assertThat(concurrent.code()).as(concurrent.toString()).isEqualTo(1);
    assertThat(concurrent.err()).containsIgnoringCase("lock");
    CliRun after = ws.run("--dry-run");
    assertThat(after.code()).as("the lock died with its process: " + after).isZero();
    assertThat(after.planned("history", "target", "add")).isBetween(1, 19);
  }

  private static Process start(Workspace ws) throws IOException {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "run",
            "--config",
            ws.config().toString())
        .redirectOutput(ws.path("child.out").toFile())
        .redirectError(ws.path("child.err").toFile())
        .start();
  }

  /** Polls until the target holds {@code plays} plays; fails if the run ends or takes too long. */
  private static void waitForPlays(Workspace ws, int plays, Process child)
      throws InterruptedException, IOException {
    Path file = ws.path("b.json");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!Files.exists(file) || ws.plays("b.json").size() < plays) {
      if (!child.isAlive()) {
        throw new AssertionError(
            "the run ended before writing "
                + plays
                + " plays: exit "
                + child.exitValue()
                + "\n"
                + Files.readString(ws.path("child.err")));
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("fewer than " + plays + " plays written within 30 s");
      }
      Thread.sleep(5);
    }
  }
}
