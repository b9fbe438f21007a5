package io.crosswatch.app.scenario;

import static io.crosswatch.app.scenario.Docs.doc;
import static io.crosswatch.app.scenario.Docs.listed;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots (README, How the safety rules work) are cached per provider instance and feature for
 * {@code snapshot_ttl_sec} within a run; a write to that provider and feature invalidates the
 * entry. Pairs {@code p1} (A → B) and {@code p2} (C → B) share {@code FILE:b}.
 */
class SnapshotCacheTest {
  private static final Instant AT = Instant.parse("2026-01-10T08:00:00Z");

  @TempDir Path dir;
  private Workspace ws;

  @BeforeEach
  void setUp() {
    ws = new Workspace(dir);
    ws.write("c.json", doc("watchlist", listed(1, AT)));
    ws.write("b.json", doc("watchlist", listed(1, AT)));
  }

  private void config(String runtime) {
    ws.write(
        "config.json",
        "{\"runtime\": {\"state_dir\": \"state\", \"apply_chunk_pause_ms\": 0"
            + runtime
            + "},\n"
            + " \"file\": {\"path\": \"a.json\", \"instances\": {\"b\": {\"path\": \"b.json\"},"
            + " \"c\": {\"path\": \"c.json\"}}},\n"
            + " \"pairs\": [\n"
            + "  {\"id\": \"p1\", \"source\": \"FILE\", \"target\": \"FILE\","
            + " \"target_instance\": \"b\", \"mode\": \"one-way\","
            + " \"features\": {\"watchlist\": true}},\n"
            + "  {\"id\": \"p2\", \"source\": \"FILE\", \"source_instance\": \"c\","
            + " \"target\": \"FILE\", \"target_instance\": \"b\", \"mode\": \"one-way\","
            + " \"features\": {\"watchlist\": true}}]}\n");
  }

  /** {@code pair provider cached} of each snapshot event, in order. */
  private List<String> snapshots(CliRun r) {
    return ws.events(r).stream()
        .filter(e -> e.get("event").asString().equals("snapshot"))
        .map(
            e ->
                e.get("pair").asString()
                    + " "
                    + e.get("provider").asString()
                    + " "
                    + e.get("cached").asBoolean())
        .toList();
  }

  @Test
  void theSecondPairReadsTheSharedTargetFromTheCacheWhenNothingWasWrittenToIt() {
    config("");
    ws.write("a.json", doc("watchlist", listed(1, AT)));

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(snapshots(r))
        .containsExactlyInAnyOrder(
            "p1 FILE:default false", "p1 FILE:b false", "p2 FILE:c false", "p2 FILE:b true");
  }

  @Test
  void aWriteToTheSharedTargetMakesTheSecondPairReadItAgain() {
    config("");
    ws.write("a.json", doc("watchlist", listed(1, AT), listed(2, AT)));

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(snapshots(r)).contains("p1 FILE:b false", "p2 FILE:b false");
    assertThat(r.summary().get("pairs").get(1).get("features").get(0).get("target_count").asInt())
        .as("p2 sees what p1 wrote")
        .isEqualTo(2);
  }

  @Test
  void aTtlOfZeroCachesNothing() {
    config(", \"snapshot_ttl_sec\": 0");
    ws.write("a.json", doc("watchlist", listed(1, AT)));

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(snapshots(r)).contains("p2 FILE:b false").doesNotContain("p2 FILE:b true");
  }
}
