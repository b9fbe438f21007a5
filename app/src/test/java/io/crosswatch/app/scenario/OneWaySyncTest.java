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
 * One-way A → B (README, How the safety rules work): adds, removals in both modes, ratings; A is
 * not written.
 */
class OneWaySyncTest {
  private static final Instant LISTED = Instant.parse("2026-01-10T08:00:00Z");

  @TempDir Path dir;
  private Workspace ws;

  @BeforeEach
  void setUp() {
    ws = new Workspace(dir);
  }

  @Test
  void addsTheItemsOfTheSourceThatTheTargetLacks() {
    ws.config("\"mode\": \"one-way\", \"features\": {\"watchlist\": true}");
    ws.write("a.json", doc("watchlist", listed(1, LISTED), listed(2, LISTED), listed(3, LISTED)));
    ws.write("b.json", doc("watchlist", listed(2, LISTED)));

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(ws.titles("b.json", "watchlist"))
        .containsExactlyInAnyOrder(title(1), title(2), title(3));
    assertThat(r.planned("watchlist", "target", "add")).isEqualTo(2);
    assertThat(r.applied("watchlist", "target", "add")).isEqualTo(2);
    assertThat(r.summary().get("totals").get("added").asInt()).isEqualTo(2);
  }

  @Test
  void anAddedItemKeepsItsIdsAndListedAt() {
    ws.config("\"mode\": \"one-way\", \"features\": {\"watchlist\": true}");
    ws.write("a.json", doc("watchlist", listed(7, LISTED)));

    ws.run();

    assertThat(ws.items("b.json", "watchlist"))
        .singleElement()
        .satisfies(
            item -> {
              assertThat(item.get("ids").get("imdb").asString()).isEqualTo("tt0000007");
              assertThat(item.get("ids").get("tmdb").asInt()).isEqualTo(7);
              assertThat(Instant.parse(item.get("listed_at").asString())).isEqualTo(LISTED);
            });
  }

  @Test
  void withAddOffNothingIsAdded() {
    ws.config("\"mode\": \"one-way\", \"features\": {\"watchlist\": {\"add\": false}}");
    ws.write("a.json", doc("watchlist", listed(1, LISTED)));
    ws.write("b.json", doc("watchlist"));

    CliRun r = ws.run();

    assertThat(r.code()).isZero();
    assertThat(ws.titles("b.json", "watchlist")).isEmpty();
  }

  @Test
  void sourceDeletesRemovesWhatTheSourceHeldAtTheLastRunAndNoLongerHolds() {
    ws.config(
        "\"mode\": \"one-way\", \"features\": {\"watchlist\": {\"add\": true, \"remove\": true}}");
    ws.write("a.json", doc("watchlist", listed(1, LISTED), listed(2, LISTED), listed(3, LISTED)));
    ws.write("b.json", doc("watchlist", listed(4, LISTED)));
    assertThat(ws.runThenWaitADay().code()).isZero();
    assertThat(ws.titles("b.json", "watchlist")).hasSize(4);

    ws.write("a.json", doc("watchlist", listed(1, LISTED), listed(3, LISTED)));
    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(ws.titles("b.json", "watchlist"))
        .as("movie 2 left A, so it leaves B; movie 4 was never on A, so it stays")
        .containsExactlyInAnyOrder(title(1), title(3), title(4));
    assertThat(r.planned("watchlist", "target", "remove")).isEqualTo(1);
    assertThat(r.applied("watchlist", "target", "remove")).isEqualTo(1);
    assertThat(r.summary().get("totals").get("removed").asInt()).isEqualTo(1);
  }

  @Test
  void sourceDeletesIsTheDefaultRemoveMode() {
    ws.config("\"mode\": \"one-way\", \"features\": {\"watchlist\": {\"remove\": true}}");
    ws.write("a.json", doc("watchlist", listed(1, LISTED)));
    ws.write("b.json", doc("watchlist", listed(4, LISTED)));

    CliRun r = ws.run();

    assertThat(r.code()).isZero();
    assertThat(ws.titles("b.json", "watchlist")).containsExactlyInAnyOrder(title(1), title(4));
  }

  @Test
  void withRemoveOffADeletionOnTheSourceIsNotPropagated() {
    ws.config("\"mode\": \"one-way\", \"features\": {\"watchlist\": true}");
    ws.write("a.json", doc("watchlist", listed(1, LISTED), listed(2, LISTED)));
    ws.runThenWaitADay();

    ws.write("a.json", doc("watchlist", listed(1, LISTED)));
    CliRun r = ws.run();

    assertThat(r.code()).isZero();
    assertThat(ws.titles("b.json", "watchlist")).containsExactlyInAnyOrder(title(1), title(2));
    assertThat(r.nonZeroPlanned()).isEmpty();
  }

  @Test
  void mirrorAlsoRemovesWhatTheTargetHoldsAndTheSourceNeverHad() {
    ws.config(
        "",
        "\"one_way_remove_mode\": \"mirror\"",
        "\"mode\": \"one-way\", \"features\": {\"watchlist\": {\"remove\": true}}");
    ws.write("a.json", doc("watchlist", listed(1, LISTED), listed(2, LISTED)));
    ws.write("b.json", doc("watchlist", listed(2, LISTED), listed(3, LISTED), listed(4, LISTED)));

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(ws.titles("b.json", "watchlist")).containsExactlyInAnyOrder(title(1), title(2));
    assertThat(r.planned("watchlist", "target", "add")).isEqualTo(1);
    assertThat(r.planned("watchlist", "target", "remove")).isEqualTo(2);
  }

  @Test
  void mirrorWithRemoveOffRemovesNothing() {
    ws.config(
        "",
        "\"one_way_remove_mode\": \"mirror\"",
        "\"mode\": \"one-way\", \"features\": {\"watchlist\": {\"remove\": false}}");
    ws.write("a.json", doc("watchlist", listed(1, LISTED)));
    ws.write("b.json", doc("watchlist", listed(3, LISTED)));

    ws.run();

    assertThat(ws.titles("b.json", "watchlist")).containsExactlyInAnyOrder(title(1), title(3));
  }

  @Test
  void theSourceFileIsNeverWrittenEvenWhenTheTargetHoldsMore() {
    ws.config(
        "",
        "\"one_way_remove_mode\": \"mirror\"",
        "\"mode\": \"one-way\", \"features\": {\"watchlist\": {\"remove\": true},"
            + " \"history\": {\"remove\": true}, \"ratings\": {\"remove\": true}}");
    ws.write(
        "a.json",
        Docs.doc()
            .with("watchlist", listed(1, LISTED))
            .with("history", Docs.played(1, LISTED))
            .with("ratings", rated(1, 6, LISTED))
            .json());
    ws.write(
        "b.json",
        Docs.doc()
            .with("watchlist", listed(2, LISTED))
            .with("history", Docs.played(2, LISTED), Docs.played(1, LISTED.plusSeconds(86400)))
            .with("ratings", rated(1, 9, LISTED.plusSeconds(86400)), rated(2, 3, LISTED))
            .json());
    Workspace.Fingerprint before = ws.fingerprint("a.json");

    CliRun first = ws.runThenWaitADay();
    ws.write("b.json", doc("watchlist", listed(5, LISTED)));
    CliRun second = ws.run();

    assertThat(first.code()).as(first.toString()).isZero();
    assertThat(second.code()).as(second.toString()).isZero();
    assertThat(ws.fingerprint("a.json")).isEqualTo(before);
    for (CliRun r : new CliRun[] {first, second}) {
      for (String f : new String[] {"watchlist", "history", "ratings"}) {
        assertThat(r.feature(f).get("planned").get("source").properties())
            .allSatisfy(e -> assertThat(e.getValue().asInt()).as(f).isZero());
      }
    }
  }

  @Test
  void aDifferentRatingOnTheTargetIsUpdatedToTheSourcesAndCountsAsAnUpdate() {
    ws.config("\"mode\": \"one-way\", \"features\": {\"ratings\": true}");
    Instant older = LISTED;
    Instant newer = LISTED.plus(Duration.ofDays(20));
    ws.write("a.json", doc("ratings", rated(1, 8, older), rated(2, 5, older), rated(3, 7, older)));
    ws.write("b.json", doc("ratings", rated(1, 3, newer), rated(2, 5, newer)));

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(ratingOf("b.json", 1)).as("A wins, even though B's rating is newer").isEqualTo(8);
    assertThat(ratingOf("b.json", 2)).isEqualTo(5);
    assertThat(ratingOf("b.json", 3)).isEqualTo(7);
    assertThat(ws.items("b.json", "ratings")).hasSize(3);
    assertThat(r.planned("ratings", "target", "update")).isEqualTo(1);
    assertThat(r.applied("ratings", "target", "update")).isEqualTo(1);
    assertThat(r.planned("ratings", "target", "add")).isEqualTo(1);
    assertThat(r.summary().get("totals").get("updated").asInt()).isEqualTo(1);
    assertThat(r.summary().get("totals").get("added").asInt()).isEqualTo(1);
  }

  private int ratingOf(String file, int movie) {
    return ws.items(file, "ratings").stream()
        .filter(i -> i.get("title").asString().equals(title(movie)))
        .findFirst()
        .orElseThrow()
        .get("rating")
        .asInt();
  }
}
