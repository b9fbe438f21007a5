package io.crosswatch.app.scenario;

import static io.crosswatch.app.scenario.Docs.doc;
import static io.crosswatch.app.scenario.Docs.listedRange;
import static io.crosswatch.app.scenario.Docs.played;
import static io.crosswatch.app.scenario.Docs.rated;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Apply (README, How the safety rules work): writes go in chunks of {@code
 * apply_chunk_size_by_provider[PROVIDER]} else {@code apply_chunk_size}; within a feature updates,
 * then adds, then removes; history before watchlist. Each chunk is one {@code apply:chunk} event
 * and counts in the summary's {@code chunks}.
 */
class ApplyChunkingTest {
  private static final Instant AT = Instant.parse("2026-01-10T08:00:00Z");

  @TempDir Path dir;
  private Workspace ws;

  @BeforeEach
  void setUp() {
    ws = new Workspace(dir);
    ws.write("a.json", doc("watchlist", listedRange(1, 7, AT)));
  }

  private List<JsonNode> chunkEvents(CliRun r) {
    return ws.events(r).stream()
        .filter(e -> e.get("event").asString().equals("apply:chunk"))
        .toList();
  }

  @Test
  void applyChunkSizeSplitsTheWrites() {
    ws.config(
        "\"apply_chunk_size\": 3",
        "",
        "\"mode\": \"one-way\", \"features\": {\"watchlist\": true}");

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.feature("watchlist").get("chunks").asInt()).isEqualTo(3);
    assertThat(chunkEvents(r))
        .extracting(
            e ->
                e.get("chunk").asInt() + "/" + e.get("of").asInt() + ":" + e.get("applied").asInt())
        .containsExactly("1/3:3", "2/3:3", "3/3:1");
    assertThat(ws.titles("b.json", "watchlist")).hasSize(7);
  }

  @Test
  void theProvidersOwnChunkSizeWinsOverTheGeneralOne() {
    ws.config(
        "\"apply_chunk_size\": 1, \"apply_chunk_size_by_provider\": {\"FILE\": 4}",
        "",
        "\"mode\": \"one-way\", \"features\": {\"watchlist\": true}");

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.feature("watchlist").get("chunks").asInt()).isEqualTo(2);
    assertThat(chunkEvents(r)).extracting(e -> e.get("applied").asInt()).containsExactly(4, 3);
  }

  @Test
  void aSizeForAnotherProviderDoesNotApplyToFile() {
    ws.config(
        "\"apply_chunk_size\": 2, \"apply_chunk_size_by_provider\": {\"SIMKL\": 500}",
        "",
        "\"mode\": \"one-way\", \"features\": {\"watchlist\": true}");

    CliRun r = ws.run();

    assertThat(r.feature("watchlist").get("chunks").asInt()).isEqualTo(4);
    assertThat(chunkEvents(r)).hasSize(4);
  }

  @Test
  void withinAFeatureUpdatesComeFirstThenAddsThenRemoves() {
    ws.config(
        "\"apply_chunk_size\": 1",
        "\"one_way_remove_mode\": \"mirror\"",
        "\"mode\": \"one-way\", \"features\": {\"ratings\": {\"remove\": true}}");
    ws.write("a.json", doc("ratings", rated(1, 5, AT), rated(2, 6, AT), rated(3, 7, AT)));
    ws.write("b.json", doc("ratings", rated(1, 3, AT), rated(4, 2, AT), rated(5, 2, AT)));

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.feature("ratings").get("chunks").asInt()).isEqualTo(5);
    assertThat(chunkEvents(r))
        .extracting(e -> e.get("op").asString())
        .containsExactly("update", "add", "add", "remove", "remove");
  }

  @Test
  void historyIsAppliedBeforeTheWatchlist() {
    ws.config(
        "\"apply_chunk_size\": 2",
        "",
        "\"mode\": \"one-way\", \"features\": {\"watchlist\": true, \"history\": true}");
    ws.write(
        "a.json",
        Docs.doc()
            .with("watchlist", listedRange(1, 3, AT))
            .with("history", played(4, AT), played(5, AT), played(6, AT))
            .json());

    CliRun r = ws.run();

    assertThat(r.code()).as(r.toString()).isZero();
    List<String> order =
        ws.events(r).stream()
            .filter(
                e -> List.of("feature:start", "apply:chunk").contains(e.get("event").asString()))
            .map(e -> e.get("event").asString() + " " + e.get("feature").asString())
            .toList();
    assertThat(order)
        .containsExactly(
            "feature:start history",
            "apply:chunk history",
            "apply:chunk history",
            "feature:start watchlist",
            "apply:chunk watchlist",
            "apply:chunk watchlist");
  }
}
