package io.crosswatch.app.fault;

import static org.assertj.core.api.Assertions.assertThat;

import io.crosswatch.app.Main;
import io.crosswatch.app.scenario.CliRun;
import io.crosswatch.app.scenario.Docs;
import io.crosswatch.app.scenario.Workspace;
import io.crosswatch.testkit.fake.trakt.FakeTraktServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run killed between chunks loses at most the chunk in flight, and a rerun neither loses nor
 * duplicates anything. The run to kill is a real {@code cw} process writing plays to a fake Trakt
 * (one write per second, so the kill lands between chunks).
 */
class KillAndRerunTest {
  private static final int TITLES = 100;
  private static final int PLAYS_PER_TITLE = 2;
  private static final int KILL_AFTER = 50;
  private static final Instant FIRST_PLAY = Instant.parse("2025-06-01T20:00:00Z");

  @TempDir Path dir;
  private final FakeTraktServer trakt = FakeTraktServer.builder().build().start();

  @AfterEach
  void stop() {
    trakt.close();
  }

  /** FILE → TRAKT, history with rewatches, Trakt written in chunks of {@code chunk}. */
  private Workspace workspace(int chunk) {
    trakt.catalogue().generateMovies(TITLES);
    Workspace ws = new Workspace(dir, Clock.systemUTC());
    return ws.write(
        "config.json",
        "{\"runtime\": {\"state_dir\": \"state\","
            + " \"apply_chunk_size_by_provider\": {\"TRAKT\": "
            + chunk
            + "}},\n"
            + " \"file\": {\"path\": \"a.json\"},\n"
            + " "
            + trakt.configBlock()
            + ",\n"
            + " \"pairs\": [{\"id\": \"p\", \"source\": \"FILE\", \"target\": \"TRAKT\","
            + " \"features\": {\"history\": {\"enable\": true, \"rewatches\": true}}}]}\n");
  }

  /** One play of generated Trakt movie {@code n} at {@code at}, as a FILE item. */
  private static String played(int n, Instant at) {
    return String.format(
        Locale.ROOT,
        "{\"type\": \"movie\", \"title\": \"Movie %d\", \"year\": %d,"
            + " \"ids\": {\"imdb\": \"tt%d\", \"tmdb\": %d}, \"watched_at\": \"%s\"}",
        n,
        1970 + n % 50,
        1000000 + n,
        5000 + n,
        at);
  }

  /** Trakt's plays as {@code title@time}. */
  private List<String> traktPlays() {
    return trakt.user().plays().stream().map(p -> p.title().key() + "@" + p.watchedAt()).toList();
  }

  @Test
  void aRunKilledMidwayIsCompletedByTheNextRunWithEveryPlayExactlyOnce() throws Exception {
    Workspace ws = workspace(10);
    List<String> plays = new ArrayList<>();
    for (int n = 1; n <= TITLES; n++) {
      for (int k = 0; k < PLAYS_PER_TITLE; k++) {
        plays.add(played(n, FIRST_PLAY.plus(Duration.ofDays(n)).plus(Duration.ofHours(k))));
      }
    }
    ws.write("a.json", Docs.doc("history", plays));
    int expected = plays.size();

    Process child = start(ws);
    int written;
    try {
      waitForPlays(KILL_AFTER, child, ws);
    } finally {
      child.destroyForcibly();
      child.waitFor(10, TimeUnit.SECONDS);
    }
    written = traktPlays().size();
    assertThat(written).as("killed midway").isBetween(KILL_AFTER, expected - 1);
    assertThat(traktPlays()).doesNotHaveDuplicates();

    CliRun rerun = ws.run();

    assertThat(rerun.code()).as(rerun.toString()).isZero();
    assertThat(traktPlays()).hasSize(expected).doesNotHaveDuplicates();
    assertThat(rerun.applied("history", "target", "add")).isEqualTo(expected - written);
  }

  @Test
  void aRunInAnotherProcessHoldsTheStateLockUntilItEnds() throws Exception {
    Workspace ws = workspace(1);
    List<String> plays = new ArrayList<>();
    for (int n = 1; n <= 20; n++) {
      plays.add(played(n, FIRST_PLAY.plus(Duration.ofDays(n))));
    }
    ws.write("a.json", Docs.doc("history", plays));

    Process child = start(ws);
    CliRun concurrent;
    try {
      waitForPlays(1, child, ws);
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

  /** Polls until Trakt holds {@code plays} plays; fails if the run ends or takes too long. */
  private void waitForPlays(int plays, Process child, Workspace ws)
      throws InterruptedException, IOException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (trakt.user().plays().size() < plays) {
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
        throw new AssertionError("fewer than " + plays + " plays written within 60 s");
      }
      Thread.sleep(5);
    }
  }
}
