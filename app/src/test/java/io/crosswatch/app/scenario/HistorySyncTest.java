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
 * One-way history (README, How the safety rules work): a history item is one play; without
 * rewatches only the latest play of a title counts, and it is skipped when B has a play within the
 * match window of it or later than it; with rewatches every play counts and only a play within the
 * window skips.
 */
class HistorySyncTest {
  private static final Instant DAY1 = Instant.parse("2026-02-01T20:00:00Z");
  private static final Instant DAY2 = DAY1.plus(Duration.ofDays(1));
  private static final Instant DAY3 = DAY1.plus(Duration.ofDays(2));
  private static final Instant DAY4 = DAY1.plus(Duration.ofDays(3));

  @TempDir Path dir;
  private Workspace ws;

  @BeforeEach
  void setUp() {
    ws = new Workspace(dir);
  }

  private void oneWay(boolean rewatches) {
    ws.config(
        "",
        "\"history_match_window_sec\": 60",
        "\"mode\": \"one-way\", \"features\": {\"history\": {\"rewatches\": " + rewatches + "}}");
  }

  @Test
  void withoutRewatchesOnlyTheLatestPlayOfEachTitleIsSent() {
    oneWay(false);
    ws.write(
        "a.json",
        doc("history", played(1, DAY1), played(1, DAY3), played(1, DAY2), played(2, DAY2)));

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(ws.plays("b.json"))
        .containsExactlyInAnyOrder(title(1) + " @ " + DAY3, title(2) + " @ " + DAY2);
    assertThat(r.planned("history", "target", "add")).isEqualTo(2);
  }

  @Test
  void theLatestPlayIsSkippedWhenTheTargetHasAPlayWithinTheWindowOrLater() {
    oneWay(false);
    ws.write(
        "a.json",
        doc(
            "history",
            played(1, DAY2),
            played(2, DAY2),
            played(3, DAY2),
            played(4, DAY2),
            played(5, DAY2)));
    ws.write(
        "b.json",
        doc(
            "history",
            played(1, DAY2.minusSeconds(60)), // within the window (60 s before)
            played(2, DAY2.plusSeconds(45)), // within the window (45 s after)
            played(3, DAY4), // later: B already knows a newer viewing
            played(4, DAY2.minusSeconds(61)), // just outside the window, earlier
            played(5, DAY1))); // a day earlier

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.planned("history", "target", "add")).isEqualTo(2);
    assertThat(ws.plays("b.json"))
        .hasSize(7)
        .contains(title(4) + " @ " + DAY2, title(5) + " @ " + DAY2)
        .doesNotContain(title(1) + " @ " + DAY2, title(2) + " @ " + DAY2, title(3) + " @ " + DAY2);
  }

  @Test
  void olderPlaysAreNotSentEvenWhenTheTargetLacksThemWithoutRewatches() {
    oneWay(false);
    ws.write("a.json", doc("history", played(1, DAY1), played(1, DAY2), played(1, DAY3)));
    ws.write("b.json", doc("history", played(1, DAY3.plusSeconds(10))));

    CliRun r = ws.run();

    assertThat(r.code()).isZero();
    assertThat(r.nonZeroPlanned()).isEmpty();
    assertThat(ws.plays("b.json")).hasSize(1);
  }

  @Test
  void withRewatchesEveryPlayIsSentUnlessTheTargetHasOneWithinTheWindow() {
    oneWay(true);
    ws.write(
        "a.json",
        doc("history", played(1, DAY1), played(1, DAY2), played(1, DAY3), played(2, DAY1)));
    ws.write(
        "b.json",
        doc(
            "history",
            played(1, DAY2.plusSeconds(30)), // the same viewing as A's DAY2 play
            played(2, DAY4))); // a later play does not cover A's older one with rewatches

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.planned("history", "target", "add")).isEqualTo(3);
    assertThat(ws.plays("b.json"))
        .containsExactlyInAnyOrder(
            title(1) + " @ " + DAY1,
            title(1) + " @ " + DAY2.plusSeconds(30),
            title(1) + " @ " + DAY3,
            title(2) + " @ " + DAY1,
            title(2) + " @ " + DAY4);
  }

  @Test
  void withRewatchesASecondRunSendsNothingMore() {
    oneWay(true);
    ws.write("a.json", doc("history", played(1, DAY1), played(1, DAY2), played(1, DAY3)));
    ws.runThenWaitADay();

    CliRun r = ws.run();

    assertThat(r.code()).isZero();
    assertThat(r.nonZeroPlanned()).isEmpty();
    assertThat(ws.plays("b.json")).hasSize(3);
  }
}
