package io.crosswatch.app.scenario;

import static io.crosswatch.app.scenario.Docs.doc;
import static io.crosswatch.app.scenario.Docs.played;
import static io.crosswatch.app.scenario.Docs.title;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: when the latest play of a title is removed, history settles in one run. Before the
 * fix, the run that removed the play planned nothing else, and the run after it sent the remaining
 * older play: a second run after a clean run planned an add.
 */
class HistoryRemovalSettlesTest {
  private static final Instant AT = Instant.parse("2026-01-10T08:00:00Z");
  private static final Instant NEXT_DAY = AT.plus(Duration.ofDays(1));

  @TempDir Path dir;
  private Workspace ws;

  @BeforeEach
  void setUp() {
    ws = new Workspace(dir);
  }

  @Test
  void oneWayRemovalOfTheLatestPlaySendsTheOlderPlayInTheSameRun() {
    ws.config("", "", "\"mode\": \"one-way\", \"features\": {\"history\": {\"remove\": true}}");
    ws.write("a.json", doc("history", played(1, AT), played(1, NEXT_DAY)));
    ws.runThenWaitADay();
    ws.write("a.json", doc("history", played(1, AT)));

    CliRun removal = ws.runThenWaitADay();
    CliRun after = ws.run();

    assertThat(removal.code()).as(removal.toString()).isZero();
    assertThat(ws.plays("b.json")).containsExactly(title(1) + " @ " + AT);
    assertThat(after.code()).as(after.toString()).isZero();
    assertThat(after.nonZeroPlanned()).isEmpty();
  }

  @Test
  void twoWayRemovalOfTheLatestPlaySettlesInOneRun() {
    ws.config("", "", "\"mode\": \"two-way\", \"features\": {\"history\": {\"remove\": true}}");
    ws.write("a.json", doc("history", played(1, AT), played(1, NEXT_DAY)));
    ws.runThenWaitADay();
    ws.write("b.json", doc("history"));

    CliRun removal = ws.runThenWaitADay();
    CliRun after = ws.run();

    assertThat(removal.code()).as(removal.toString()).isZero();
    assertThat(after.code()).as(after.toString()).isZero();
    assertThat(after.nonZeroPlanned()).isEmpty();
    assertThat(ws.plays("a.json")).isEqualTo(ws.plays("b.json"));
  }
}
