package io.crosswatch.app.scenario;

import static io.crosswatch.app.scenario.Docs.doc;
import static io.crosswatch.app.scenario.Docs.listed;
import static io.crosswatch.app.scenario.Docs.rated;
import static io.crosswatch.app.scenario.Docs.title;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two-way A ↔ B (README, How the safety rules work): first run is a union; deletions on either side
 * propagate; an item re-added after the removal wins; ratings: newer wins, a tie goes to the
 * source.
 */
class TwoWaySyncTest {
  private static final Instant LISTED = Instant.parse("2026-01-10T08:00:00Z");

  @TempDir Path dir;
  private Workspace ws;

  @BeforeEach
  void setUp() {
    ws = new Workspace(dir);
    ws.config(
        "\"mode\": \"two-way\", \"features\": {\"watchlist\": {\"remove\": true},"
            + " \"ratings\": {\"remove\": true}}");
  }

  @Test
  void theFirstRunIsAUnionWithoutRemovals() {
    ws.write("a.json", doc("watchlist", listed(1, LISTED), listed(2, LISTED)));
    ws.write("b.json", doc("watchlist", listed(2, LISTED), listed(3, LISTED)));

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(ws.titles("a.json", "watchlist"))
        .containsExactlyInAnyOrder(title(1), title(2), title(3));
    assertThat(ws.titles("b.json", "watchlist"))
        .containsExactlyInAnyOrder(title(1), title(2), title(3));
    assertThat(r.planned("watchlist", "source", "add")).isEqualTo(1);
    assertThat(r.planned("watchlist", "target", "add")).isEqualTo(1);
    assertThat(r.planned("watchlist", "source", "remove")).isZero();
    assertThat(r.planned("watchlist", "target", "remove")).isZero();
  }

  @Test
  void aDeletionOnTheTargetIsPropagatedToTheSource() {
    ws.write("a.json", doc("watchlist", listed(1, LISTED), listed(2, LISTED)));
    ws.write("b.json", doc("watchlist", listed(3, LISTED)));
    ws.runThenWaitADay();

    ws.write("b.json", doc("watchlist", listed(2, LISTED), listed(3, LISTED)));
    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(ws.titles("a.json", "watchlist")).containsExactlyInAnyOrder(title(2), title(3));
    assertThat(ws.titles("b.json", "watchlist")).containsExactlyInAnyOrder(title(2), title(3));
    assertThat(r.planned("watchlist", "source", "remove")).isEqualTo(1);
    assertThat(r.applied("watchlist", "source", "remove")).isEqualTo(1);
  }

  @Test
  void aDeletionOnTheSourceIsPropagatedToTheTarget() {
    ws.write("a.json", doc("watchlist", listed(1, LISTED), listed(2, LISTED)));
    ws.write("b.json", doc("watchlist", listed(3, LISTED)));
    ws.runThenWaitADay();

    ws.write("a.json", doc("watchlist", listed(1, LISTED), listed(2, LISTED)));
    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(ws.titles("a.json", "watchlist")).containsExactlyInAnyOrder(title(1), title(2));
    assertThat(ws.titles("b.json", "watchlist")).containsExactlyInAnyOrder(title(1), title(2));
    assertThat(r.planned("watchlist", "target", "remove")).isEqualTo(1);
  }

  @Test
  void withRemoveOffADeletionIsNeitherPropagatedNorUndone() {
    ws.config("\"mode\": \"two-way\", \"features\": {\"watchlist\": {\"remove\": false}}");
    ws.write("a.json", doc("watchlist", listed(1, LISTED), listed(2, LISTED)));
    ws.runThenWaitADay();
    assertThat(ws.titles("b.json", "watchlist")).containsExactlyInAnyOrder(title(1), title(2));

    ws.write("b.json", doc("watchlist", listed(2, LISTED)));
    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.nonZeroPlanned()).as("nothing removed from A, nothing re-added to B").isEmpty();
    assertThat(ws.titles("a.json", "watchlist")).containsExactlyInAnyOrder(title(1), title(2));
    assertThat(ws.titles("b.json", "watchlist")).containsExactly(title(2));
    assertThat(ws.cw("state", "tombstones", "--state-dir", ws.stateDir().toString()).out())
        .as("the deletion is remembered")
        .contains(title(1));
  }

  @Test
  void anItemReAddedAfterTheRemovalWins() {
    ws.write("a.json", doc("watchlist", listed(1, LISTED), listed(2, LISTED)));
    ws.runThenWaitADay();
    ws.write("b.json", doc("watchlist", listed(2, LISTED)));
    ws.runThenWaitADay();
    assertThat(ws.titles("a.json", "watchlist")).containsExactly(title(2));

    Instant reAdded = ws.clock().instant().minus(Duration.ofHours(3));
    ws.write("a.json", doc("watchlist", listed(1, reAdded), listed(2, LISTED)));
    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(ws.titles("a.json", "watchlist")).containsExactlyInAnyOrder(title(1), title(2));
    assertThat(ws.titles("b.json", "watchlist")).containsExactlyInAnyOrder(title(1), title(2));
    assertThat(r.planned("watchlist", "target", "add")).isEqualTo(1);
    assertThat(r.planned("watchlist", "source", "remove")).isZero();
  }

  @Test
  void anItemReAddedOnOneSideWhileTheOtherRemovedItIsKeptWhenItIsNewer() {
    ws.write("a.json", doc("watchlist", listed(1, LISTED), listed(2, LISTED)));
    ws.runThenWaitADay();

    Instant reAdded = ws.clock().instant().minus(Duration.ofHours(2));
    ws.write("a.json", doc("watchlist", listed(1, reAdded), listed(2, LISTED)));
    ws.write("b.json", doc("watchlist", listed(2, LISTED)));
    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(ws.titles("b.json", "watchlist")).containsExactlyInAnyOrder(title(1), title(2));
    assertThat(ws.titles("a.json", "watchlist")).containsExactlyInAnyOrder(title(1), title(2));
  }

  @Test
  void differingRatingsTakeTheNewerRatingOnBothSides() {
    Instant older = LISTED;
    Instant newer = LISTED.plus(Duration.ofDays(5));
    ws.write("a.json", doc("ratings", rated(1, 7, older), rated(2, 6, newer)));
    ws.write("b.json", doc("ratings", rated(1, 9, newer), rated(2, 4, older)));

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(rating("a.json", 1)).isEqualTo(9);
    assertThat(rating("b.json", 1)).isEqualTo(9);
    assertThat(rating("a.json", 2)).isEqualTo(6);
    assertThat(rating("b.json", 2)).isEqualTo(6);
    assertThat(r.planned("ratings", "source", "update")).isEqualTo(1);
    assertThat(r.planned("ratings", "target", "update")).isEqualTo(1);
    assertThat(r.summary().get("totals").get("updated").asInt()).isEqualTo(2);
  }

  @Test
  void aRatingTieOrUnknownTimesGoToTheSource() {
    Instant same = LISTED;
    ws.write("a.json", doc("ratings", rated(1, 3, same), rated(2, 5, null), rated(3, 2, same)));
    ws.write("b.json", doc("ratings", rated(1, 8, same), rated(2, 10, same), rated(3, 9, null)));

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    for (int movie = 1; movie <= 3; movie++) {
      assertThat(rating("b.json", movie)).as("movie %d", movie).isEqualTo(rating("a.json", movie));
    }
    assertThat(rating("a.json", 1)).isEqualTo(3);
    assertThat(rating("a.json", 2)).isEqualTo(5);
    assertThat(rating("a.json", 3)).isEqualTo(2);
    assertThat(r.planned("ratings", "source", "update")).isZero();
    assertThat(r.planned("ratings", "target", "update")).isEqualTo(3);
  }

  @Test
  void afterACleanRunBothSidesHoldTheSameItems() {
    ws.write(
        "a.json",
        Docs.doc()
            .with("watchlist", Docs.listedRange(1, 6, LISTED))
            .with("ratings", rated(1, 4, LISTED))
            .json());
    ws.write(
        "b.json",
        Docs.doc()
            .with("watchlist", Docs.listedRange(4, 9, LISTED))
            .with("ratings", rated(2, 5, LISTED))
            .json());

    CliRun r = ws.run();

    assertThat(r.code()).isZero();
    assertThat(ws.titles("a.json", "watchlist"))
        .containsExactlyInAnyOrderElementsOf(ws.titles("b.json", "watchlist"))
        .hasSize(9);
    assertThat(ws.titles("a.json", "ratings"))
        .containsExactlyInAnyOrderElementsOf(ws.titles("b.json", "ratings"))
        .hasSize(2);
  }

  private int rating(String file, int movie) {
    return ws.items(file, "ratings").stream()
        .filter(i -> i.get("title").asString().equals(title(movie)))
        .findFirst()
        .orElseThrow(() -> new AssertionError(title(movie) + " not rated in " + file))
        .get("rating")
        .asInt();
  }
}
