package io.crosswatch.app.scenario;

import static io.crosswatch.app.scenario.Docs.doc;
import static io.crosswatch.app.scenario.Docs.listed;
import static io.crosswatch.app.scenario.Docs.listedRange;
import static io.crosswatch.app.scenario.Docs.title;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards (README, How the safety rules work): suspect snapshots and mass removals withhold changes,
 * exit 3.
 */
class GuardTest {
  private static final Instant LISTED = Instant.parse("2026-01-10T08:00:00Z");

  @TempDir Path dir;
  private Workspace ws;

  @BeforeEach
  void setUp() {
    ws = new Workspace(dir);
  }

  @Test
  void aSuspectSnapshotDerivesNoRemovalsAndIsNotWrittenTo() {
    ws.config(
        "\"suspect_min_prev\": 5, \"suspect_shrink_ratio\": 0.5",
        "",
        "\"mode\": \"two-way\", \"features\": {\"watchlist\": {\"remove\": true}}");
    ws.write("a.json", doc("watchlist", listedRange(1, 10, LISTED)));
    ws.write("b.json", doc("watchlist", listedRange(1, 10, LISTED)));
    assertThat(ws.runThenWaitADay().code()).isZero();

    ws.write("a.json", doc("watchlist", listedRange(1, 4, LISTED))); // 4 < 10 × 0.5
    List<String> bItems = new ArrayList<>(List.of(listedRange(1, 10, LISTED)));
    bItems.add(listed(11, LISTED));
    ws.write("b.json", doc("watchlist", bItems));
    Workspace.Fingerprint a = ws.fingerprint("a.json");
    Workspace.Fingerprint b = ws.fingerprint("b.json");
    CliRun r = ws.runThenWaitADay();

    assertThat(r.code()).as(r.toString()).isEqualTo(3);
    assertThat(r.feature("watchlist").get("status").asString()).isEqualTo("blocked");
    assertThat(r.feature("watchlist").get("blocked").asInt()).isPositive();
    assertThat(r.summary().get("totals").get("blocked").asInt()).isPositive();
    assertThat(r.warnings("watchlist"))
        .contains("suspect snapshot")
        .contains("pair=p")
        .contains("feature=watchlist")
        .contains("FILE:default")
        .contains("4")
        .contains("10");
    assertThat(r.err()).contains("suspect snapshot");
    assertThat(ws.fingerprint("a.json")).as("nothing written to the suspect side").isEqualTo(a);
    assertThat(ws.fingerprint("b.json")).as("no removals derived from it").isEqualTo(b);

    ws.write("a.json", doc("watchlist", listedRange(1, 10, LISTED)));
    CliRun restored = ws.run();

    assertThat(restored.code()).as("the baseline was kept: " + restored).isZero();
    assertThat(restored.planned("watchlist", "target", "remove")).isZero();
    assertThat(ws.titles("a.json", "watchlist")).hasSize(11).contains(title(11));
    assertThat(ws.titles("b.json", "watchlist")).hasSize(11);
  }

  @Test
  void aSnapshotSmallerThanTheMinimumBaselineIsNotSuspect() {
    ws.config(
        "\"suspect_min_prev\": 20, \"suspect_shrink_ratio\": 0.5",
        "\"max_remove_ratio\": 1.0",
        "\"mode\": \"one-way\", \"features\": {\"watchlist\": {\"remove\": true}}");
    ws.write("a.json", doc("watchlist", listedRange(1, 10, LISTED)));
    ws.runThenWaitADay();

    ws.write("a.json", doc("watchlist", listedRange(1, 2, LISTED)));
    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(ws.titles("b.json", "watchlist")).hasSize(2);
  }

  @Test
  void aMassRemovalAppliesNoneOfItsRemovals() throws IOException {
    ws.config(
        "\"suspect_min_prev\": 5",
        "\"max_remove_ratio\": 0.5",
        "\"mode\": \"one-way\", \"features\": {\"watchlist\": {\"remove\": true}}");
    ws.write("a.json", doc("watchlist", listedRange(1, 10, LISTED)));
    ws.runThenWaitADay();

    ws.write("a.json", doc("watchlist", listedRange(1, 4, LISTED))); // 6 of 10 gone
    Workspace.Fingerprint b = ws.fingerprint("b.json");
    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isEqualTo(3);
    assertThat(r.feature("watchlist").get("status").asString()).isEqualTo("blocked");
    assertThat(r.feature("watchlist").get("blocked").asInt()).isEqualTo(6);
    assertThat(r.summary().get("totals").get("blocked").asInt()).isEqualTo(6);
    assertThat(r.applied("watchlist", "target", "remove")).isZero();
    assertThat(r.warnings("watchlist"))
        .contains("mass removal")
        .contains("FILE:b")
        .contains("6 of 10");
    assertThat(ws.fingerprint("b.json")).isEqualTo(b);
    String events =
        Files.readString(
            ws.stateDir().resolve("logs").resolve(r.summary().get("run_id").asString() + ".jsonl"));
    JsonNode guard =
        events
            .lines()
            .map(line -> JsonMapper.builder().build().readTree(line))
            .filter(e -> e.get("event").asString().equals("guard"))
            .findFirst()
            .orElseThrow();
    assertThat(guard.get("pair").asString()).isEqualTo("p");
    assertThat(guard.get("feature").asString()).isEqualTo("watchlist");
    assertThat(guard.get("guard").asString()).isEqualTo("mass_removal");
    assertThat(guard.get("provider").asString()).isEqualTo("FILE:b");
    assertThat(guard.get("side").asString()).isEqualTo("target");
    assertThat(guard.get("blocked").asInt()).isEqualTo(6);
    assertThat(guard.get("message").asString()).contains("mass removal: 6 of 10");
  }

  @Test
  void aSuspectSourceThatHoldsBackNothingIsAWarningAndTheRunSucceeds() {
    ws.config(
        "\"suspect_min_prev\": 5, \"suspect_shrink_ratio\": 0.5",
        "",
        "\"mode\": \"one-way\", \"features\": {\"watchlist\": true}");
    ws.write("a.json", doc("watchlist", listedRange(1, 10, LISTED)));
    assertThat(ws.runThenWaitADay().code()).isZero();

    ws.write("a.json", doc("watchlist", listedRange(1, 3, LISTED))); // no removals wanted
    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.feature("watchlist").get("status").asString()).isEqualTo("ok");
    assertThat(r.feature("watchlist").get("blocked").asInt()).isZero();
    assertThat(r.warnings("watchlist")).contains("suspect snapshot").contains("0 changes blocked");
    assertThat(ws.titles("b.json", "watchlist")).hasSize(10);
  }

  @Test
  void removingUpToTheMaxRatioIsNotAMassRemoval() {
    ws.config(
        "\"suspect_min_prev\": 5",
        "\"max_remove_ratio\": 0.5",
        "\"mode\": \"one-way\", \"features\": {\"watchlist\": {\"remove\": true}}");
    ws.write("a.json", doc("watchlist", listedRange(1, 10, LISTED)));
    ws.runThenWaitADay();

    ws.write("a.json", doc("watchlist", listedRange(1, 5, LISTED))); // 5 of 10 gone
    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.applied("watchlist", "target", "remove")).isEqualTo(5);
    assertThat(ws.titles("b.json", "watchlist")).hasSize(5);
  }

  @Test
  void aBlockedMassRemovalStaysBlockedOnTheNextRun() {
    ws.config(
        "\"suspect_min_prev\": 5",
        "\"max_remove_ratio\": 0.5",
        "\"mode\": \"one-way\", \"features\": {\"watchlist\": {\"remove\": true}}");
    ws.write("a.json", doc("watchlist", listedRange(1, 10, LISTED)));
    ws.runThenWaitADay();
    ws.write("a.json", doc("watchlist", listedRange(1, 4, LISTED)));
    ws.runThenWaitADay();

    CliRun again = ws.run();

    assertThat(again.code()).as(again.toString()).isEqualTo(3);
    assertThat(again.feature("watchlist").get("blocked").asInt()).isEqualTo(6);
    assertThat(ws.titles("b.json", "watchlist")).hasSize(10);
  }
}
