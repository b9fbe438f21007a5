package io.crosswatch.app.scenario;

import static io.crosswatch.app.scenario.Docs.doc;
import static io.crosswatch.app.scenario.Docs.listed;
import static io.crosswatch.app.scenario.Docs.title;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two-way removals driven by a tombstone (README, How the safety rules work): once movie 1 was
 * removed from A and, by the sync, from B, an entry coming back on B is removed again unless its
 * own time is newer than the removal, in which case it is re-added to A.
 */
class TwoWayTombstoneTest {
  private static final Instant LISTED = Instant.parse("2026-01-10T08:00:00Z");

  @TempDir Path dir;
  private Workspace ws;
  private Instant removedAt;

  @BeforeEach
  void removeMovie1FromA() {
    ws = new Workspace(dir);
    ws.config("\"mode\": \"two-way\", \"features\": {\"watchlist\": {\"remove\": true}}");
    ws.write("a.json", doc("watchlist", listed(1, LISTED), listed(2, LISTED)));
    ws.runThenWaitADay();
    ws.runThenWaitADay(); // baselines now hold both movies on both sides

    ws.write("a.json", doc("watchlist", listed(2, LISTED)));
    removedAt = ws.clock().instant();
    CliRun removal = ws.runThenWaitADay();

    assertThat(removal.applied("watchlist", "target", "remove")).isEqualTo(1);
    assertThat(ws.titles("b.json", "watchlist")).containsExactly(title(2));
    assertThat(ws.cw("state", "tombstones", "--state-dir", ws.stateDir().toString()).out())
        .contains(title(1));
  }

  @Test
  void anEntryComingBackOnTheTargetWithATimeOlderThanTheRemovalIsRemovedAgain() {
    ws.write("b.json", doc("watchlist", listed(1, LISTED), listed(2, LISTED)));

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.planned("watchlist", "source", "add")).isZero();
    assertThat(r.applied("watchlist", "target", "remove")).isEqualTo(1);
    assertThat(ws.titles("a.json", "watchlist")).containsExactly(title(2));
    assertThat(ws.titles("b.json", "watchlist")).containsExactly(title(2));
  }

  @Test
  void anEntryComingBackOnTheTargetWithATimeNewerThanTheRemovalIsReAddedToTheSource() {
    Instant relisted = removedAt.plus(Duration.ofHours(1));
    ws.write("b.json", doc("watchlist", listed(1, relisted), listed(2, LISTED)));

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.planned("watchlist", "target", "remove")).isZero();
    assertThat(r.applied("watchlist", "source", "add")).isEqualTo(1);
    assertThat(ws.titles("a.json", "watchlist")).containsExactlyInAnyOrder(title(1), title(2));
    assertThat(ws.titles("b.json", "watchlist")).containsExactlyInAnyOrder(title(1), title(2));
  }
}
