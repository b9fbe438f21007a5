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
 * Tombstones (README, How the safety rules work): a removal blocks re-adding the item within {@code
 * tombstone_ttl_days} unless the item's own time is newer than the removal; after the TTL it no
 * longer blocks. Each test starts with movie 1 removed from A and, by the sync, from B.
 */
class TombstoneTest {
  private static final Instant LISTED = Instant.parse("2026-01-10T08:00:00Z");

  @TempDir Path dir;
  private Workspace ws;
  private Instant removedAt;

  @BeforeEach
  void removeMovie1() {
    ws = new Workspace(dir);
    ws.config(
        "",
        "\"tombstone_ttl_days\": 10",
        "\"mode\": \"one-way\", \"features\": {\"watchlist\": {\"remove\": true}}");
    ws.write("a.json", doc("watchlist", listed(1, LISTED), listed(2, LISTED)));
    ws.runThenWaitADay();
    ws.write("a.json", doc("watchlist", listed(2, LISTED)));
    removedAt = ws.clock().instant();
    CliRun removal = ws.runThenWaitADay();
    assertThat(removal.applied("watchlist", "target", "remove")).isEqualTo(1);
    assertThat(ws.titles("b.json", "watchlist")).containsExactly(title(2));
    assertThat(ws.cw("state", "tombstones", "--state-dir", ws.stateDir().toString()).out())
        .contains(title(1));
  }

  @Test
  void anItemComingBackWithItsOldTimeIsNotReAddedWithinTheTtl() {
    ws.write("a.json", doc("watchlist", listed(1, LISTED), listed(2, LISTED)));

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.planned("watchlist", "target", "add")).isZero();
    assertThat(ws.titles("b.json", "watchlist")).containsExactly(title(2));
  }

  @Test
  void anItemWhoseOwnTimeIsNewerThanTheRemovalIsReAdded() {
    Instant relisted = removedAt.plus(Duration.ofHours(1));
    ws.write("a.json", doc("watchlist", listed(1, relisted), listed(2, LISTED)));

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(ws.titles("b.json", "watchlist")).containsExactlyInAnyOrder(title(1), title(2));
  }

  @Test
  void theTombstoneStopsBlockingAfterTheTtl() {
    ws.write("a.json", doc("watchlist", listed(1, LISTED), listed(2, LISTED)));
    ws.clock().set(removedAt.plus(Duration.ofDays(9)));
    assertThat(ws.run().planned("watchlist", "target", "add")).as("9 days: still blocked").isZero();

    ws.clock().set(removedAt.plus(Duration.ofDays(10)).plusSeconds(1));
    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.planned("watchlist", "target", "add")).isEqualTo(1);
    assertThat(ws.titles("b.json", "watchlist")).containsExactlyInAnyOrder(title(1), title(2));
    assertThat(ws.cw("state", "tombstones", "--state-dir", ws.stateDir().toString()).out())
        .as("pruned after the TTL")
        .doesNotContain(title(1));
  }
}
